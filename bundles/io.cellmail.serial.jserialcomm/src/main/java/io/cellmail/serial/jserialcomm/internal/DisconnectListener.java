/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;

import io.cellmail.serial.support.StreamSerialLink;

/**
 * Declares the link lost when jSerialComm sees the device disappear. The owner thread's next read fails too; this
 * tells it sooner, also while it is not reading. Runs on jSerialComm's event thread, which closing the port stops.
 */
final class DisconnectListener implements SerialPortDataListener {

    private final StreamSerialLink link;

    DisconnectListener(StreamSerialLink link) {
        this.link = link;
    }

    @Override
    public int getListeningEvents() {
        return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
        if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
            link.reportLost("serial device disconnected", null);
        }
    }
}
