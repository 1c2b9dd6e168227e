package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A payload to receive in data mode and what to do with it.
 *
 * @param resultName the result line's name, {@code +QSMTPBODY} or {@code +QSMTPATT}
 * @param limit most bytes accepted; more gives -13
 * @param timeout the input timeout of the command, if given
 * @param store keeps a complete payload (called on the modem thread, only for a successful upload)
 */
public record DataUpload(String resultName, int limit, Optional<Duration> timeout, Consumer<byte[]> store) {

    public DataUpload {
        Objects.requireNonNull(resultName, "resultName");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(store, "store");
    }
}
