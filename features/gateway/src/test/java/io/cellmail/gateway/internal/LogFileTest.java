/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    private static final int LIMIT = 1000;
    private static final int COUNT = 3;

    @TempDir
    Path directory;

    @Test
    void shouldWriteEveryLineToTheCurrentFile() throws IOException {
        try (LogFile log = LogFile.open(directory.resolve("logs"), LIMIT, COUNT)) {
            log.stream().println("2026-12-05T10:00:00.000+0000 [main] [INFO] Gateway - first line");
            log.stream().print("second ");
            log.stream().println("line");
        }

        assertThat(Files.readAllLines(directory.resolve("logs").resolve(LogFile.fileName(0))))
                .containsExactly("2026-12-05T10:00:00.000+0000 [main] [INFO] Gateway - first line", "second line");
    }

    @Test
    void shouldRotateAtTheLimitKeepingCountFilesOfWholeLines() throws IOException {
        List<String> written = new ArrayList<>();
        try (LogFile log = LogFile.open(directory, LIMIT, COUNT)) {
            PrintStream out = log.stream();
            for (int i = 0; i < 100; i++) {
                String line = String.format("line %03d %s", i, "x".repeat(90));
                written.add(line);
                out.println(line);
            }
        }

        assertThat(directory.resolve(LogFile.fileName(COUNT))).as("no more than %d files", COUNT).doesNotExist();
        List<String> kept = new ArrayList<>();
        for (int generation = COUNT - 1; generation >= 0; generation--) {
            Path file = directory.resolve(LogFile.fileName(generation));
            assertThat(file).exists();
            // Rotated when a line takes the file to the limit: never much more than the limit, never a split line.
            assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(LIMIT + 100);
            kept.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        // Oldest file first, the current one last: the newest lines, in order, the oldest ones dropped.
        assertThat(written).endsWith(kept.toArray(String[]::new));
        assertThat(kept).hasSizeLessThan(written.size()).hasSizeGreaterThan(COUNT - 1)
                .contains(written.get(written.size() - 1));
    }

    @Test
    void shouldAppendAfterARestart() throws IOException {
        try (LogFile log = LogFile.open(directory, LIMIT, COUNT)) {
            log.stream().println("before the restart");
        }
        try (LogFile log = LogFile.open(directory, LIMIT, COUNT)) {
            log.stream().println("after the restart");
        }

        assertThat(Files.readAllLines(directory.resolve(LogFile.fileName(0))))
                .containsExactly("before the restart", "after the restart");
    }

    @Test
    void shouldRefuseALimitOrCountBelowOne() {
        assertThatThrownBy(() -> LogFile.open(directory, 0, COUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogFile.open(directory, LIMIT, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
