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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.SmsEvents;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.service.internal.MailService;

/**
 * A gateway process is killed with SIGKILL while its module sends an SMS. A service started afterwards on the same
 * outbox, with the real driver on a fresh module, sends it again, once: the SMS is not lost, and it reaches the
 * phone at most twice (at-least-once, as mail).
 */
class SmsCrashTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    @TempDir
    Path outbox;

    @Test
    void shouldSendAnSmsOnceMoreAfterTheProcessIsKilledWhileSendingIt() throws Exception {
        List<String> output = ChildProcess.runAndKill(SmsCrashChild.class, "sending", Duration.ofSeconds(60),
                outbox.toString(), Integer.toString(SMTP.getSmtp().getPort()));
        assertThat(output).contains("accepted");

        try (ModemBench bench = new ModemBench(SMTP.getSmtp().getPort())) {
            RecordedEvents events = new RecordedEvents();
            MailService restarted = bench.service(outbox, events);

            List<DeliveredSms> delivered = bench.emulator().smsCentre().awaitDelivered(1, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.kindsOf(SmsCrashChild.ID).contains("sms/SENT"));

            assertThat(delivered).extracting(DeliveredSms::text).containsExactly(SmsCrashChild.TEXT);
            assertThat(delivered.get(0).number()).isEqualTo(SmsCrashChild.NUMBER);
            assertThat(events.kindsOf(SmsCrashChild.ID)).as("sent once after the restart").containsExactly("sms/SENT");
            assertThat(events.of(SmsCrashChild.ID).get(0).properties())
                    .as("the attempt the dead process started counts").containsEntry(SmsEvents.ATTEMPT, 2);
            assertThat(restarted.smsQueue()).isEmpty();
            assertThat(bench.emulator().smsCentre().delivered()).as("no third copy").hasSize(1);
        }
    }
}
