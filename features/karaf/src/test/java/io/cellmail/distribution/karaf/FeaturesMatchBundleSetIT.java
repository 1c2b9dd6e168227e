/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * features.xml is written by hand; this keeps it in step with the one definition of the runtime bundle set
 * ({@code features/runtime}): feature {@code cellmail-<group>} carries exactly the bundles of group
 * {@code <group>}, same versions, same order, and every group this module takes has its feature.
 */
class FeaturesMatchBundleSetIT {

    private static final String FEATURE_PREFIX = "cellmail-";
    private static final String LIST_PREFIX = "cellmail-runtime-";
    private static final String LIST_SUFFIX = ".list";

    /** Feature name → its bundles as jar names ({@code <artifactId>-<version>.jar}), in the file's order. */
    private static Map<String, List<String>> features;
    /** Group name → its jar names, in the group's order. */
    private static Map<String, List<String>> groups;

    @BeforeAll
    static void read() throws Exception {
        features = features(Path.of(System.getProperty("cellmail.karaf.features", "target/classes/features.xml")));
        groups = groups(Path.of(System.getProperty("cellmail.karaf.bundle.set", "target/bundle-set")));
    }

    @Test
    void shouldReadTheGroupsCoreConsoleAndEmulator() {
        assertThat(groups).containsKeys("core", "console", "emulator");
    }

    @Test
    void shouldGiveEveryGroupAFeatureOfItsName() {
        assertThat(features.keySet()).containsAll(groups.keySet().stream().map(g -> FEATURE_PREFIX + g).toList());
    }

    @Test
    void shouldCarryExactlyTheBundlesOfItsGroupInEveryFeature() {
        assertThat(features).isNotEmpty();
        features.forEach((feature, bundles) -> {
            String group = feature.substring(FEATURE_PREFIX.length());
            assertThat(groups).as("the runtime bundle set's group for feature " + feature).containsKey(group);
            assertThat(bundles).as("bundles of feature " + feature + " (group " + group + " of features/runtime)")
                    .containsExactlyElementsOf(groups.get(group));
        });
    }

    private static Map<String, List<String>> features(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList featureElements = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "feature");
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int i = 0; i < featureElements.getLength(); i++) {
            Element feature = (Element) featureElements.item(i);
            String name = feature.getAttribute("name");
            if (!name.startsWith(FEATURE_PREFIX)) {
                continue; // a reference to another feature (scr, shell, cellmail-core), not a definition
            }
            List<String> jars = new ArrayList<>();
            NodeList bundles = feature.getElementsByTagNameNS("*", "bundle");
            for (int b = 0; b < bundles.getLength(); b++) {
                jars.add(jarName(bundles.item(b).getTextContent().strip()));
            }
            byName.put(name, jars);
        }
        return byName;
    }

    /** {@code mvn:<groupId>/<artifactId>/<version>} → {@code <artifactId>-<version>.jar}, as a group names it. */
    static String jarName(String mvnUrl) {
        assertThat(mvnUrl).as("bundle URL").startsWith("mvn:");
        String[] coordinates = mvnUrl.substring("mvn:".length()).split("/");
        assertThat(coordinates).as(mvnUrl).hasSizeGreaterThanOrEqualTo(3);
        return coordinates[1] + "-" + coordinates[2] + ".jar";
    }

    private static Map<String, List<String>> groups(Path directory) throws IOException {
        Map<String, List<String>> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path list : files.filter(f -> f.getFileName().toString().startsWith(LIST_PREFIX)
                    && f.getFileName().toString().endsWith(LIST_SUFFIX)).toList()) {
                String fileName = list.getFileName().toString();
                String group = fileName.substring(LIST_PREFIX.length(), fileName.length() - LIST_SUFFIX.length());
                List<String> jars = new ArrayList<>();
                for (String entry : Files.readString(list, StandardCharsets.UTF_8).strip().split(",")) {
                    jars.add(Path.of(entry.strip()).getFileName().toString());
                }
                byName.put(group, jars);
            }
        }
        return byName;
    }
}
