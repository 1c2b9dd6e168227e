/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;

/** The diagnostics of the SPI: a probe of the modem now, and the recent AT conversation with secrets masked. */
class ProbeAndTranscriptTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");
    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (>>|<<|--) .*";

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm() {
        return MailMessage.builder().to("ops@example.com").subject("Pump 3").body("7.9 bar").build();
    }

    @Test
    void shouldProbeIdentitySimRegistrationSignalAndAttachment() {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.signal(17));
        ModemMailer mailer = bench.mailer();

        ModemProbe probe = mailer.probe();

        assertThat(probe).isEqualTo(new ModemProbe(EmulatorSettings.DEFAULT_IDENTITY, "READY", Registration.HOME,
                OptionalInt.of(17), true));
        assertThat(bench.commands()).containsSubsequence("ATI", "AT+CPIN?", "AT+CREG?", "AT+CGATT?", "AT+CSQ");
        assertThat(mailer.health().signal()).hasValue(17);
    }

    @Test
    void shouldProbeAModemWithoutSim() {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.simReady(false));

        ModemProbe probe = bench.mailer().probe();

        assertThat(probe.sim()).isEqualTo("NOT INSERTED");
        assertThat(probe.registration()).isEqualTo(Registration.NO_SIM);
        assertThat(probe.identity()).isEqualTo(EmulatorSettings.DEFAULT_IDENTITY);
    }

    @Test
    void shouldRefuseAProbeWhileASendHoldsTheModemAfterABoundedWait() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().smtpDelay(Duration.ofSeconds(1));
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        Future<?> send = dispatcher.submit(() -> mailer.send(alarm(), SENDER, Duration.ofSeconds(10)));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> bench.commands().contains("AT+QSMTPPUT=100"));
            assertThat(mailer.health().state()).isEqualTo(ModemState.SENDING);

            long started = System.nanoTime();
            assertThatThrownBy(mailer::probe).isInstanceOfSatisfying(MailException.class,
                    e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE)).hasMessageContaining("busy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        } finally {
            send.get(10, TimeUnit.SECONDS);
            dispatcher.shutdown();
        }
        assertThat(mailer.probe().sim()).as("free again").isEqualTo("READY");
    }

    @Test
    void shouldGiveTheRecentConversationFormattedAndWithThePasswordMasked() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm(), SENDER, Duration.ofSeconds(10));

        List<String> all = mailer.transcript(500);
        List<String> last = mailer.transcript(3);

        assertThat(all).allMatch(line -> line.matches(LINE), "formatted like 2026-11-26T16:00:00.123Z >> AT");
        assertThat(all).anyMatch(line -> line.endsWith(" >> AT+QSMTPPWD=\"****\""))
                .anyMatch(line -> line.endsWith(" >> AT+QSMTPPUT=100"))
                .anyMatch(line -> line.endsWith(" << +QSMTPPUT:0"))
                .noneMatch(line -> line.contains(ModemBench.SMTP_PASSWORD));
        assertThat(last).hasSize(3).isEqualTo(all.subList(all.size() - 3, all.size()));
    }

    @Test
    void shouldMaskTheApnPasswordOfTheContextSettings() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.mailer(bench.settings().apn("internet", "web", "apn-s3cret").build());
        ModemBench.awaitRadioKnown(mailer);

        mailer.send(alarm(), SENDER, Duration.ofSeconds(10));

        assertThat(bench.commands()).contains("AT+QICSGP=1,\"internet\",\"web\",\"****\"");
        assertThat(mailer.transcript(500)).anyMatch(l -> l.endsWith(" >> AT+QICSGP=1,\"internet\",\"web\",\"****\""))
                .noneMatch(l -> l.contains("apn-s3cret"));
        assertThat(bench.emulator().transcript().lines()).noneMatch(l -> l.text().contains("apn-s3cret"));
    }

    @Test
    void shouldRefuseAProbeOfAClosedMailer() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.mailer();
        mailer.close();

        assertThatThrownBy(mailer::probe).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE)).hasMessageContaining("closed");
        assertThat(mailer.health().state()).isEqualTo(ModemState.STOPPED);
    }
}
