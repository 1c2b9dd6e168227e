/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentPackageWriterTest {

    @ParameterizedTest
    @CsvSource({
        "0.1.0-SNAPSHOT, 0.1.0.SNAPSHOT",
        "1.2.3,          1.2.3",
        "2,              2.0.0",
        "1.0-rc.1,       1.0.0.rc_1",
    })
    void shouldTurnAMavenVersionIntoAnOsgiVersion(String maven, String osgi) {
        assertThat(DeploymentPackageMain.osgiVersion(maven)).isEqualTo(osgi);
    }

    @ParameterizedTest
    @CsvSource({
        "10", "70", "71", "72", "150", "300",
    })
    void shouldFoldLongHeadersAt72BytesAndReadBackTheSameValue(int length) {
        String value = "é".repeat(length / 2) + "x".repeat(length - length / 2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        DeploymentPackageWriter.header(text, "Name", value);

        String written = text.toString(StandardCharsets.UTF_8);
        for (String line : written.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(72);
        }
        assertThat(OrderedManifest.parse(text.toByteArray()).main()).containsEntry("Name", value);
    }
}
