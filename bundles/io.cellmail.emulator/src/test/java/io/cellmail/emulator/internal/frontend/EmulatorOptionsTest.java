/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.Personality;
import io.cellmail.emulator.SmsPrompt;
import io.cellmail.emulator.internal.frontend.EmulatorOptions.ListenAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorOptionsTest {

    @Test
    void shouldListenOnTheGivenAddressWithDefaultSettings() {
        EmulatorOptions options = EmulatorOptions.parse("--listen", "127.0.0.1:0");

        assertThat(options.listen()).contains(new ListenAddress("127.0.0.1", 0));
        assertThat(options.pty()).isEmpty();
        assertThat(options.settings()).isEqualTo(EmulatorSettings.defaults());
        assertThat(options.faults()).isEmpty();
        assertThat(options.help()).isFalse();
    }

    @Test
    void shouldTakeEveryOptionIntoTheSettings() {
        EmulatorOptions options = EmulatorOptions.parse("--listen", "127.0.0.1:40123", "--smtp", "127.0.0.1:2525",
                "--baud", "115200", "--latency", "20ms", "--guard", "1.5s", "--lenient", "--autobaud",
                "--sim-pin", "4711", "--personality", "eg25g", "--attachments-end-by-length");

        EmulatorSettings settings = options.settings();
        assertThat(settings.smtpRoute()).contains("127.0.0.1:2525");
        assertThat(settings.baud()).isEqualTo(115200);
        assertThat(settings.commandLatency()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.guardTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.lenientEscape()).isTrue();
        assertThat(settings.attachmentsEndByLength()).isTrue();
        assertThat(settings.autobaud()).isTrue();
        assertThat(settings.simPin()).contains("4711");
        assertThat(settings.personality()).isEqualTo(Personality.EG25G);
    }

    @Test
    void shouldTakeTheSmsPrompt() {
        assertThat(EmulatorOptions.parse("--listen", "127.0.0.1:0").settings().smsPrompt()).isEqualTo(SmsPrompt.SPACE);
        assertThat(EmulatorOptions.parse("--listen", "127.0.0.1:0", "--sms-prompt", "bare").settings().smsPrompt())
                .isEqualTo(SmsPrompt.BARE);
        assertThat(EmulatorOptions.parse("--listen", "127.0.0.1:0", "--sms-prompt=LINE").settings().smsPrompt())
                .isEqualTo(SmsPrompt.LINE);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorOptions.parse("--listen", "127.0.0.1:0", "--sms-prompt", "none"))
                .withMessageContaining("space, bare or line");
        assertThat(EmulatorOptions.USAGE).contains("--sms-prompt");
    }

    @Test
    void shouldAcceptNameEqualsValue() {
        EmulatorOptions options = EmulatorOptions.parse("--listen=localhost:2000", "--baud=9600");

        assertThat(options.listen()).contains(new ListenAddress("localhost", 2000));
        assertThat(options.settings().baud()).isEqualTo(9600);
    }

    @Test
    void shouldKeepRepeatedFaultsInOrder() {
        EmulatorOptions options = EmulatorOptions.parse("--listen", "127.0.0.1:0",
                "--fault", "smtp-reply=-550", "--fault=delay-on=AT+CSQ:2s");

        assertThat(options.faults()).containsExactly("smtp-reply=-550", "delay-on=AT+CSQ:2s");
    }

    @Test
    void shouldMakeThePtyPathAbsolute() {
        EmulatorOptions options = EmulatorOptions.parse("--pty", "ttyCELL");

        assertThat(options.pty()).contains(Path.of("ttyCELL").toAbsolutePath());
        assertThat(options.listen()).isEmpty();
    }

    @Test
    void shouldUnbracketAnIpv6ListenHost() {
        assertThat(EmulatorOptions.parse("--listen", "[::1]:7000").listen())
                .contains(new ListenAddress("::1", 7000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void shouldReportHelp(String help) {
        assertThat(EmulatorOptions.parse(help).help()).isTrue();
        assertThat(EmulatorOptions.parse("--listen", "127.0.0.1:0", help).help()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "20ms, PT0.02S",
            "0ms, PT0S",
            "1s, PT1S",
            "1.5s, PT1.5S",
            "2m, PT2M",
            "1h, PT1H",
            "PT0.5S, PT0.5S",
            "pt2s, PT2S"})
    void shouldReadDurations(String text, String expected) {
        assertThat(EmulatorOptions.duration(text, "--latency")).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                               | exactly one of --listen",
            "--listen 127.0.0.1:0 --pty /tmp/x                | exactly one of --listen",
            "--listen 127.0.0.1:0 --listen 127.0.0.1:1        | --listen given twice",
            "--listen 127.0.0.1                               | HOST:PORT",
            "--listen :80                                     | HOST:PORT",
            "--listen 127.0.0.1:http                          | numeric port",
            "--listen 127.0.0.1:65536                         | 0-65535",
            "--listen                                         | --listen needs a value",
            "--listen 127.0.0.1:0 --smtp 127.0.0.1:0          | 1-65535",
            "--listen 127.0.0.1:0 --smtp mail.example.org     | HOST:PORT",
            "--listen 127.0.0.1:0 --baud -1                   | --baud needs a whole number",
            "--listen 127.0.0.1:0 --baud fast                 | --baud needs a whole number",
            "--listen 127.0.0.1:0 --latency 20                | --latency needs a duration",
            "--listen 127.0.0.1:0 --guard -1s                 | --guard needs a duration",
            "--listen 127.0.0.1:0 --guard PT-1S               | --guard needs a duration",
            "--listen 127.0.0.1:0 --lenient=yes               | --lenient takes no value",
            "--listen 127.0.0.1:0 --fault                     | --fault needs a value",
            "--listen 127.0.0.1:0 --fault --lenient           | --fault needs a value",
            "--listen 127.0.0.1:0 --verbose                   | unknown option: --verbose",
            "--listen 127.0.0.1:0 --personality ec21          | m95, eg25g or bg95",
            "--listen 127.0.0.1:0 extra                       | unexpected argument: extra"})
    void shouldRejectABadCommandLineWithAMessageThatSaysWhy(String commandLine, String message) {
        String[] args = commandLine.isBlank() ? new String[0] : commandLine.trim().split("\\s+");

        assertThatIllegalArgumentException().isThrownBy(() -> EmulatorOptions.parse(args))
                .withMessageContaining(message.trim());
    }

    @Test
    void shouldNameEveryOptionInTheUsage() {
        for (String option : List.of("--listen", "--pty", "--smtp", "--baud", "--latency", "--guard", "--lenient",
                "--autobaud", "--fault", "--personality", "--attachments-end-by-length", "--help")) {
            assertThat(EmulatorOptions.USAGE).contains(option);
        }
    }
}
