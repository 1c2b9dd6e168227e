/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import com.fazecast.jSerialComm.SerialPort;

import io.cellmail.serial.PortSettings;
import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.PortSettings.Parity;
import io.cellmail.serial.PortSettings.StopBits;

/** Translates {@link PortSettings} into jSerialComm's constants and applies them to a port before it opens. */
final class JSerialCommSettings {

    /**
     * How long one native read waits before the input loop checks for an interrupt. The tty driver counts in
     * tenths of a second, so this stays a multiple of 100.
     */
    static final int READ_POLL_MILLIS = 200;

    /**
     * A write that makes no progress for this long fails, on Windows; on Linux and macOS jSerialComm ignores it and
     * drains without limit (the AT engine's write budget covers that).
     */
    static final int WRITE_TIMEOUT_MILLIS = 5_000;

    private JSerialCommSettings() {
    }

    /** Stores the settings in the port object; jSerialComm applies them when the port opens. */
    static void apply(PortSettings settings, SerialPort port) {
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        port.setFlowControl(flowControl(settings.flowControl()));
        // Semi-blocking: a read returns as soon as one byte is there, or with nothing after the poll interval.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_POLL_MILLIS, WRITE_TIMEOUT_MILLIS);
    }

    static int stopBits(StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_AND_HALF -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    static int flowControl(FlowControl flowControl) {
        return switch (flowControl) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
