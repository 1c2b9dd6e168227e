/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.service.internal.MailService;

/**
 * A gateway process is killed with SIGKILL while its modem is in the middle of an upload. A mail service started
 * afterwards on the same outbox, with the real driver on a fresh module, delivers every mail the dead process
 * had accepted: none is lost (one may arrive twice: delivery is at-least-once).
 */
class CrashTest {

    private static final int MAILS = 5;

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    @TempDir
    Path outbox;

    @Test
    void shouldDeliverEveryAcceptedMailAfterTheProcessIsKilledDuringAnUpload() throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(), CrashChild.class.getName(),
                outbox.toString(), Integer.toString(SMTP.getSmtp().getPort()), Integer.toString(MAILS))
                .redirectErrorStream(true).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<String> output;
        try {
            Future<List<String>> lines = reader.submit(() -> readUntil(child, "uploading"));
            output = lines.get(60, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.shutdownNow();
        }
        assertThat(output).contains("accepted " + MAILS);
        assertThat(child.exitValue()).as("killed, not exited").isNotIn(0, 3);
        assertThat(GreenMailInbox.subjects(SMTP)).as("only the first went out before the kill")
                .containsExactly("crash 0");

        try (ModemBench bench = new ModemBench(SMTP.getSmtp().getPort())) {
            MailService restarted = bench.service(outbox, new RecordedEvents());
            List<String> expected = IntStream.range(0, MAILS).mapToObj(i -> "crash " + i).toList();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> GreenMailInbox.subjects(SMTP).containsAll(expected));
            await().atMost(Duration.ofSeconds(10)).until(() -> restarted.status("crash-" + (MAILS - 1))
                    .map(s -> s.state().isFinal()).orElse(true));
            assertThat(GreenMailInbox.subjects(SMTP)).containsAll(expected)
                    .allMatch(expected::contains)
                    .hasSizeBetween(MAILS, MAILS + 1);
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
