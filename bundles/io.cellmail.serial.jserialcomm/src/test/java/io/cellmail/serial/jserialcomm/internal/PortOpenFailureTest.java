/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;

class PortOpenFailureTest {

    @ParameterizedTest(name = "error {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            16 | PORT_BUSY    | ModemManager
            11 | PORT_BUSY    | another program holds it
            2  | PORT_BUSY    | fuser -v /dev/ttyUSB2
            13 | IO_ERROR     | dialout
            1  | IO_ERROR     | no permission
            6  | NO_SUCH_PORT | went away
            19 | NO_SUCH_PORT | went away
            22 | IO_ERROR     | rejected the port settings
            """)
    void shouldTurnTheOpenErrorIntoAnActionableReason(int errorCode, Reason reason, String hint) {
        SerialLinkException failure = PortOpenFailure.describe(Path.of("/dev/ttyUSB2"), errorCode);

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.getMessage()).contains("/dev/ttyUSB2").contains(hint).contains("error " + errorCode);
    }
}
