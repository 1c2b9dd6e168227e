/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.concurrent.CompletableFuture;

import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;

/**
 * A caller's command or upload, from submission to completion.
 *
 * @param <T> what its future completes with
 */
final class Job<T> {

    final AtCommand command;
    final byte[] payload;
    final UploadOptions options;
    final Class<T> type;
    final CompletableFuture<T> future = new CompletableFuture<>();

    /**
     * Set in the engine's turn once the engine decided the outcome, or noticed the caller gave up; read by the
     * caller's side to tell a future the engine completed from one the caller completed or cancelled.
     */
    volatile boolean finished;

    Job(AtCommand command, byte[] payload, UploadOptions options, Class<T> type) {
        this.command = command;
        this.payload = payload;
        this.options = options;
        this.type = type;
    }

    boolean isUpload() {
        return payload != null;
    }
}
