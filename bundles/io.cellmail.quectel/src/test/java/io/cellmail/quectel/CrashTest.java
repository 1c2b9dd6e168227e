/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        List<String> output = ChildProcess.runAndKill(CrashChild.class, "uploading", Duration.ofSeconds(60),
                outbox.toString(), Integer.toString(SMTP.getSmtp().getPort()), Integer.toString(MAILS));
        assertThat(output).contains("accepted " + MAILS);
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
}
