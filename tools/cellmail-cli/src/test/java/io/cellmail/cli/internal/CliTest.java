/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {

    @Test
    void shouldAnswerNoCommandWithUsageOnStderrAndExit2() {
        CliRun.Result result = CliRun.run("");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("which command?").contains("Usage: cellmail <command>");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownCommandWithUsageOnStderrAndExit2() {
        CliRun.Result result = CliRun.run("", "sned");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("unknown command 'sned'").contains("Commands:");
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h", "help"})
    void shouldListEveryCommandOnStdoutForHelp(String help) {
        CliRun.Result result = CliRun.run("", help);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("  at ", "  emulate ").contains("Exit codes: 0 done, 1 failed, 2 bad");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"at, --help", "emulate, --help", "at, -h", "help, at", "help, emulate"})
    void shouldPrintACommandsOwnUsageForItsHelp(String first, String second) {
        String command = first.equals("help") ? second : first;

        CliRun.Result result = CliRun.run("", first, second);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: cellmail " + command + " ");
    }

    @Test
    void shouldAnswerHelpForAnUnknownCommandWithExit2() {
        assertThat(CliRun.run("", "help", "nope").exit()).isEqualTo(ExitCode.USAGE);
    }
}
