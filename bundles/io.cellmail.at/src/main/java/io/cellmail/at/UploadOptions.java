/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.time.Duration;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a data-mode upload ends and what its result looks like.
 *
 * @param resultPrefix the prefix of the result line, e.g. {@code +QSMTPBODY:}; its first field is the length
 *     the modem took, or a negative error code
 * @param resultTimeout how long to wait for the result line after the payload is sent
 * @param verifyLength whether the length in the result line must equal the bytes sent
 * @param ending how the end of the payload is signalled
 */
@ProviderType
public record UploadOptions(String resultPrefix, Duration resultTimeout, boolean verifyLength, Ending ending) {

    /** How the end of the payload is signalled. */
    public enum Ending {
        /**
         * Guard time, {@code +++} in one write, guard time (Quectel GSM {@code AT+QSMTPBODY}, which names no length).
         * The result can only rightly come after the {@code +++}: one that arrives in the silence before it means the
         * modem ended data mode elsewhere (a lenient modem cut the payload at a {@code +++} inside it, its own input
         * timeout ran out). The engine takes it (the length check tells a cut) and sends no {@code +++} to a modem
         * that answered, but keeps the silence to its end, as it did before any upload could end by its length.
         */
        ESCAPE_SEQUENCE,
        /**
         * The command named the payload's length, and the modem may leave data mode by itself once that many bytes
         * came (Quectel GSM {@code AT+QSMTPATT="<name>",<fileSz>,<timeout>}; whether an M-series module does is not
         * documented). The host stays silent for the guard time after the payload as for {@link #ESCAPE_SEQUENCE}.
         * A result line that arrives in that silence ends the upload there: the modem answered, so it is in command
         * mode, and neither the rest of the silence, nor {@code +++}, nor the guard time after it is spent. Without
         * one, {@code +++} and the second guard time follow exactly as for {@link #ESCAPE_SEQUENCE}, and a result
         * after the {@code +++} is taken as there. A driver asks for it only where the command carries the length.
         */
        ESCAPE_SEQUENCE_OR_LENGTH,
        /** A Ctrl-Z byte right after the payload (text-mode SMS); the payload must not contain Ctrl-Z or ESC. */
        CTRL_Z,
        /**
         * Nothing: the command named the payload's length and the modem leaves data mode by itself after exactly
         * that many bytes (Quectel LTE {@code AT+QSMTPBODY=<charset>,<length>}, {@code AT+QFUPL="<file>",<size>}).
         * No guard time and no {@code +++}: the result line (and {@code OK}) is awaited right after the payload,
         * and the payload may hold any byte, {@code +++} included.
         */
        LENGTH
    }

    /** The result deadline of {@link #expectResult(String)}. */
    public static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofSeconds(30);

    public UploadOptions {
        Objects.requireNonNull(resultPrefix, "resultPrefix");
        if (resultPrefix.isEmpty() || resultPrefix.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("result prefix must be non-empty text");
        }
        Objects.requireNonNull(resultTimeout, "resultTimeout");
        if (resultTimeout.isNegative() || resultTimeout.isZero()) {
            throw new IllegalArgumentException("result timeout must be positive");
        }
        Objects.requireNonNull(ending, "ending");
    }

    /**
     * @param resultPrefix e.g. {@code +QSMTPBODY:}
     * @return options for an escape-sequence upload whose length is verified, with the default result deadline
     */
    public static UploadOptions expectResult(String resultPrefix) {
        return new UploadOptions(resultPrefix, DEFAULT_RESULT_TIMEOUT, true, Ending.ESCAPE_SEQUENCE);
    }

    /**
     * @param deadline the result deadline
     * @return options with it
     */
    public UploadOptions withResultTimeout(Duration deadline) {
        return new UploadOptions(resultPrefix, deadline, verifyLength, ending);
    }

    /** @return options that accept any non-negative result (e.g. a message reference) */
    public UploadOptions withoutLengthCheck() {
        return new UploadOptions(resultPrefix, resultTimeout, false, ending);
    }

    /**
     * @param value how the payload ends
     * @return options with it
     */
    public UploadOptions endingWith(Ending value) {
        return new UploadOptions(resultPrefix, resultTimeout, verifyLength, value);
    }
}
