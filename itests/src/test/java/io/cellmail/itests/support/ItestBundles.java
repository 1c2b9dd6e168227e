/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * The bundles the framework installs: every jar the build put into {@code target/itest-bundle-set}, i.e. every
 * group of the runtime bundle set ({@code features/runtime}, unpacked by the pom's {@code unpack-itest-bundles})
 * and the test helpers of {@code copy-itest-bundles}. Runs on Pax Exam's driver side, outside the framework.
 */
public final class ItestBundles {

    /** System property naming the directory; set by the failsafe configuration. */
    static final String DIRECTORY_PROPERTY = "cellmail.itest.bundles";

    /**
     * Start level of the weaving support: SPI Fly must be active before any bundle that uses a ServiceLoader
     * loads its classes, or those classes stay unwoven and Jakarta Mail finds no provider.
     */
    private static final int WEAVING_START_LEVEL = 2;
    private static final int DEFAULT_START_LEVEL = 10;

    private ItestBundles() {
    }

    /** @return an option installing and starting (fragments: attaching) every bundle of the directory */
    public static Option all() {
        List<Path> jars = jars();
        if (jars.isEmpty()) {
            throw new IllegalStateException("No bundles in " + directory() + ": run the build's pre-integration-test "
                    + "phase (mvn verify) so the dependency plugin copies them");
        }
        return composite(jars.stream().map(ItestBundles::provision).toArray(Option[]::new));
    }

    private static Option provision(Path jar) {
        Manifest manifest = manifest(jar);
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null) {
            throw new IllegalStateException(jar + " is not a bundle (no Bundle-SymbolicName)");
        }
        UrlProvisionOption option = bundle(jar.toUri().toString());
        if (manifest.getMainAttributes().getValue("Fragment-Host") != null) {
            return option.noStart();
        }
        boolean weaving = symbolicName.startsWith("org.apache.aries.spifly")
                || symbolicName.startsWith("org.objectweb.asm");
        return option.startLevel(weaving ? WEAVING_START_LEVEL : DEFAULT_START_LEVEL);
    }

    private static List<Path> jars() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory(), e);
        }
    }

    private static Path directory() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            throw new IllegalStateException("System property " + DIRECTORY_PROPERTY + " is not set: run the tests "
                    + "through Maven failsafe (mvn verify)");
        }
        return Paths.get(directory);
    }

    private static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new IllegalStateException(jar + " has no manifest");
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
