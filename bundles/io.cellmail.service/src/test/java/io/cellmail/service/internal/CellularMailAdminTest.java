/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.MAILER;
import static io.cellmail.service.internal.ServiceHarness.T0;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.Registration;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;

/** What an operator does with a running service: list the queue, retry now, replace the mailer, ask the modem. */
class CellularMailAdminTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldListEveryPendingMailOldestFirstWithItsProgress() {
        harness = new ServiceHarness(directory, s -> s);
        String first = harness.send(mail("first"));
        String second = harness.send(mail("second"));
        String third = harness.send(mail("third"));
        harness.service.cancel(second);

        List<MessageStatus> queue = harness.service.queue();

        assertThat(queue).extracting(MessageStatus::messageId).containsExactly(first, third);
        assertThat(queue).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(MessageState.QUEUED);
            assertThat(status.attempts()).isZero();
            assertThat(status.nextAttemptAt()).contains(T0);
        });
    }

    @Test
    void shouldShowTheMailBeingSentAsSending() {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.hold();
        harness.start();
        String id = harness.send(mail("in flight"));
        harness.awaitAttempts(1);

        assertThat(harness.service.queue()).singleElement().satisfies(status -> {
            assertThat(status.messageId()).isEqualTo(id);
            assertThat(status.state()).isEqualTo(MessageState.SENDING);
            assertThat(status.attempts()).isEqualTo(1);
        });
        harness.mailer.release();
    }

    @Test
    void shouldMakeAMailInBackoffDueAtOnceOnRetryNow() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("flaky", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String id = harness.send(mail("flaky"));
        MessageStatus waiting = harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT);
        assertThat(waiting.nextAttemptAt()).hasValueSatisfying(next -> assertThat(next).isAfter(T0));

        assertThat(harness.service.retryNow(id)).isTrue();

        assertThat(harness.receipt(id).attempts()).isEqualTo(2);
        assertThat(harness.receipt(id).sentAt()).as("the clock never moved").isEqualTo(T0);
    }

    @Test
    void shouldAcceptRetryNowForAMailThatIsDueAnyway() {
        harness = new ServiceHarness(directory, s -> s);
        String id = harness.send(mail("due"));

        assertThat(harness.service.retryNow(id)).isTrue();
        assertThat(harness.status(id).nextAttemptAt()).contains(T0);
    }

    @Test
    void shouldRefuseRetryNowForAnUnknownAFinalOrASendingMail() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String sent = harness.send(mail("sent"));
        harness.start();
        harness.receipt(sent);
        harness.mailer.hold();
        String sending = harness.send(mail("sending"));
        harness.awaitAttempts(2);

        assertThat(harness.service.retryNow("no-such-mail")).isFalse();
        assertThat(harness.service.retryNow(sent)).isFalse();
        assertThat(harness.service.retryNow(sending)).isFalse();
        harness.mailer.release();
    }

    @Test
    void shouldRetryASendCutShortByAMailerReplacementAtOnceOnTheNewMailer() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.hold();
        harness.start();
        String id = harness.send(mail("across the change"));
        harness.awaitAttempts(1);
        ScriptedMailer oldMailer = harness.mailer;
        ScriptedMailer newMailer = new ScriptedMailer();
        MailerSettings changed = MAILER.toBuilder().smtp("smtp2.example.com", 587).build();

        harness.service.replaceMailer(changed, newMailer);

        assertThat(oldMailer.isClosed()).isTrue();
        assertThat(harness.receipt(id).attempts()).isEqualTo(2);
        assertThat(harness.receipt(id).sentAt()).as("no backoff").isEqualTo(T0);
        assertThat(newMailer.subjects()).containsExactly("across the change");
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "RETRYING", "SENT");
        assertThat(harness.service.settings().mailer()).isEqualTo(changed);
        assertThat(harness.outboxFiles()).isEmpty();
    }

    @Test
    void shouldSendWithTheNewDefaultSenderAfterAReplacement() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        ScriptedMailer newMailer = new ScriptedMailer();
        harness.service.replaceMailer(MAILER.toBuilder().sender("alarms@example.com", "Alarms").build(), newMailer);
        harness.start();

        harness.receipt(harness.send(mail("from the new sender")));

        assertThat(newMailer.calls()).singleElement()
                .satisfies(call -> assertThat(call.sender()).isEqualTo(new SenderIdentity("alarms@example.com",
                        "Alarms")));
        assertThat(harness.mailer.calls()).isEmpty();
    }

    @Test
    void shouldCloseTheReplacementAndRefuseItWhenTheServiceIsClosed() {
        harness = new ServiceHarness(directory, s -> s);
        harness.close();
        ScriptedMailer late = new ScriptedMailer();

        assertThatThrownBy(() -> harness.service.replaceMailer(MAILER, late))
                .isInstanceOf(IllegalStateException.class);
        assertThat(late.isClosed()).isTrue();
    }

    @Test
    void shouldAnswerProbeAndTranscriptFromTheCurrentMailer() {
        harness = new ServiceHarness(directory, s -> s);
        ModemProbe answer = new ModemProbe(List.of("Quectel_M95"), "READY", Registration.HOME, OptionalInt.of(21),
                true);
        harness.mailer.probe(answer);
        harness.mailer.transcript(List.of("a", "b", "c"));

        assertThat(harness.service.probe()).isEqualTo(answer);
        assertThat(harness.service.transcript(2)).containsExactly("b", "c");
    }

    @Test
    void shouldReportADialectWithoutProbeAsModemUnavailableAndAClosedServiceAsStopped() {
        harness = new ServiceHarness(directory, s -> s);

        assertThatThrownBy(harness.service::probe).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE));
        harness.close();
        assertThatThrownBy(harness.service::probe).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED));
    }
}
