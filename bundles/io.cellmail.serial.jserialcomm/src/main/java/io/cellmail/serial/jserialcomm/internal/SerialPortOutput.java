/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A blocking output over an open port: a write returns once its bytes have left the UART (jSerialComm drains the
 * line after every write in {@code TIMEOUT_WRITE_BLOCKING} mode), and fails when the port was closed or the device
 * is gone. jSerialComm's write timeout is honoured on Windows only: on Linux and macOS a line whose CTS stays low
 * (RTS/CTS with the module asleep or in reset) blocks the write without limit. The AT engine therefore writes on a
 * thread of its own and gives the link up when a write outlasts its budget; closing the port ends the write.
 */
final class SerialPortOutput extends OutputStream {

    private final SerialPort port;

    SerialPortOutput(SerialPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int written = 0;
        while (written < length) {
            // jSerialComm loops internally; fewer bytes than asked means the write timeout expired (Windows).
            int n = port.writeBytes(buffer, length - written, offset + written);
            if (n < 0) {
                throw new IOException("writing to " + port.getSystemPortPath()
                        + " failed: the port was closed or the device is gone (error " + port.getLastErrorCode() + ")");
            }
            if (n == 0) {
                throw new IOException("writing to " + port.getSystemPortPath() + " stalled for "
                        + JSerialCommSettings.WRITE_TIMEOUT_MILLIS + " ms after " + written + " of " + length
                        + " bytes; with flow=rtscts the modem may be holding CTS low");
            }
            written += n;
        }
    }
}
