/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @Test
    void shouldReplaceOnlyWhatIsBetweenTheMarkers(@TempDir Path directory) throws Exception {
        Path document = directory.resolve("RELIABILITY.md");
        Files.writeString(document, "# Reliability\n\nprose\n\n" + ResultsFile.BEGIN + "\n\nold figures\n\n"
                + ResultsFile.END + "\n\nmore prose\n");

        ResultsFile.write(document, "new figures\n");

        assertThat(Files.readString(document)).isEqualTo("# Reliability\n\nprose\n\n" + ResultsFile.BEGIN
                + "\n\nnew figures\n\n" + ResultsFile.END + "\n\nmore prose\n");
    }

    @Test
    void shouldWriteAFileWithoutMarkersWhole(@TempDir Path directory) throws Exception {
        Path results = directory.resolve("out/results.md");

        ResultsFile.write(results, "figures\n");

        assertThat(Files.readString(results)).isEqualTo("figures\n");
    }
}
