/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

class PendingReceiptsTest {

    private final PendingReceipts receipts = new PendingReceipts("cellmail-callback-test");

    @AfterEach
    void close() {
        receipts.close(new MailException(MailErrorCode.SERVICE_STOPPED, "stopped"));
    }

    @Test
    void shouldKeepTheStagesOfAFinishedMailAndANewMailOfTheSameIdApart() throws Exception {
        // Mail #1 of id "pump3" reaches its outcome while a new send of "pump3" (#2) is being accepted.
        CompletionStage<DeliveryReceipt> first = receipts.register(1, this::stopped);
        CompletionStage<DeliveryReceipt> second = receipts.register(2, this::stopped);
        DeliveryReceipt delivered = new DeliveryReceipt("pump3", 1, Instant.EPOCH);

        receipts.complete(1, delivered);

        assertThat(first.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(delivered);
        assertThat(second.toCompletableFuture().isDone()).as("the new mail is not delivered yet").isFalse();
    }

    @Test
    void shouldLetASecondCallerFollowTheSameMail() throws Exception {
        CompletionStage<DeliveryReceipt> first = receipts.register(7, this::stopped);
        CompletionStage<DeliveryReceipt> joined = receipts.register(7, this::stopped);
        DeliveryReceipt delivered = new DeliveryReceipt("pump3", 2, Instant.EPOCH);

        receipts.complete(7, delivered);

        assertThat(first.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(delivered);
        assertThat(joined.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(delivered);
    }

    private MailException stopped() {
        return new MailException(MailErrorCode.SERVICE_STOPPED, "stopped");
    }
}
