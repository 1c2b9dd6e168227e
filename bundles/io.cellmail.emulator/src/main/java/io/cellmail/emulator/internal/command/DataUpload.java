/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.cellmail.emulator.internal.data.DataModeReceiver.Framing;

/**
 * A payload to receive in data mode and what to do with it.
 *
 * @param resultName the result line's name, {@code +QSMTPBODY} or {@code +QSMTPATT}
 * @param limit most bytes accepted; more gives -13
 * @param timeout the input timeout of the command, if given
 * @param store keeps a complete payload (called on the modem thread, only for a successful upload)
 * @param framing how the payload ends
 * @param okBeforeConnect the GSM dialect answers {@code OK} then {@code CONNECT}; the LTE one {@code CONNECT} alone
 * @param answer keeps a payload and says how the upload ends; empty for the GSM {@code <resultName>:<length>}
 * @param ackEvery after each this many payload bytes (but not after the last) the module writes {@code A}; 0 never
 */
public record DataUpload(String resultName, int limit, Optional<Duration> timeout, Consumer<byte[]> store,
        Framing framing, boolean okBeforeConnect, Optional<Function<byte[], Ended>> answer, int ackEvery) {

    public DataUpload {
        Objects.requireNonNull(resultName, "resultName");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * How a length-ended upload ends.
     *
     * @param info the information lines, e.g. {@code +QFUPL: 10,613e}
     * @param end {@link Outcome#ok()} or a final line such as {@code +CME ERROR: 421}
     */
    public record Ended(List<String> info, Outcome end) {

        public Ended {
            info = List.copyOf(info);
            Objects.requireNonNull(end, "end");
        }

        /** @return the line and {@code OK} */
        public static Ended ok(String line) {
            return new Ended(List.of(line), Outcome.ok());
        }
    }

    /** A GSM upload: {@code OK}, {@code CONNECT}, payload up to {@code +++}, {@code <resultName>:<length>}. */
    public DataUpload(String resultName, int limit, Optional<Duration> timeout, Consumer<byte[]> store) {
        this(resultName, limit, timeout, store, Framing.ESCAPED, true, Optional.empty(), 0);
    }

    /**
     * An LTE upload: {@code CONNECT}, exactly {@code length} bytes (or fewer at the timeout, or up to {@code +++}),
     * then what {@code answer} makes of what arrived (which it also keeps).
     */
    public static DataUpload lengthEnded(int length, Duration timeout, Framing framing,
            Function<byte[], Ended> answer) {
        return new DataUpload("", length, Optional.of(timeout), bytes -> { }, framing, false, Optional.of(answer), 0);
    }

    /** @return this upload with an {@code A} written after each {@code bytes} payload bytes (0: never) */
    public DataUpload acknowledgingEvery(int bytes) {
        return new DataUpload(resultName, limit, timeout, store, framing, okBeforeConnect, answer, bytes);
    }
}
