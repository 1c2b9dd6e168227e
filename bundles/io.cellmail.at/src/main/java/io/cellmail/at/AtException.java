/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Why a command or upload failed. One class with a {@link Kind} and, where the modem gave one, a numeric
 * {@link #code()}. Messages name the command only in its masked form, so they never carry a secret.
 *
 * <p>Unchecked, because it travels inside {@code CompletionStage}s, where callers compose rather than catch;
 * {@link #from(Throwable)} unwraps what a stage hands to {@code exceptionally}/{@code handle}.
 */
@ProviderType
public final class AtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Kind {
        /** The modem answered {@code ERROR}. */
        ERROR,
        /** The modem answered {@code +CME ERROR: <code>}; {@link #code()} holds the code when it was numeric. */
        CME_ERROR,
        /** The modem answered {@code +CMS ERROR: <code>}; {@link #code()} holds the code when it was numeric. */
        CMS_ERROR,
        /** A command-specific result line carried a negative result, e.g. {@code +QSMTPBODY: -3}; see {@link #code()}. */
        RESULT_ERROR,
        /** No final (or deferred, or upload) result within the command's deadline. */
        TIMEOUT,
        /** The caller cancelled the command through its future. */
        CANCELLED,
        /** The modem rebooted (or powered down, or lost its settings) while the command was pending. */
        MODEM_REBOOTED,
        /** The serial link broke while the command was pending. */
        LINK_LOST,
        /** The engine was closed. */
        CLOSED,
        /** The modem reported a different number of bytes than an upload sent. */
        UPLOAD_MISMATCH,
        /** The modem sent something that does not fit the command, e.g. an overlong line or an unexpected CONNECT. */
        PROTOCOL
    }

    private final Kind kind;
    private final @Nullable Integer code;

    /**
     * @param kind the kind of failure
     * @param message a message without secrets
     */
    public AtException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    /**
     * @param kind the kind of failure
     * @param code the modem's numeric code, or null
     * @param message a message without secrets
     * @param cause the underlying failure, or null
     */
    public AtException(Kind kind, @Nullable Integer code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return the modem's numeric code ({@code +CME ERROR: 10} gives 10, {@code +QSMTPBODY: -3} gives -3) */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** @return true for failures the modem itself reported (ERROR, CME, CMS, a negative result, a length mismatch) */
    public boolean isModemReported() {
        return kind == Kind.ERROR || kind == Kind.CME_ERROR || kind == Kind.CMS_ERROR || kind == Kind.RESULT_ERROR
                || kind == Kind.UPLOAD_MISMATCH;
    }

    /**
     * Unwraps what a {@code CompletionStage} reports: {@link CompletionException}/{@link ExecutionException}
     * wrappers are removed, a {@link CancellationException} becomes {@link Kind#CANCELLED}, a
     * {@link TimeoutException} (e.g. from {@code orTimeout}) becomes {@link Kind#TIMEOUT}; anything else
     * becomes {@link Kind#PROTOCOL} with the original as cause.
     *
     * @param failure a failure from a stage returned by {@link AtChannel}
     * @return the typed failure
     */
    public static AtException from(Throwable failure) {
        Throwable t = Objects.requireNonNull(failure, "failure");
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AtException) {
            return (AtException) t;
        }
        if (t instanceof CancellationException) {
            return new AtException(Kind.CANCELLED, null, "cancelled by the caller", t);
        }
        if (t instanceof TimeoutException) {
            return new AtException(Kind.TIMEOUT, null, "timed out by the caller", t);
        }
        return new AtException(Kind.PROTOCOL, null, String.valueOf(t), t);
    }
}
