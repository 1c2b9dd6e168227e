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
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * Without a SIM, a network or GPRS, a send is refused with NO_SIM or NOT_REGISTERED after the radio queries and
 * before any SMTP command; {@link ModemMailer#health()} tells the last known state without blocking.
 */
class RadioHealthTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");

    @TempDir
    Path outbox;

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private ModemMailer mailerOn(UnaryOperator<EmulatorSettings.Builder> module) {
        bench = new ModemBench(SMTP.getSmtp().getPort(), module);
        return bench.mailer();
    }

    private static MailMessage alarm() {
        return MailMessage.builder().to("ops@example.com").subject("Pump 3").body("7.9 bar").build();
    }

    @Test
    void shouldTellTheLastKnownHealthWithoutBlocking() {
        ModemMailer mailer = mailerOn(UnaryOperator.identity());

        await().atMost(Duration.ofSeconds(10)).until(() -> mailer.health().registration() == Registration.HOME);

        assertThat(mailer.health()).isEqualTo(new ModemHealth(ModemState.READY, Registration.HOME, OptionalInt.of(20)));
    }

    @Test
    void shouldReportAnUnknownSignalAsEmptyAndRoamingAsRegistered() throws Exception {
        ModemMailer mailer = mailerOn(m -> m.signal(99).registration(5));
        ModemBench.awaitRadioKnown(mailer);

        mailer.send(alarm(), SENDER, Duration.ofSeconds(10));

        assertThat(mailer.health().registration()).isEqualTo(Registration.ROAMING);
        assertThat(mailer.health().signal()).isEmpty();
        assertThat(GreenMailInbox.only(SMTP).getSubject()).isEqualTo("Pump 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no SIM,           NO_SIM,         NO_SIM",
        "searching,        NOT_REGISTERED, SEARCHING",
        "denied,           NOT_REGISTERED, DENIED",
        "not registered,   NOT_REGISTERED, NOT_REGISTERED",
        "detached,         NOT_REGISTERED, HOME",
    })
    void shouldRefuseASendTheRadioCannotCarryBeforeAnySmtpCommand(String radio, MailErrorCode code,
            Registration registration) {
        ModemMailer mailer = mailerOn(switch (radio) {
            case "no SIM" -> m -> m.simReady(false);
            case "searching" -> m -> m.registration(2);
            case "denied" -> m -> m.registration(3);
            case "not registered" -> m -> m.registration(0);
            case "detached" -> m -> m.attached(0);
            default -> throw new IllegalArgumentException(radio);
        });

        assertThatThrownBy(() -> mailer.send(alarm(), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.code()).isEqualTo(code));

        assertThat(mailer.health().registration()).isEqualTo(registration);
        assertThat(bench.commands()).noneMatch(c -> c.startsWith("AT+QSMTP") || c.startsWith("AT+QI"));
    }

    @Test
    void shouldAskTheRadioAgainOnEveryAttemptWhileItCannotSend() {
        ModemMailer mailer = mailerOn(m -> m.simReady(false));
        ModemBench.awaitRadioKnown(mailer);

        List<String> commands = bench.commandsDuring(() -> {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> mailer.send(alarm(), SENDER, Duration.ofSeconds(10)))
                        .isInstanceOf(MailException.class);
            }
        });

        assertThat(commands).containsExactly("AT+CPIN?", "AT+CPIN?");
    }

    @Test
    void shouldKeepAMailWithoutSimQueuedAndRetryItAsTransient() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.simReady(false));
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(outbox, events);
        MailMessage message = alarm();

        service.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.kindsOf(message.id()).size() >= 3);
        assertThat(events.kindsOf(message.id())).startsWith("QUEUED", "RETRYING", "RETRYING");
        assertThat(events.of(message.id()).get(1).errorCode()).isEqualTo(MailErrorCode.NO_SIM.code());
        assertThat(service.serviceStatus().registration()).isEqualTo(Registration.NO_SIM);
        assertThat(service.status(message.id())).isPresent();
    }
}
