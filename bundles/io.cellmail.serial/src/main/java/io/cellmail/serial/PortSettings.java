/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import org.jspecify.annotations.Nullable;

/**
 * Serial port settings, parsed from a link URI's query ({@code ?baud=115200&data=8&parity=none&stop=1&flow=rtscts}).
 * Providers that have no real UART (tcp, emulator) may use the baud rate to model the line speed or ignore it.
 *
 * @param baud bits per second, positive
 * @param dataBits 5 to 8
 * @param parity the parity bit
 * @param stopBits the stop bits
 * @param flowControl the flow control
 */
public record PortSettings(int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {

    /** The default of Quectel M-series modules: 115200 8N1, no flow control. */
    public static final PortSettings DEFAULT = new PortSettings(115200, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);

    /** Parity bit. */
    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    /** Stop bits. */
    public enum StopBits { ONE, ONE_AND_HALF, TWO }

    /** Flow control. */
    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public PortSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
        java.util.Objects.requireNonNull(parity, "parity");
        java.util.Objects.requireNonNull(stopBits, "stopBits");
        java.util.Objects.requireNonNull(flowControl, "flowControl");
    }

    /**
     * Parses the query part of a link URI. Keys: {@code baud} (positive), {@code data} (5 to 8), {@code parity}
     * ({@code none|odd|even|mark|space}), {@code stop} ({@code 1|1.5|2}), {@code flow}
     * ({@code none|rtscts|xonxoff}); values are case-insensitive; a key left out keeps its value from
     * {@link #DEFAULT}.
     *
     * @param query the raw query without the {@code ?}, e.g. {@code baud=9600&flow=rtscts}; null or empty means
     *     {@link #DEFAULT}
     * @return the settings
     * @throws SerialLinkException {@link SerialLinkException.Reason#INVALID_URI} for an unknown, repeated or
     *     badly valued key; the message names the key and the allowed values
     */
    public static PortSettings parse(@Nullable String query) throws SerialLinkException {
        return PortSettingsQuery.parse(query);
    }

    /** @return these settings as a link URI query that {@link #parse(String)} reads back, every key spelled out */
    public String toQuery() {
        return PortSettingsQuery.format(this);
    }

    /** @return the line's bytes per second: start bit, data bits, parity bit, stop bits per byte */
    public double bytesPerSecond() {
        double bitsPerByte = 1 + dataBits + (parity == Parity.NONE ? 0 : 1)
                + (stopBits == StopBits.ONE ? 1 : stopBits == StopBits.ONE_AND_HALF ? 1.5 : 2);
        return baud / bitsPerByte;
    }
}
