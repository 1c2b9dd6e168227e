/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsEvents;
import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.internal.SmsSettings;

/**
 * The SMS fallback as an alarm bundle meets it: mail handed to the real service, its outbox and dispatcher, the
 * Quectel driver, the AT engine and the emulated module, which relays mail to GreenMail and short messages to its
 * SMS centre. Each test reads what arrived on both channels and the events of both, in order.
 */
class SmsFallbackTest {

    private static final String NUMBER = "+41791234567";
    /** Attempts that fail while data is down: many more than the time before the fallback takes. */
    private static final int FAILURES_WHILE_DATA_IS_DOWN = 30;
    private static final Duration FALLBACK_AFTER = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    @TempDir
    Path outbox;

    private final RecordedEvents events = new RecordedEvents();
    private ModemBench bench;

    @BeforeEach
    void openBench() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
    }

    @AfterEach
    void closeBench() throws Exception {
        bench.close();
    }

    @Test
    void shouldSendAnSmsWhileMailKeepsFailingAndDeliverTheMailWhenDataReturns() throws Exception {
        for (int i = 0; i < FAILURES_WHILE_DATA_IS_DOWN; i++) {
            bench.emulator().faults().smtpDown();
        }
        MailService service = serviceFallingBack(true, 3);
        MailMessage alarm = MailMessage.builder().id("pump3-1702").to("ops@example.com")
                .subject("Pump 3 pressure high").body("7.9 bar at 14:02, limit 7.5 bar").build();

        DeliveryReceipt receipt = service.send(alarm).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(receipt.attempts()).isEqualTo(FAILURES_WHILE_DATA_IS_DOWN + 1);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("Pump 3 pressure high");
        DeliveredSms sms = bench.emulator().smsCentre().awaitDelivered(1, WAIT).get(0);
        assertThat(sms.number()).isEqualTo(NUMBER);
        assertThat(sms.text()).contains("Pump 3 pressure high").contains("7.9 bar").contains("pump3-1702");
        List<String> kinds = events.kindsOf(alarm.id());
        assertThat(kinds).as("once only, however often the mail failed afterwards").containsOnlyOnce("sms/SENT")
                .startsWith("QUEUED", "RETRYING").endsWith("SENT");
        assertThat(kinds.subList(kinds.indexOf("sms/SENT"), kinds.size())).as("the mail kept its own life")
                .contains("RETRYING");
        RecordedEvents.Event sent = smsEvent(alarm.id(), SmsEvents.SENT);
        assertThat(sent.properties()).containsEntry(SmsEvents.REASON, SmsReason.FALLBACK.name())
                .containsEntry(SmsEvents.NUMBER, NUMBER).containsEntry(SmsEvents.PARTS, 1);
        assertThat(service.smsQueue()).isEmpty();
    }

    @Test
    void shouldSendAnSmsAtOnceWhenTheMailFailsForGood() throws Exception {
        bench.emulator().faults().authFailure();
        MailService service = serviceFallingBack(false, 3);
        MailMessage alarm = MailMessage.builder().id("tank-7").to("ops@example.com").subject("Tank 7 overflow")
                .body("Level 98 %").build();

        ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                () -> service.send(alarm).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertThat(((MailException) failure.getCause()).code()).isEqualTo(MailErrorCode.AUTHENTICATION_FAILED);
        DeliveredSms sms = bench.emulator().smsCentre().awaitDelivered(1, WAIT).get(0);
        assertThat(sms.text()).contains("Tank 7 overflow").contains("tank-7");
        awaitKinds(alarm.id(), "QUEUED", "FAILED", "sms/SENT");
        assertThat(GreenMailInbox.subjects(SMTP)).isEmpty();
    }

    @Test
    void shouldDeliverA500CharacterUcs2AlarmSentOnPurposeAsOneReassembledMessage() throws Exception {
        MailService service = serviceFallingBack(false, 8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 500; i++) {
            text.append("Насос ").append(i).append(": давление высокое. ");
        }
        SmsMessage alarm = new SmsMessage("pump-ru-500", NUMBER, text.substring(0, 500));

        SmsDelivery delivery = service.sendSms(alarm).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<DeliveredSms> messages = bench.emulator().smsCentre().awaitDelivered(1, WAIT);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).text()).isEqualTo(alarm.text());
        assertThat(messages.get(0).encoding()).isEqualTo(DeliveredSms.Encoding.UCS2);
        assertThat(delivery.parts()).isEqualTo(8);
        assertThat(delivery.messageReferences()).containsExactlyElementsOf(
                messages.get(0).parts().stream().map(DeliveredSms.Part::messageReference).toList());
        assertThat(bench.emulator().smsCentre().anomalies()).isEmpty();
        assertThat(smsEvent(alarm.id(), SmsEvents.SENT).properties())
                .containsEntry(SmsEvents.REASON, SmsReason.DIRECT.name()).containsEntry(SmsEvents.PARTS, 8);
    }

    /** @return a service that falls back to SMS after {@link #FALLBACK_AFTER}, and at once on a permanent failure */
    private MailService serviceFallingBack(boolean byTime, int maxParts) throws Exception {
        SmsSettings sms = new SmsSettings(List.of(NUMBER), byTime ? Optional.of(FALLBACK_AFTER) : Optional.empty(),
                true, false, maxParts, 0);
        return bench.service(bench.settings().build(), outbox, events, settings -> settings.sms(sms));
    }

    private RecordedEvents.Event smsEvent(String id, String topic) {
        return events.of(id).stream().filter(e -> e.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + topic + " for " + id + ": " + events.kindsOf(id)));
    }

    private void awaitKinds(String id, String... kinds) {
        await().atMost(WAIT).until(() -> events.kindsOf(id).size() >= kinds.length);
        assertThat(events.kindsOf(id)).containsExactly(kinds);
    }
}
