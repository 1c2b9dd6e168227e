/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that the SMTP server accepted a mail ({@code +QSMTPPUT: 0}).
 *
 * @param messageId the id {@link CellularMailService#send} gave the message
 * @param attempts how many send attempts it took, at least 1
 * @param sentAt when the modem reported success
 */
public record DeliveryReceipt(String messageId, int attempts, Instant sentAt) {

    public DeliveryReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }
}
