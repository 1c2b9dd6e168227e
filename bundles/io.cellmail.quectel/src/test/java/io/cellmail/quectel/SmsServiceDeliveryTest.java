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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsEvents;
import io.cellmail.api.SmsMessage;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.emulator.Personality;
import io.cellmail.service.internal.MailService;

/**
 * An SMS sent on purpose through the real service: stored in its outbox, sent by its dispatcher through the real
 * driver and engine to the emulator's SMS centre, retried on network trouble, failed on a refusal, with the events
 * an alarm bundle sees.
 */
class SmsServiceDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final String NUMBER = "+41791234567";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path outbox;

    private final RecordedEvents events = new RecordedEvents();
    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private MailService serviceOn(Personality personality) throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.personality(personality));
        MailService service = bench.service(outbox, events);
        ModemBench.awaitRadioKnown(service);
        return service;
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldDeliverAnSmsSentOnPurposeToThePhoneWithTheReferencesOfItsParts(Personality personality)
            throws Exception {
        MailService service = serviceOn(personality);
        String text = "Pump 3 pressure high: 7.9 bar at the south station. ".repeat(4);

        SmsDelivery delivery = service.sendSms(new SmsMessage("pump3-1702", NUMBER, text)).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        DeliveredSms sms = bench.emulator().smsCentre().awaitDelivered(1, WAIT).get(0);
        assertThat(sms.number()).isEqualTo(NUMBER);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(delivery.parts()).isEqualTo(2).isEqualTo(sms.parts().size());
        assertThat(delivery.messageReferences()).containsExactlyElementsOf(
                sms.parts().stream().map(DeliveredSms.Part::messageReference).toList());
        assertThat(topics("pump3-1702")).containsExactly(SmsEvents.SENT);
        assertThat((int[]) events.of("pump3-1702").get(0).properties().get(SmsEvents.MESSAGE_REFERENCES))
                .containsExactly(delivery.messageReferences().stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void shouldRetryNetworkTroubleAndThenDeliverOnce() throws Exception {
        MailService service = serviceOn(Personality.EG25G);
        bench.emulator().faults().smsError(42, 1);

        SmsDelivery delivery = service.sendSms(new SmsMessage("pump3-1703", NUMBER, "congested"))
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(topics("pump3-1703")).containsExactly(SmsEvents.RETRYING, SmsEvents.SENT);
        assertThat(events.of("pump3-1703").get(0).properties()).containsEntry(SmsEvents.ERROR_NAME, "SMS_FAILED");
        List<DeliveredSms> delivered = bench.emulator().smsCentre().awaitDelivered(1, WAIT);
        assertThat(delivered).extracting(DeliveredSms::text).containsExactly("congested");
    }

    @Test
    void shouldFailAnSmsTheNetworkRefusesWithoutRetrying() throws Exception {
        MailService service = serviceOn(Personality.EG25G);
        bench.emulator().faults().smsError(21, 1);

        CompletionStage<SmsDelivery> stage = service.sendSms(new SmsMessage("pump3-1704", NUMBER, "refused"));

        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.SMS_REFUSED));
        assertThat(topics("pump3-1704")).containsExactly(SmsEvents.FAILED);
        assertThat(service.counters().smsFailed()).isEqualTo(1);
        await().atMost(WAIT).until(() -> service.smsQueue().isEmpty());
        assertThat(bench.emulator().smsCentre().delivered()).isEmpty();
    }

    private List<String> topics(String id) {
        return events.of(id).stream().map(RecordedEvents.Event::topic).toList();
    }
}
