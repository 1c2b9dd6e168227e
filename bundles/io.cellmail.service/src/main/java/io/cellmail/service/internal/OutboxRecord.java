/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;

/**
 * What the outbox read of a mail file to index it: never the mail's content.
 *
 * @param file the file's name in the outbox directory
 * @param header the mail's id, order, priority and acceptance times
 * @param state its last recorded delivery state
 * @param size the bytes its file took when it was accepted, counted against the outbox's bound
 * @param lastRecorded the latest service time the file recorded
 */
record OutboxRecord(String file, MailHeader header, DeliveryState state, long size, ServiceTime lastRecorded) {

    OutboxRecord {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastRecorded, "lastRecorded");
    }
}
