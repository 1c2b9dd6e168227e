/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;

import io.cellmail.service.spi.MailerSettings.EscapeMode;

/**
 * Whether the module ends a data-mode upload at any {@code +++} (lenient) or only at one framed by guard times:
 * configured ({@link EscapeMode#GUARDED}, {@link EscapeMode#LENIENT}) or, for {@link EscapeMode#AUTO}, found out by
 * an {@link EscapeProbe} once per epoch (a module swapped on the port, or one whose firmware changed, is probed
 * again after its next initialisation). Thread-safe: {@code validate} reads it on the callers' threads.
 */
final class EscapeKnowledge {

    /** What the last probe found. */
    private record Probed(long epoch, boolean lenient) {
    }

    private final EscapeMode configured;
    private volatile Probed probed;

    /** @param configured the configured escape mode */
    EscapeKnowledge(EscapeMode configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
    }

    /**
     * @return true if the module is taken to end an upload at any {@code +++}: configured so, or found so by the
     *     last probe (of any epoch: a refusal is the safe side while the next probe is pending)
     */
    boolean knownLenient() {
        Probed last = probed;
        return configured == EscapeMode.LENIENT || (configured == EscapeMode.AUTO && last != null && last.lenient());
    }

    /**
     * @param epoch the current epoch
     * @return true if the escape rule must be found out before a payload holding {@code +++} may be uploaded
     */
    boolean needsProbe(long epoch) {
        Probed last = probed;
        return configured == EscapeMode.AUTO && (last == null || last.epoch() != epoch);
    }

    /**
     * @param epoch the epoch the probe ran in
     * @param lenient what it found
     */
    void probed(long epoch, boolean lenient) {
        probed = new Probed(epoch, lenient);
    }
}
