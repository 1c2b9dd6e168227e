/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayOptionsTest {

    @Test
    void shouldRunTheGatewayWithoutSmtpServerNorTheDemosEmulatedModemWhenGivenNothing() throws Exception {
        GatewayOptions options = GatewayOptions.parse();

        assertThat(options.mode()).isEqualTo(GatewayOptions.Mode.RUN);
        assertThat(options.loopbackSmtp()).isFalse();
        assertThat(options.distributionConfigurations()).as("the demo's emulator and mail service").isFalse();
        assertThat(options.logDirectory()).isEmpty();
        assertThat(options.timeout()).isEqualTo(GatewayOptions.DEFAULT_TIMEOUT);
        assertThat(options.dataDirectory()).isEmpty();
        assertThat(options.confDirectory()).isEmpty();
        assertThat(options.webConsolePort()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--demo --interactive --web-console                 | INTERACTIVE | 8080",
        "--demo --interactive --web-console-port 18080      | INTERACTIVE | 18080",
        "--web-console-port 9090 --web-console --interactive | INTERACTIVE | 9090",
        "--web-console --conf /etc/cellmail                  | RUN         | 8080",
    })
    void shouldOpenTheWebConsoleOnTheLoopbackPortAskedFor(String line, GatewayOptions.Mode mode, int port)
            throws Exception {
        GatewayOptions options = GatewayOptions.parse(line.trim().split("\\s+"));

        assertThat(options.mode()).isEqualTo(mode);
        assertThat(options.webConsolePort()).contains(port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--demo                          | DEMO        | true  | 45 | ",
        "--interactive                   | INTERACTIVE | false | 45 | ",
        "--demo --interactive            | INTERACTIVE | true  | 45 | ",
        "--interactive --demo            | DEMO        | true  | 45 | ",
        "--demo --timeout 20             | DEMO        | true  | 20 | ",
        "--interactive --data /tmp/gw    | INTERACTIVE | false | 45 | /tmp/gw",
        "--demo --timeout 5 --data state | DEMO        | true  | 5  | state",
        "--data /var/lib/cellmail        | RUN         | false | 45 | /var/lib/cellmail",
    })
    void shouldReadTheCommandLine(String line, GatewayOptions.Mode mode, boolean smtp, long seconds, String data)
            throws Exception {
        GatewayOptions options = GatewayOptions.parse(line.trim().split("\\s+"));

        assertThat(options.mode()).isEqualTo(mode);
        assertThat(options.loopbackSmtp()).as("loopback SMTP server").isEqualTo(smtp);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(options.dataDirectory()).isEqualTo(Optional.ofNullable(data).map(Path::of));
    }

    @Test
    void shouldApplyTheOperatorsDirectoryInsteadOfTheDistributionsWithoutSmtpServer() throws Exception {
        GatewayOptions options = GatewayOptions.parse("--data", "state", "--conf", "/etc/cellmail");

        assertThat(options.mode()).isEqualTo(GatewayOptions.Mode.RUN);
        assertThat(options.confDirectory()).contains(Path.of("/etc/cellmail"));
        assertThat(options.distributionConfigurations()).isFalse();
        assertThat(options.loopbackSmtp()).isFalse();
    }

    @Test
    void shouldNotApplyTheDemosEmulatedModemAtAConsoleWithoutTheDemo() throws Exception {
        GatewayOptions options = GatewayOptions.parse("--interactive");

        assertThat(options.distributionConfigurations()).isFalse();
        assertThat(options.loopbackSmtp()).isFalse();
    }

    @Test
    void shouldReadTheLogDirectory() throws Exception {
        GatewayOptions options = GatewayOptions.parse("--conf", "/etc/cellmail", "--log-dir", "/var/log/cellmail");

        assertThat(options.logDirectory()).contains(Path.of("/var/log/cellmail"));
        assertThatThrownBy(() -> GatewayOptions.parse("--log-dir")).isInstanceOf(GatewayOptions.UsageException.class)
                .hasMessageContaining("--log-dir needs a value");
    }

    @Test
    void shouldKeepTheDemosModemBesideTheOperatorsDirectory() throws Exception {
        GatewayOptions options = GatewayOptions.parse("--demo", "--conf", "extra");

        assertThat(options.distributionConfigurations()).isTrue();
        assertThat(options.confDirectory()).contains(Path.of("extra"));
        assertThat(options.loopbackSmtp()).isTrue();
    }

    @Test
    void shouldStartTheSmtpServerWithoutTheDemoWhenAsked() throws Exception {
        GatewayOptions options = GatewayOptions.parse("--interactive", "--smtp-server");

        assertThat(options.mode()).isEqualTo(GatewayOptions.Mode.INTERACTIVE);
        assertThat(options.demo()).isFalse();
        assertThat(options.loopbackSmtp()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus           | unknown argument: --bogus",
        "--timeout         | --timeout needs a value",
        "--timeout 0       | --timeout needs a positive number of seconds, not '0'",
        "--timeout soon    | --timeout needs a positive number of seconds, not 'soon'",
        "--data            | --data needs a value",
        "--data --demo     | --data needs a value",
        "--conf            | --conf needs a value",
        "--conf --demo     | --conf needs a value",
        "--web-console-port | --web-console-port needs a value",
        "--web-console-port 0 | --web-console-port needs a port from 1 to 65535, not '0'",
        "--web-console-port http | --web-console-port needs a port from 1 to 65535, not 'http'",
    })
    void shouldRejectAWrongCommandLineSayingWhatIsWrong(String line, String message) {
        assertThatThrownBy(() -> GatewayOptions.parse(line.trim().split("\\s+")))
                .isInstanceOf(GatewayOptions.UsageException.class).hasMessage(message);
    }

    @Test
    void shouldRefuseTheWebConsoleForTheDemoAloneWhichExits() {
        assertThatThrownBy(() -> GatewayOptions.parse("--demo", "--web-console"))
                .isInstanceOf(GatewayOptions.UsageException.class)
                .hasMessage("the web console needs a gateway that keeps running: add --interactive, or leave out"
                        + " --demo");
    }

    @Test
    void shouldAnswerHelpWithNoOptions() throws Exception {
        assertThat(GatewayOptions.parse("--help")).isNull();
        assertThat(GatewayOptions.parse("-h")).isNull();
        assertThat(GatewayOptions.parse("--demo", "--help")).isNull();
    }
}
