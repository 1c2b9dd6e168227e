/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the .dp the build wrote, entry by entry as Deployment Admin would, and checks what Kura would install. */
class DeploymentPackageIT {

    /** What a Kura 5 gateway lacks, in the order it must be installed: the package's groups of the bundle set. */
    private static List<String> bundlesKuraLacks;
    private static List<String> entryNames;
    private static Map<String, byte[]> entries;
    private static OrderedManifest manifest;

    @BeforeAll
    static void readPackage() throws IOException {
        Path dp = Path.of(System.getProperty("cellmail.dp", "target/cellmail-kura-0.1.0-SNAPSHOT.dp"));
        assertThat(dp).as("the build writes the package before the integration tests").isRegularFile();
        entryNames = new ArrayList<>();
        entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dp))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entryNames.add(entry.getName());
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        manifest = OrderedManifest.parse(entries.get("META-INF/MANIFEST.MF"));
        bundlesKuraLacks = new ArrayList<>();
        for (String list : System.getProperty("cellmail.dp.groups", "").split(",")) {
            for (Path jar : BundleSetList.jars(Path.of(list.strip()))) {
                try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
                    bundlesKuraLacks.add(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")
                            .split(";", 2)[0].strip());
                }
            }
        }
    }

    @Test
    void shouldStartWithTheManifest() {
        assertThat(entryNames).first().isEqualTo("META-INF/MANIFEST.MF");
    }

    @Test
    void shouldNameAndVersionThePackage() {
        assertThat(manifest.main())
                .containsEntry("DeploymentPackage-SymbolicName", "io.cellmail")
                .containsEntry("DeploymentPackage-Version", "0.1.0.SNAPSHOT");
    }

    @Test
    void shouldListExactlyTheBundlesKuraLacksInInstallationOrder() {
        assertThat(manifest.sections()).extracting(section -> section.get("Bundle-SymbolicName"))
                .containsExactlyElementsOf(bundlesKuraLacks);
    }

    @Test
    void shouldCarryCellmailItsKuraFrontDoorAndJSerialComm() {
        assertThat(manifest.sections()).extracting(section -> section.get("Bundle-SymbolicName"))
                .contains("com.fazecast.jSerialComm", "io.cellmail.service", "io.cellmail.quectel", "io.cellmail.kura",
                        "io.cellmail.console");
    }

    @Test
    void shouldGiveEverySectionANameABundleSymbolicNameAndAVersion() {
        assertThat(manifest.sections()).allSatisfy(section -> assertThat(section)
                .containsKeys("Name", "Bundle-SymbolicName", "Bundle-Version"));
    }

    @Test
    void shouldCarryTheBundlesInManifestOrderRightAfterTheManifest() {
        List<String> names = manifest.sections().stream().map(section -> section.get("Name")).toList();
        assertThat(entryNames.subList(1, entryNames.size())).containsExactlyElementsOf(names);
    }

    @Test
    void shouldDescribeEveryBundleAsItsOwnManifestDoes() throws IOException {
        for (Map<String, String> section : manifest.sections()) {
            Manifest bundle = bundleManifest(section.get("Name"));
            String bsn = bundle.getMainAttributes().getValue("Bundle-SymbolicName").split(";", 2)[0].strip();
            assertThat(section.get("Bundle-SymbolicName")).isEqualTo(bsn);
            assertThat(section.get("Bundle-Version"))
                    .isEqualTo(bundle.getMainAttributes().getValue("Bundle-Version").strip());
        }
    }

    @Test
    void shouldNeverShipTheKuraApiOrItsTestSubset() throws IOException {
        assertThat(manifest.sections()).extracting(section -> section.get("Bundle-SymbolicName"))
                .noneMatch(bsn -> bsn.startsWith("org.eclipse.kura") || bsn.contains("kura-api-subset"));
        for (Map<String, String> section : manifest.sections()) {
            String name = section.get("Name");
            assertThat(classEntries(name)).as("classes inside " + name)
                    .noneMatch(entry -> entry.startsWith("org/eclipse/kura/"));
            String exports = bundleManifest(name).getMainAttributes().getValue("Export-Package");
            assertThat(exports == null ? "" : exports).as("exports of " + name).doesNotContain("org.eclipse.kura");
        }
    }

    @Test
    void shouldLeaveOutTheEmulatorAndWhatKuraAlreadyRuns() {
        assertThat(manifest.sections()).extracting(section -> section.get("Bundle-SymbolicName"))
                .doesNotContain("io.cellmail.emulator", "org.apache.felix.scr", "org.apache.felix.configadmin",
                        "org.apache.felix.eventadmin", "org.apache.felix.gogo.runtime", "slf4j.api",
                        "org.apache.aries.spifly.dynamic.bundle", "jakarta.mail-api");
    }

    private static Manifest bundleManifest(String name) throws IOException {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(entries.get(name)))) {
            Manifest bundle = jar.getManifest();
            assertThat(bundle).as("manifest of " + name).isNotNull();
            return bundle;
        }
    }

    private static List<String> classEntries(String name) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(entries.get(name)); ZipInputStream jar = new ZipInputStream(in)) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
