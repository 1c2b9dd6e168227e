/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs all five benchmarks with tiny sizes and no JMH forks — exactly the code of a real run, seconds instead of
 * minutes — and checks that the results table is written and sane. The figures themselves mean nothing here.
 */
class BenchmarkSmokeTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d[a-e]?) \\| ([^|]+) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)");

    @TempDir
    Path temp;

    @Test
    void shouldWriteASaneResultsTableWhenAllFiveBenchmarksRunWithTinySizes() throws Exception {
        Path results = temp.resolve("results.md");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"all", "--smoke", "--out", results.toString(), "--work-dir",
                temp.resolve("work").toString()}, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String markdown = Files.readString(results);
        assertThat(markdown).contains("- Date: ", "- Machine: ", "- JVM: ", "- Outbox disk: ",
                "| # | Figure | Measured | Reference | Ratio | Target | Verdict |");
        Map<String, String> measured = rows(markdown);
        assertThat(measured).containsOnlyKeys("1a", "1b", "1c", "1d", "1e", "2a", "2b", "2c", "2d", "3a", "3b", "3c", "3d",
                "4", "5a", "5b");
        measured.forEach((id, value) -> assertThat(firstNumber(value)).as("figure %s: %s", id, value).isPositive());
        assertThat(measured.get("4")).startsWith("completed");
        assertThat(markdown).contains("### 1. AT engine throughput", "### 2. End-to-end send time",
                "### 3. Round trips per mail", "### 4. Memory", "### 5. Outbox");
        assertCellmailNeedsFewerRoundTripsThanTheNaiveDriver(markdown);
        assertOnlyTheBodyEndsWithAnEscapeOnALengthEndingModule(markdown);
        assertNoEscapeOnTheLteModule(markdown);
    }

    private static void assertNoEscapeOnTheLteModule(String markdown) {
        Matcher rows = Pattern.compile("\\| cellmail \\(b\\) LTE #\\d+ \\|[^\\n]*?\\| (\\d+) × 2 × ").matcher(markdown);
        int count = 0;
        while (rows.find()) {
            assertThat(rows.group(1)).as("+++ per mail: none, everything ends by its length").isEqualTo("0");
            count++;
        }
        assertThat(count).as(markdown).isPositive();
    }

    private static void assertOnlyTheBodyEndsWithAnEscapeOnALengthEndingModule(String markdown) {
        Matcher rows = Pattern.compile("\\| cellmail \\(b\\) length-ended #\\d+ \\|[^\\n]*?\\| (\\d+) × 2 × ")
                .matcher(markdown);
        int count = 0;
        while (rows.find()) {
            assertThat(rows.group(1)).as("+++ per mail: the body's, none after the attachments").isEqualTo("1");
            count++;
        }
        assertThat(count).as(markdown).isPositive();
    }

    private static void assertCellmailNeedsFewerRoundTripsThanTheNaiveDriver(String markdown) {
        Matcher steady = Pattern.compile("\\| 3a \\| [^|]+ \\| cellmail (\\d+) \\| naive driver (\\d+) \\|")
                .matcher(markdown);
        assertThat(steady.find()).as(markdown).isTrue();
        int cellmail = Integer.parseInt(steady.group(1));
        int naive = Integer.parseInt(steady.group(2));
        assertThat(cellmail).isBetween(1, 5);
        assertThat(naive).isGreaterThanOrEqualTo(2 * cellmail);
        assertThat(markdown).contains("AT+QSMTPCLR").contains("AT+QSMTPPUT");
    }

    private static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(markdown);
        while (row.find()) {
            rows.put(row.group(1), row.group(3).strip());
        }
        return rows;
    }

    private static double firstNumber(String text) {
        Matcher number = NUMBER.matcher(text);
        return number.find() ? Double.parseDouble(number.group(1).replace(",", "")) : -1;
    }

}
