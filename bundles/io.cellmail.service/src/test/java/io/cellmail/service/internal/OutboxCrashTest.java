/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A process is killed with SIGKILL while its modem is in the middle of a send: every mail it had accepted must be
 * in the outbox afterwards, the one being sent included (at-least-once), and must go out after a restart.
 */
class OutboxCrashTest {

    private static final int MAILS = 20;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryAcceptedMailWhenTheProcessIsKilledDuringASend() throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(),
                KilledDuringSendChild.class.getName(), directory.toString(), Integer.toString(MAILS))
                .redirectErrorStream(true).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> output = reader.submit(() -> readUntil(child, "accepted " + MAILS));
            assertThat(output.get(60, TimeUnit.SECONDS)).last().isEqualTo("accepted " + MAILS);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.shutdownNow();
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotIn(0, 3);

        List<OutboxRecord> records = OutboxContents.records(directory);

        assertThat(records).extracting(r -> OutboxContents.message(directory, r.file()).message().subject())
                .containsExactlyElementsOf(IntStream.range(0, MAILS).mapToObj(i -> "crash " + i).toList());
        assertThat(records.get(0).state()).as("killed during its send").satisfies(s -> {
            assertThat(s.inFlight()).isTrue();
            assertThat(s.attempts()).isEqualTo(1);
        });
        assertThat(records.subList(1, MAILS)).allSatisfy(r -> assertThat(r.state().attempts()).isZero());
        assertAllGoOutAfterARestart();
    }

    private void assertAllGoOutAfterARestart() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        RecordingEvents events = new RecordingEvents();
        try (MailService service = new MailService(
                MailServiceSettings.builder("restarted", ServiceHarness.MAILER, directory).build(), mailer, events,
                new SystemTimeSource(), new SplittableRandom(1))) {
            service.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> service.counters().sent() == MAILS);
            assertThat(mailer.subjects()).first().isEqualTo("crash 0");
            assertThat(OutboxContents.mailFiles(directory)).isEmpty();
        }
    }

    private static List<String> readUntil(Process process, String last) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.equals(last)) {
                    return lines;
                }
            }
        }
        throw new AssertionError("the child ended without printing '" + last + "': " + lines);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        // Surefire may start tests through a manifest-only jar; it names the real class path in this property.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
