/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the soak's results into a document: one that holds the two markers (RELIABILITY.md) keeps everything
 * outside them and gets the results between them, so its prose stays and its figures are always generated; any
 * other file is replaced by the results.
 */
final class ResultsFile {

    static final String BEGIN = "<!-- BEGIN GENERATED SOAK RESULTS: written by soak/run, do not edit -->";
    static final String END = "<!-- END GENERATED SOAK RESULTS -->";

    private ResultsFile() {
    }

    /**
     * @param file where the results go
     * @param results the Markdown results
     * @throws IOException when the file cannot be read or written
     */
    static void write(Path file, String results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String content = results;
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            int begin = existing.indexOf(BEGIN);
            int end = existing.indexOf(END);
            if (begin >= 0 && end > begin) {
                content = existing.substring(0, begin + BEGIN.length()) + "\n\n" + results.strip() + "\n\n"
                        + existing.substring(end);
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
