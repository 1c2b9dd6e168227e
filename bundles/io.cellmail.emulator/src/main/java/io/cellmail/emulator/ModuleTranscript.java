/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every line the emulated module received and sent, oldest first, bounded to the most recent
 * {@value #CAPACITY} lines. A password given to {@code AT+QSMTPPWD} or {@code AT+QICSGP}, and a PIN or PUK given to
 * {@code AT+CPIN}, is masked as
 * {@code "****"} before the line is stored, so it never exists in clear here. A data-mode payload is stored as
 * one {@link TranscriptLine.Kind#DATA} summary line.
 *
 * <p>Thread-safe: the emulator records while tests read.
 */
@ProviderType
public interface ModuleTranscript {

    /** How many lines are kept; older lines are dropped. */
    int CAPACITY = 10_000;

    /** @return a snapshot of the kept lines, oldest first */
    List<TranscriptLine> lines();

    /**
     * The command lines the host sent in command mode (anything terminated by CR or LF, even lines that are not
     * AT commands), without the terminator, passwords masked. Data-mode payloads are not commands.
     *
     * @return a snapshot, oldest first
     */
    List<String> commands();

    /** Forgets every line kept so far. */
    void clear();
}
