/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front ends with the real emulated module: AT in, OK out, and a module that outlives its connections. */
class FrontEndsWithModemTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private ModemEmulator modem;

    @BeforeEach
    void startModem() {
        modem = ModemEmulator.create(EmulatorSettings.defaults());
    }

    @AfterEach
    void stopModem() {
        modem.close();
    }

    @Test
    void shouldAnswerAtWithOkOverTcp() throws Exception {
        try (TcpEmulatorServer server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0);
                Socket host = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            HostDialog dialog = new HostDialog(host.getInputStream(), host.getOutputStream(), "tcp-host");

            dialog.expect("Call Ready").send("AT\r").expect("OK\r\n");
        }
    }

    @Test
    void shouldKeepTheModuleStateWhenANewTcpConnectionReplacesTheOld() throws Exception {
        try (TcpEmulatorServer server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0)) {
            HostDialog first;
            try (Socket firstHost = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                first = new HostDialog(firstHost.getInputStream(), firstHost.getOutputStream(), "first");
                first.expect("Call Ready").send("AT+QSMTPNAME=\"Alarm Panel\"\r").expect("OK\r\n");

                try (Socket secondHost = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    HostDialog second =
                            new HostDialog(secondHost.getInputStream(), secondHost.getOutputStream(), "second");
                    await().atMost(WAIT).until(first::ended);

                    second.send("AT+QSMTPNAME?\r").expect("+QSMTPNAME: \"Alarm Panel\"").expect("OK\r\n");
                    assertThat(second.received()).as("no second boot").doesNotContain("RDY");
                }
            }
        }
    }

    @Test
    void shouldAnswerAtWithOkOnThePseudoTerminal() throws Exception {
        try (PtyEmulator pty = PtyEmulator.start(modem::attach, directory.resolve("ttyCELL"));
                FileChannel in = FileChannel.open(pty.hostPath(), StandardOpenOption.READ);
                FileOutputStream out = new FileOutputStream(pty.hostPath().toFile())) {
            HostDialog dialog = new HostDialog(Channels.newInputStream(in), out, "pty-host");

            dialog.expect("Call Ready").send("AT\r").expect("OK\r\n");
            dialog.send("ATI\r").expect("Quectel_M95").expect("OK\r\n");
        }
    }
}
