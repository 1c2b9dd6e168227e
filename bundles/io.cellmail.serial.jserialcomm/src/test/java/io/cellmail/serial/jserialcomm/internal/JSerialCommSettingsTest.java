/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fazecast.jSerialComm.SerialPort;

import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.PortSettings.Parity;
import io.cellmail.serial.PortSettings.StopBits;

class JSerialCommSettingsTest {

    @ParameterizedTest
    @CsvSource({
            "ONE, " + SerialPort.ONE_STOP_BIT,
            "ONE_AND_HALF, " + SerialPort.ONE_POINT_FIVE_STOP_BITS,
            "TWO, " + SerialPort.TWO_STOP_BITS})
    void shouldMapStopBits(StopBits stopBits, int expected) {
        assertThat(JSerialCommSettings.stopBits(stopBits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "NONE, " + SerialPort.NO_PARITY,
            "ODD, " + SerialPort.ODD_PARITY,
            "EVEN, " + SerialPort.EVEN_PARITY,
            "MARK, " + SerialPort.MARK_PARITY,
            "SPACE, " + SerialPort.SPACE_PARITY})
    void shouldMapParity(Parity parity, int expected) {
        assertThat(JSerialCommSettings.parity(parity)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "NONE, " + SerialPort.FLOW_CONTROL_DISABLED,
            "RTS_CTS, " + (SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
            "XON_XOFF, " + (SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED)})
    void shouldMapFlowControlToBothDirections(FlowControl flowControl, int expected) {
        assertThat(JSerialCommSettings.flowControl(flowControl)).isEqualTo(expected);
    }

    @Test
    void shouldPollReadsInWholeTenthsOfASecondBecauseTheTtyDriverCountsInThem() {
        assertThat(JSerialCommSettings.READ_POLL_MILLIS).isPositive();
        assertThat(JSerialCommSettings.READ_POLL_MILLIS % 100).isZero();
    }
}
