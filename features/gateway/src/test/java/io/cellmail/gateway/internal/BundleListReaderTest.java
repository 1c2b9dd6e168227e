/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleListReaderTest {

    @TempDir
    Path bundles;

    private BundleListReader reader;

    @BeforeEach
    void someJars() throws IOException {
        for (String jar : List.of("org.apache.felix.scr-2.2.18.jar", "io.cellmail.api-0.1.0-SNAPSHOT.jar",
                "io.cellmail.serial-0.1.0-SNAPSHOT.jar", "io.cellmail.serial.jserialcomm-0.1.0-SNAPSHOT.jar")) {
            Files.createFile(bundles.resolve(jar));
        }
        reader = new BundleListReader(bundles);
    }

    @Test
    void shouldListEveryBundleWithItsStartLevelInOrderSkippingCommentsAndBlankLines() throws Exception {
        BundlePlan plan = reader.parse(List.of(
                "# runtime",
                "1 org.apache.felix.scr-*.jar",
                "",
                "   # cellmail",
                "4   io.cellmail.serial-0*.jar   ",
                "3\tio.cellmail.api-*.jar"), "bundles.list");

        assertThat(plan.entries()).containsExactly(
                new BundlePlan.Entry(1, bundles.resolve("org.apache.felix.scr-2.2.18.jar")),
                new BundlePlan.Entry(4, bundles.resolve("io.cellmail.serial-0.1.0-SNAPSHOT.jar")),
                new BundlePlan.Entry(3, bundles.resolve("io.cellmail.api-0.1.0-SNAPSHOT.jar")));
        assertThat(plan.highestStartLevel()).isEqualTo(4);
        assertThat(plan.inStartLevelOrder().entries()).extracting(BundlePlan.Entry::startLevel)
                .containsExactly(1, 3, 4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1                                | bundles.list:1: expected '<start level> <jar>', got '1'",
        "1 a.jar b.jar                    | bundles.list:1: expected '<start level> <jar>', got '1 a.jar b.jar'",
        "0 io.cellmail.api-*.jar          | bundles.list:1: start level must be a number from 1, not '0'",
        "one io.cellmail.api-*.jar        | bundles.list:1: start level must be a number from 1, not 'one'",
        "1 ../io.cellmail.api-*.jar       | bundles.list:1: a jar name, not a path: ../io.cellmail.api-*.jar",
    })
    void shouldRejectAMalformedLineNamingFileAndLine(String line, String message) {
        assertThatThrownBy(() -> reader.parse(List.of(line), "bundles.list"))
                .isInstanceOf(GatewayException.class).hasMessage(message);
    }

    @Test
    void shouldRejectAGlobThatMatchesNoJarOrSeveral() {
        assertThatThrownBy(() -> reader.parse(List.of("# x", "2 io.cellmail.kura-*.jar"), "bundles.list"))
                .isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("bundles.list:2: 'io.cellmail.kura-*.jar' matches 0 jars");
        assertThatThrownBy(() -> reader.parse(List.of("2 io.cellmail.serial*.jar"), "bundles.list"))
                .isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("bundles.list:1: 'io.cellmail.serial*.jar' matches 2 jars");
    }

    @Test
    void shouldRejectAListWithoutBundles() {
        assertThatThrownBy(() -> reader.parse(List.of("# nothing"), "bundles.list"))
                .isInstanceOf(GatewayException.class).hasMessage("bundles.list lists no bundles");
    }
}
