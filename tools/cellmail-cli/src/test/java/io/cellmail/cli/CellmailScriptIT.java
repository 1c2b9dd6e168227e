/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cellmail} launcher as a technician runs it: a bash process running the packaged jar
 * ({@code target/cellmail-cli.jar}, shaded with the bundles, Jakarta Mail and jSerialComm).
 */
class CellmailScriptIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("../../cellmail").normalize();

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePackagedJar() {
        // Without it the launcher would start a Maven build of its own.
        assertThat(MODULE.resolve("target/cellmail-cli.jar")).isRegularFile();
        assertThat(SCRIPT).isRegularFile().isExecutable();
    }

    @Test
    void shouldListTheCommands() throws Exception {
        Run run = cellmail("", Map.of(), "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  send ", "  probe ", "  at ", "  emulate ");
    }

    @Test
    void shouldPassTheExitCodeAndUsageOfABadCommandLineThrough() throws Exception {
        Run run = cellmail("", Map.of(), "send", "emulator:x");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: cellmail send");
    }

    @Test
    void shouldSendAMailThroughThePackagedJar() throws Exception {
        Run run = cellmail("", Map.of(), "send", "emulator:script", "--smtp", "127.0.0.1:" + SMTP.getSmtp().getPort(),
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject", "Pump 3 pressure high",
                "--body", "sent by ./cellmail");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sent: +QSMTPPUT: 0");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Pump 3 pressure high");
    }

    @Test
    void shouldMaskThePasswordInTheAtTerminalFedFromStdin() throws Exception {
        Run run = cellmail("AT+QSMTPPWD=\"hunter2\"\n", Map.of(), "at", "emulator:script");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("AT+QSMTPPWD=\"****\"\nOK").doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseAJarThatDoesNotExist() throws Exception {
        Run run = cellmail("", Map.of("CELLMAIL_JAR", dir.resolve("none.jar").toString()), "--help");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("CELLMAIL_JAR=").contains("does not exist");
    }

    private Run cellmail(String stdin, Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path in = Files.writeString(dir.resolve("stdin"), stdin, StandardCharsets.UTF_8);
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out)
                .redirectError(err);
        builder.environment().remove("CELLMAIL_LINK");
        builder.environment().remove("CELLMAIL_JAR");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("./cellmail did not end within " + LIMIT);
        }
        return new Run(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    private record Run(int exit, String out, String err) {
    }
}
