/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A blocking input over an open port. jSerialComm's own stream reports a read timeout as an exception, or, with
 * timeouts suppressed, as -1, which is indistinguishable from end of stream; here a timeout simply reads again, so
 * the caller sees data, an interrupt, or a failure when the port is closed or the device is gone.
 */
final class SerialPortInput extends InputStream {

    private final SerialPort port;
    private final byte[] single = new byte[1];

    SerialPortInput(SerialPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = port.readBytes(buffer, length, offset);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                throw new IOException("reading " + port.getSystemPortPath()
                        + " failed: the port was closed or the device is gone (error " + port.getLastErrorCode() + ")");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for bytes from " + port.getSystemPortPath());
            }
        }
    }

    @Override
    public int available() {
        return Math.max(port.bytesAvailable(), 0);
    }
}
