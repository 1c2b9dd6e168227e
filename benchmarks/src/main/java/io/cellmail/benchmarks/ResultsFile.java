/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report. A file that holds the two markers (as BENCHMARKS.md does) keeps everything outside them and gets
 * the report between them, so the document's explanations stay and its "latest run" is always generated, never
 * typed; any other file is replaced by the report.
 */
public final class ResultsFile {

    /** Starts the generated part of a document. */
    public static final String BEGIN = "<!-- BEGIN GENERATED RESULTS: written by the benchmark run, do not edit -->";
    /** Ends the generated part of a document. */
    public static final String END = "<!-- END GENERATED RESULTS -->";

    private ResultsFile() {
    }

    /**
     * @param file where the report goes
     * @param report the Markdown report
     * @throws IOException when the file cannot be read or written
     */
    public static void write(Path file, String report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String content = report;
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            int begin = existing.indexOf(BEGIN);
            int end = existing.indexOf(END);
            if (begin >= 0 && end > begin) {
                content = existing.substring(0, begin + BEGIN.length()) + "\n\n" + report.strip() + "\n\n"
                        + existing.substring(end);
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
