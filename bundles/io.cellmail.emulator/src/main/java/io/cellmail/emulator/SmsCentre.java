/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The short message service centre and the recipients' phones behind an emulated module: every message the
 * module sent ({@code AT+CMGS}, {@code AT+QCMGS}) arrives here. A part of a concatenated message waits until
 * every part of its (number, reference) has come, then the message is delivered whole. Thread-safe.
 */
@ProviderType
public interface SmsCentre {

    /** @return the messages delivered so far, oldest first */
    List<DeliveredSms> delivered();

    /**
     * Waits until at least {@code count} messages were delivered.
     *
     * @param count how many messages
     * @param timeout how long to wait at most
     * @return the messages delivered, at least {@code count}
     * @throws TimeoutException if fewer came in time
     * @throws InterruptedException if interrupted while waiting
     */
    List<DeliveredSms> awaitDelivered(int count, Duration timeout) throws TimeoutException, InterruptedException;

    /** @return how many parts of concatenated messages wait for their other parts */
    int waitingParts();

    /**
     * @return what the phones had to make sense of, one sentence each: a duplicate part (dropped), a part whose
     *     total differs from its message's (dropped), a concatenation header a phone ignores (shown as a message
     *     of its own), parts of one message in different encodings
     */
    List<String> anomalies();

    /** Forgets every delivered message, waiting part and anomaly. */
    void clear();
}
