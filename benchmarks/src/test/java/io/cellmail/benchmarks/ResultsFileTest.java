/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path temp;

    @Test
    void shouldReplaceOnlyTheGeneratedPartOfADocumentThatHasTheMarkers() throws Exception {
        Path doc = temp.resolve("BENCHMARKS.md");
        Files.writeString(doc, "# Benchmarks\nexplanations\n" + ResultsFile.BEGIN + "\nold table\n" + ResultsFile.END
                + "\nmore explanations\n");

        ResultsFile.write(doc, "| new | table |\n");

        assertThat(Files.readString(doc)).isEqualTo("# Benchmarks\nexplanations\n" + ResultsFile.BEGIN
                + "\n\n| new | table |\n\n" + ResultsFile.END + "\nmore explanations\n");
    }

    @Test
    void shouldWriteTheWholeReportToAFileWithoutMarkers() throws Exception {
        Path out = temp.resolve("sub/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "stale");

        ResultsFile.write(out, "| table |\n");

        assertThat(Files.readString(out)).isEqualTo("| table |\n");
    }
}
