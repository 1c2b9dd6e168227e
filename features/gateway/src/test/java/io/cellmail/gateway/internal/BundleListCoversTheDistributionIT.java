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
 * {@code config/felix/bundles.list} (start levels, written by hand) against the distribution's {@code bundle/}
 * (the runtime bundle set's groups, derived by the build): the launcher already refuses a line that matches no
 * jar or two; this fails the build on a jar of the bundle set that no line starts, which the launcher would
 * silently leave uninstalled.
 */
class BundleListCoversTheDistributionIT {

    @Test
    void shouldStartEveryBundleOfTheDistributionAndNothingElse() throws Exception {
        Path root = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath().normalize();
        GatewayHome home = new GatewayHome(root.resolve("features/gateway/target/cellmail-gateway"));

        BundlePlan plan = new BundleListReader(home.bundles()).read(home.conf().resolve("felix/bundles.list"));

        List<Path> listed = plan.entries().stream().map(BundlePlan.Entry::file).toList();
        try (Stream<Path> files = Files.list(home.bundles())) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
            assertThat(jars).as("the bundle set's groups in bundle/ (features/runtime)").isNotEmpty();
            assertThat(listed).as("jars that conf/felix/bundles.list starts (config/felix/bundles.list)")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jars);
        }
    }
}
