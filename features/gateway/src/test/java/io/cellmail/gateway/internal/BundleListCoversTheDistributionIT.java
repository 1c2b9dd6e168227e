/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code config/felix/bundles.list} and {@code config/felix/webconsole.list} (start levels, written by hand) against
 * the distribution's {@code bundle/} and {@code webconsole/} (the runtime bundle set's groups, derived by the
 * build): the launcher already refuses a line that matches no jar or two; this fails the build on a jar of the
 * bundle set that no line starts, which the launcher would silently leave uninstalled.
 */
class BundleListCoversTheDistributionIT {

    private static final Path ROOT = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath()
            .normalize();
    private static final GatewayHome HOME = new GatewayHome(ROOT.resolve("features/gateway/target/cellmail-gateway"));

    @Test
    void shouldStartEveryBundleOfTheDistributionAndNothingElse() throws Exception {
        assertListCoversDirectory(HOME.conf().resolve(GatewayConfiguration.BUNDLE_LIST), HOME.bundles());
    }

    @Test
    void shouldStartEveryBundleOfTheWebConsoleAndNothingElse() throws Exception {
        assertListCoversDirectory(HOME.conf().resolve(GatewayConfiguration.WEB_CONSOLE_LIST),
                HOME.webConsoleBundles());
    }

    private static void assertListCoversDirectory(Path list, Path directory) throws Exception {
        BundlePlan plan = new BundleListReader(directory).read(list);

        List<Path> listed = plan.entries().stream().map(BundlePlan.Entry::file).toList();
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
            assertThat(jars).as("the bundle set's groups in " + directory + " (features/runtime)").isNotEmpty();
            assertThat(listed).as("jars that " + list + " starts (config/felix/)")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jars);
        }
    }
}
