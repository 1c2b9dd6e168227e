/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Registration;
import io.cellmail.emulator.TranscriptLine;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * A SIM that asks for its PIN: the configured PIN is entered once per module boot, masked everywhere; a PIN the SIM
 * refuses is never entered again until it changes (three wrong PINs would block the SIM); a blocked SIM (PUK) is a
 * final state on the status and in events, and cellmail never enters a PUK. The emulated SIM counts wrong PINs
 * across reboots like a real one.
 */
class SimPinTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final String PIN = "4711";
    private static final String WRONG_PIN = "1234";
    private static final String PIN_ENTRY = "AT+CPIN=\"****\"";
    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");

    @TempDir
    Path outbox;

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    private ModemBench simWithPin() {
        return new ModemBench(SMTP.getSmtp().getPort(), e -> e.simPin(PIN));
    }

    private MailerSettings settingsWithPin(String pin) {
        return bench.settings().simPin(pin).build();
    }

    private List<String> pinEntries() {
        return bench.commands().stream().filter(c -> c.startsWith("AT+CPIN=")).toList();
    }

    @Test
    void shouldEnterTheConfiguredPinOnceAndDeliverWithoutShowingItAnywhere() throws Exception {
        bench = simWithPin();
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(settingsWithPin(PIN), outbox, events);

        DeliveryReceipt first = service.send(alarm("first")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        service.send(alarm("second")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(first).isNotNull();
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("first", "second");
        assertThat(pinEntries()).containsExactly(PIN_ENTRY);
        assertThat(service.serviceStatus().registration()).isEqualTo(Registration.HOME);
        assertThat(bench.emulator().transcript().lines()).map(TranscriptLine::text).noneMatch(l -> l.contains(PIN));
        assertThat(service.transcript(500)).anyMatch(l -> l.endsWith(">> " + PIN_ENTRY))
                .noneMatch(l -> l.contains(PIN));
    }

    @Test
    void shouldEnterThePinAgainAfterTheModuleRebooted() throws Exception {
        bench = simWithPin();
        ModemMailer mailer = bench.mailer(settingsWithPin(PIN));
        ModemBench.awaitRadioKnown(mailer);
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));

        bench.emulator().faults().reboot();
        await().atMost(Duration.ofSeconds(10)).until(() -> pinEntries().size() == 2);
        mailer.send(alarm("after"), SENDER, Duration.ofSeconds(10));

        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
        assertThat(pinEntries()).hasSize(2);
    }

    @Test
    void shouldKeepMailQueuedAndSayThatTheSimWantsItsPinWhenNoneIsConfigured() throws Exception {
        bench = simWithPin();
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(outbox, events);
        MailMessage message = alarm("waits");

        service.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.kindsOf(message.id()).size() >= 2);
        assertThat(events.kindsOf(message.id())).startsWith("QUEUED", "RETRYING");
        assertThat(events.of(message.id()).get(1).errorCode()).isEqualTo(MailErrorCode.SIM_PIN_REQUIRED.code());
        assertThat(service.serviceStatus().registration()).isEqualTo(Registration.SIM_PIN_REQUIRED);
        assertThat(pinEntries()).isEmpty();
    }

    @Test
    void shouldNeverEnterARefusedPinTwiceNotEvenAfterAReconfigurationOrAReboot() throws Exception {
        bench = simWithPin();
        ModemMailer mailer = bench.mailer(settingsWithPin(WRONG_PIN));
        ModemBench.awaitRadioKnown(mailer);

        assertThatThrownBy(() -> mailer.send(alarm("refused"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.SIM_PIN_REJECTED);
                    assertThat(e.code().isTransient()).isTrue();
                }).hasMessageNotContaining(WRONG_PIN);
        assertThat(mailer.health().registration()).isEqualTo(Registration.SIM_PIN_REJECTED);
        // a configuration change replaces the mailer; the module reboots meanwhile, the SIM asks again
        mailer.close();
        bench.emulator().faults().reboot();
        ModemMailer reconfigured = bench.mailer(settingsWithPin(WRONG_PIN).toBuilder().sender(ModemBench.SENDER, "Other").build());
        assertThatThrownBy(() -> reconfigured.send(alarm("again"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SIM_PIN_REJECTED));

        assertThat(pinEntries()).as("one wrong PIN entered, ever").hasSize(1);

        reconfigured.close();
        ModemMailer corrected = bench.mailer(settingsWithPin(PIN));
        corrected.send(alarm("corrected"), SENDER, Duration.ofSeconds(10));
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("corrected");
    }

    @Test
    void shouldEnterAWrongPinOnceNotOnceARestartWhenTheGatewayRestartsInALoop() throws Exception {
        bench = simWithPin();
        // each restart of the gateway forgets what the last one learnt; the SIM does not
        for (int restart = 0; restart < 3; restart++) {
            ModemMailer mailer = bench.mailerAfterRestart(settingsWithPin(WRONG_PIN));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mailer.health().registration() == Registration.SIM_PIN_REJECTED);
            mailer.close();
        }

        assertThat(pinEntries()).as("the wrong PIN entered once, the SIM never blocked").hasSize(1);
        assertThat(bench.commands()).contains("AT+QTRPIN");
    }

    @Test
    void shouldTryAPinTheOperatorCorrectedOnceTheSimCountsAWrongOneButNeverItsLastTry() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.simPin(PIN).simPinTries(2));
        ModemMailer held = bench.mailer(settingsWithPin(WRONG_PIN));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> held.health().registration() == Registration.SIM_PIN_REJECTED);
        assertThat(pinEntries()).as("a SIM that lost a try gets no PIN that might have been the wrong one").isEmpty();
        held.close();

        ModemMailer corrected = bench.mailer(settingsWithPin(PIN));
        corrected.send(alarm("corrected"), SENDER, Duration.ofSeconds(10));

        assertThat(pinEntries()).containsExactly(PIN_ENTRY);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("corrected");
    }

    @Test
    void shouldNeverSpendTheLastPinTry() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.simPin(PIN).simPinTries(1));
        ModemMailer mailer = bench.mailer(settingsWithPin(PIN));

        assertThatThrownBy(() -> mailer.send(alarm("held"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SIM_PIN_REJECTED));
        assertThat(pinEntries()).isEmpty();
    }

    @Test
    void shouldReportABlockedSimAsAFinalStateAndNeverEnterAPuk() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.simPin(PIN).simPinTries(0));
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(settingsWithPin(PIN), outbox, events);
        MailMessage message = alarm("blocked");

        service.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.kindsOf(message.id()).size() >= 2);
        assertThat(events.of(message.id()).get(1).errorCode()).isEqualTo(MailErrorCode.SIM_BLOCKED.code());
        assertThat(service.serviceStatus().registration()).isEqualTo(Registration.SIM_BLOCKED);
        assertThat(pinEntries()).as("neither the PIN nor a PUK on a blocked SIM").isEmpty();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
