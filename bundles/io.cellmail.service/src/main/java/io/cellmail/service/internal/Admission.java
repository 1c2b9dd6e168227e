/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cellmail.api.DeliveryReceipt;

/** What {@link MailQueue#admit} decided about a mail a caller wants to send. */
sealed interface Admission permits Admission.Admitted, Admission.Joined, Admission.Busy, Admission.Full {

    /** The id, sequence number and room are reserved: write the file, then {@link MailQueue#add} or abandon it. */
    record Admitted() implements Admission {
    }

    /**
     * The id is in the outbox already: sending is idempotent, the caller follows the queued mail.
     *
     * @param stage the queued mail's stage
     */
    record Joined(CompletionStage<DeliveryReceipt> stage) implements Admission {
    }

    /**
     * Another {@code send} of the id is writing its file: wait for it, then ask again.
     *
     * @param settled completes when that send's mail was added or abandoned
     */
    record Busy(CompletableFuture<Void> settled) implements Admission {
    }

    /**
     * No room.
     *
     * @param usage what the outbox holds, for the caller's exception
     */
    record Full(String usage) implements Admission {
    }
}
