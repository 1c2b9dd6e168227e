/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh module per test with a {@link RecordingRelay}, and a host connected through its byte streams with the
 * boot URCs read and echo off. Subclasses change the settings by overriding {@link #settings()}.
 */
abstract class ModemTestSupport {

    protected RecordingRelay relay;
    protected ModemEmulator modem;
    protected HostConsole host;

    protected EmulatorSettings settings() {
        return EmulatorSettings.defaults();
    }

    @BeforeEach
    void startModem() {
        relay = new RecordingRelay();
        modem = new ModemEmulator(settings(), relay);
        host = HostConsole.connectQuiet(modem);
    }

    @AfterEach
    void stopModem() throws InterruptedException {
        relay.release();
        host.close();
        modem.close();
    }

    /** Sends each command and checks it answers OK. */
    protected void ok(String... commands) {
        for (String command : commands) {
            assertThat(host.command(command)).as(command).containsExactly("OK");
        }
    }

    /**
     * Sends a command and checks its answer, lines given as {@code "line1 ~ line2"}; lines expected after the final
     * result code (deferred results, {@code CONNECT}) are read too.
     */
    protected void expect(String command, String answer) {
        List<String> expected = lines(answer);
        List<String> got = new ArrayList<>(host.command(command));
        while (got.size() < expected.size()) {
            got.add(host.nextLine());
        }
        assertThat(got).as(command).containsExactlyElementsOf(expected);
    }

    /** @return {@code "a ~ b"} as ["a", "b"] */
    protected static List<String> lines(String joined) {
        return Arrays.stream(joined.split("~")).map(String::strip).toList();
    }

    /** Configures a sendable mail: server, sender, one recipient. */
    protected void configureSendableMail() {
        ok("AT+QSMTPSRV=\"smtp.163.com\",25", "AT+QSMTPUSER=\"quectel\"", "AT+QSMTPPWD=\"test\"",
                "AT+QSMTPADDR=\"quectel@163.com\"", "AT+QSMTPNAME=\"quectel\"");
        expect("AT+QSMTPDST=1,1,\"colin.hu@quectel.com\"", "OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPDST:0");
    }
}
