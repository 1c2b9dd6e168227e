/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README's first command, {@code ./cellmail-demo}, exactly as a user would (a separate process, the script
 * at the repository root) against the distribution this build just assembled, and reads what it printed.
 */
class CellmailDemoIT {

    /** The whole demo, framework start to exit, must fit in this. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static Run demo;

    @BeforeAll
    static void runTheDemo(@TempDir Path output) throws Exception {
        demo = run(output.resolve("demo.txt"));
    }

    @Test
    void shouldExitZeroAndSayOk() {
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("cellmail demo: OK");
    }

    @Test
    void shouldPrintWhatTheSmtpServerReceived() {
        assertThat(demo.output())
                .contains("== The SMTP server received:")
                .containsPattern("From: +.*\\S+@\\S+")
                .contains("To:          " + DemoScenario.RECIPIENT)
                .contains("Subject:     " + DemoScenario.SUBJECT)
                .contains("Attachments: " + DemoScenario.ATTACHMENT + " ("
                        + DemoScenario.ATTACHMENT_CONTENT.length() + " bytes)")
                .contains("  | Boiler 7 flow temperature 96.4 C");
    }

    @Test
    void shouldPrintTheAtTranscriptOfTheSendFromTheConsole() {
        assertThat(demo.output())
                .contains("== AT transcript (passwords masked), from the console:")
                .contains("AT+QSMTPDST")
                .contains("AT+QSMTPATT")
                .contains("AT+QSMTPPUT")
                .containsPattern("\\+QSMTPPUT: ?0\\b");
    }

    @Test
    void shouldRejectAnUnknownOptionWithUsageAndExitTwo(@TempDir Path output) throws Exception {
        Run wrong = run(output.resolve("usage.txt"), "--no-such-option");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("unknown argument: --no-such-option").contains("usage:");
    }

    @Test
    void shouldFailWithAClearMessageWhenTheDemoRunsOutOfTime(@TempDir Path output) throws Exception {
        Run late = run(output.resolve("late.txt"), "--timeout", "1");

        assertThat(late.exitCode()).as(late.output()).isEqualTo(1);
        assertThat(late.output()).contains("cellmail-gateway: FAILED:").containsPattern("within \\d+ s");
    }

    private static Run run(Path outputFile, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("cellmail-demo").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        // The build has just assembled the distribution; the script must not start another build inside it.
        builder.environment().put("CELLMAIL_DEMO_SKIP_BUILD", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);
        assertThat(finished).as("./cellmail-demo finishes within " + BOUND.toSeconds() + " s; it printed:%n%s",
                output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
