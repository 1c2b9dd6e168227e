/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.modem;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.internal.command.SmtpResultCodes;
import io.cellmail.emulator.internal.fault.MailFault;
import io.cellmail.emulator.internal.smtp.OutgoingMail;
import io.cellmail.emulator.internal.smtp.SmtpRelay;

/**
 * Runs the SMTP transaction of {@code AT+QSMTPPUT} on a worker thread, so the modem keeps answering meanwhile.
 * A fault may delay it (a delay reaching the PUT timeout gives -9), replace it by a forced result, or hold its
 * result back after it ended (the module stays busy until the result comes). A relay that throws gives -1
 * ("unknown error").
 */
public final class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final SmtpRelay relay;
    private final ExecutorService workers;

    public MailSender(SmtpRelay relay, ExecutorService workers) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /**
     * @param mail the mail to send
     * @param timeout the PUT timeout, empty for none
     * @param fault faults armed for this PUT
     * @param onResult gets the result on the worker thread; never called if the emulator closes first
     */
    public void send(OutgoingMail mail, Optional<Duration> timeout, MailFault fault, IntConsumer onResult) {
        try {
            workers.execute(() -> {
                try {
                    int result = transaction(mail, timeout, fault);
                    // a module that reports its result late: the mail went out, the line has not come yet
                    TimeUnit.NANOSECONDS.sleep(fault.resultDelay().toNanos());
                    onResult.accept(result);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("emulator closed, mail not sent");
        }
    }

    private int transaction(OutgoingMail mail, Optional<Duration> timeout, MailFault fault)
            throws InterruptedException {
        Duration delay = fault.delay();
        if (timeout.isPresent() && delay.compareTo(timeout.get()) >= 0) {
            TimeUnit.NANOSECONDS.sleep(timeout.get().toNanos());
            return SmtpResultCodes.TIMEOUT;
        }
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        if (fault.forcedResult().isPresent()) {
            return fault.forcedResult().getAsInt();
        }
        try {
            int result = relay.send(mail, timeout.map(t -> t.minus(delay)).orElse(null));
            LOG.debug("relay finished {} with {}", mail, result);
            return result;
        } catch (RuntimeException e) {
            LOG.debug("relay failed on {}", mail, e);
            return SmtpResultCodes.UNKNOWN;
        }
    }
}
