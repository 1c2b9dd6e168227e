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
 * @param answer keeps a payload and gives the information lines before the {@code OK} that ends the upload;
 *     empty for the GSM {@code <resultName>:<length>} without {@code OK}
 */
public record DataUpload(String resultName, int limit, Optional<Duration> timeout, Consumer<byte[]> store,
        Framing framing, boolean okBeforeConnect, Optional<Function<byte[], List<String>>> answer) {

    public DataUpload {
        Objects.requireNonNull(resultName, "resultName");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(answer, "answer");
    }

    /** A GSM upload: {@code OK}, {@code CONNECT}, payload up to {@code +++}, {@code <resultName>:<length>}. */
    public DataUpload(String resultName, int limit, Optional<Duration> timeout, Consumer<byte[]> store) {
        this(resultName, limit, timeout, store, Framing.ESCAPED, true, Optional.empty());
    }

    /**
     * An LTE upload: {@code CONNECT}, exactly {@code length} bytes (or fewer at the timeout, or up to {@code +++}),
     * then the lines {@code answer} gives for what arrived (which it also keeps) and {@code OK}.
     */
    public static DataUpload lengthEnded(int length, Duration timeout, Framing framing,
            Function<byte[], List<String>> answer) {
        return new DataUpload("", length, Optional.of(timeout), bytes -> { }, framing, false, Optional.of(answer));
    }
}
