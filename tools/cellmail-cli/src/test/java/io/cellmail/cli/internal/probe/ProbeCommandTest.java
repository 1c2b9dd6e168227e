/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellmail.cli.internal.CliRun;
import io.cellmail.cli.internal.ExitCode;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ProbeCommandTest {

    @Test
    void shouldPrintIdentitySimRegistrationAndSignal() {
        CliRun.Result result = CliRun.run("", "probe", "emulator:probe1");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(String.join("\n",
                "identity:     Quectel_Ltd / Quectel_M95 / Revision: M95FAR02A08",
                "sim:          READY",
                "registration: home (registered on the home network)",
                "gprs:         attached",
                "signal:       20 (-73 dBm, excellent)",
                ""));
    }

    @Test
    void shouldFailWhenTheLinkCannotBeOpened() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun.Result result = CliRun.run("", "probe", "tcp://127.0.0.1:" + closedPort);

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("cannot open tcp://127.0.0.1:" + closedPort);
    }

    @Test
    void shouldAnswerAMissingLinkWithUsage() {
        CliRun.Result result = CliRun.run("", "probe");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Usage: cellmail probe LINK");
    }
}
