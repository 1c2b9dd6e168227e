/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** Where a message is on its way. The last four are final. */
public enum MessageState {
    /** On disk, due for sending. */
    QUEUED,
    /** Being sent to the modem now. */
    SENDING,
    /** A transient failure happened; waiting for the next attempt. */
    RETRY_WAIT,
    /** The SMTP server accepted it. */
    SENT,
    /** A permanent failure ended it. */
    FAILED,
    /** It was not delivered before it expired. */
    EXPIRED,
    /** A caller or operator cancelled it. */
    CANCELLED;

    /** @return true when the message will not be sent (again) */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
