/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cellmail.emulator.internal.smtp.OutgoingMail;
import io.cellmail.emulator.internal.smtp.SmtpRelay;

/** A test relay: records every mail and its timeout, answers a chosen code, and can hold a transaction open. */
final class RecordingRelay implements SmtpRelay {

    final List<OutgoingMail> mails = new CopyOnWriteArrayList<>();
    final List<Optional<Duration>> timeouts = new CopyOnWriteArrayList<>();
    private volatile int result;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    /** @param code what every following transaction ends with */
    RecordingRelay answering(int code) {
        result = code;
        return this;
    }

    /** Holds every following transaction open until {@link #release()}. */
    RecordingRelay holding() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** @return true once a transaction has started */
    boolean awaitTransaction() throws InterruptedException {
        return entered.await(5, TimeUnit.SECONDS);
    }

    @Override
    public int send(OutgoingMail mail, Duration timeout) {
        mails.add(mail);
        timeouts.add(Optional.ofNullable(timeout));
        entered.countDown();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                return -9;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return result;
    }
}
