/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.internal.MailerTimings;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * An {@code AT+QSMTPPUT} that outlives the attempt's deadline must not deliver a mail twice: the deadline bounds
 * what comes before the PUT, the PUT's result is awaited as long as the module may take, a result that comes after
 * the host gave up anyway is credited to its own mail, and a stale result before the {@code OK} of another mail's
 * PUT is never credited to that mail. Through the real service, driver, AT engine, emulator and SMTP.
 */
class PutResultTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");
    /** The driver gives up on a PUT result after this: a module silent past its own timeout and the margin. */
    private static final Duration SILENT_MODULE = Duration.ofSeconds(1);

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

    private MailService service(Duration sendDeadline, RecordedEvents events) throws Exception {
        MailService service = bench.service(bench.settings().sendDeadline(sendDeadline).build(), outbox, events);
        ModemBench.awaitRadioKnown(service);
        return service;
    }

    private static MailerTimings silentModuleTimings() {
        MailerTimings t = ModemBench.TIMINGS;
        return new MailerTimings(t.readyWait(), t.probeChannelWait(), t.diagnosticDeadline(), t.healthInterval(),
                SILENT_MODULE);
    }

    @Test
    void shouldWaitForAPutPastTheDeadlineSoASlowServerGetsTheMailOnce() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        RecordedEvents events = new RecordedEvents();
        MailService service = service(Duration.ofSeconds(1), events);
        bench.emulator().faults().smtpDelay(Duration.ofSeconds(3));
        MailMessage message = alarm("slow server");

        DeliveryReceipt receipt = service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(SMTP.getReceivedMessages()).as("exactly one copy").hasSize(1);
        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "SENT");
        assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+QSMTPPUT")).hasSize(1);
    }

    @Test
    void shouldNotStartAPutOnceTheDeadlinePassed() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().delayOn("AT+QSMTPBODY", Duration.ofMillis(1500));

        List<String> commands = bench.commandsDuring(() -> assertThatThrownBy(
                () -> mailer.send(alarm("too late"), SENDER, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_TIMEOUT)));

        assertThat(commands).contains("AT+QSMTPSUB=0,\"too late\"").noneMatch(c -> c.startsWith("AT+QSMTPPUT"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldCreditAResultThatCameAfterTheHostGaveUpToItsOwnMailAndNotSendItAgain() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), UnaryOperator.identity(), ModemBench.FAST_LINE,
                silentModuleTimings());
        RecordedEvents events = new RecordedEvents();
        MailService service = service(Duration.ofSeconds(1), events);
        // the mail goes out at once, but the module reports it only after the driver stopped waiting
        bench.emulator().faults().putResultDelay(Duration.ofSeconds(3));
        MailMessage message = alarm("late result");

        DeliveryReceipt receipt = service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(SMTP.getReceivedMessages()).as("exactly one copy").hasSize(1);
        assertThat(receipt.attempts()).isGreaterThan(1);
        assertThat(events.of(message.id()).get(1).errorCode()).as("the host gave up on the first attempt")
                .isEqualTo(MailErrorCode.MODEM_TIMEOUT.code());
        assertThat(events.kindsOf(message.id())).startsWith("QUEUED", "RETRYING").endsWith("SENT")
                .doesNotContain("FAILED");
        assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+QSMTPPUT")).as("never sent again").hasSize(1);
    }

    @Test
    void shouldTakeALateResultThatArrivesWhileTheNextAttemptSetsTheMailUpInsteadOfPuttingItAgain() {
        bench = new ModemBench(SMTP.getSmtp().getPort(), UnaryOperator.identity(), ModemBench.FAST_LINE,
                silentModuleTimings());
        ModemMailer mailer = bench.readyMailer();
        MailMessage message = alarm("late result mid-attempt");
        // the host stops waiting 1 s after the PUT's OK, the module reports 2 s after the mail went out
        bench.emulator().faults().putResultDelay(Duration.ofSeconds(2));
        assertThatThrownBy(() -> mailer.send(message, SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_TIMEOUT));
        // the next attempt begins while the module still sends; its first answer comes after the late result
        bench.emulator().faults().delayOn("AT+QIFGCNT", Duration.ofMillis(2800));

        mailer.send(message, SENDER, Duration.ofSeconds(20));

        assertThat(SMTP.getReceivedMessages()).as("exactly one copy").hasSize(1);
        assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+QSMTPPUT")).as("never put again").hasSize(1);
    }

    @Test
    void shouldReportTheModuleBusyWhileTheMailItMayStillSendHasNoResult() {
        bench = new ModemBench(SMTP.getSmtp().getPort(), UnaryOperator.identity(), ModemBench.FAST_LINE,
                silentModuleTimings());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().putResultDelay(Duration.ofSeconds(3));

        assertThatThrownBy(() -> mailer.send(alarm("first"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_TIMEOUT));
        assertThatThrownBy(() -> mailer.send(alarm("meanwhile"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.SMTP_BUSY);
                    assertThat(e.code().isTransient()).isTrue();
                });
    }

    @Test
    void shouldNeverCreditAStaleResultBeforeItsOkToTheNextMail() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("first"), SENDER, Duration.ofSeconds(10));
        // the late result of an earlier PUT arrives just before the OK of this one, whose own result is a refusal
        bench.emulator().faults().urcInReply("AT+QSMTPPUT", "+QSMTPPUT:0");
        bench.emulator().faults().smtpReply(-550);

        assertThatThrownBy(() -> mailer.send(alarm("refused"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SMTP_550));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }
}
