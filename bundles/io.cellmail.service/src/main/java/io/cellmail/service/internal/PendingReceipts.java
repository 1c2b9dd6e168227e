/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import io.cellmail.api.DeliveryReceipt;

/** The stages {@code send} returned for mail in this process, by the mail's sequence number. */
final class PendingReceipts extends CallbackStages<DeliveryReceipt> {

    /** @param threadName the name of the callback thread */
    PendingReceipts(String threadName) {
        super(threadName);
    }
}
