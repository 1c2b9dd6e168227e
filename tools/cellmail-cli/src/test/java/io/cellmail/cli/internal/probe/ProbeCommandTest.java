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
        CliRun.Result result = CliRun.run("", "probe", "emulator:probe1", "--dialect", "gsm");

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
    void shouldNameTheModuleAndTheDialectItFoundByDefault() {
        CliRun.Result result = CliRun.run("", "probe", "emulator:probe2");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("identity:     Quectel_Ltd / Quectel_M95 / Revision: M95FAR02A08\n")
                .endsWith("module:       Quectel_M95 (Quectel_Ltd Quectel_M95 Revision: M95FAR02A08), dialect"
                        + " quectel-gsm, found by auto\n");
    }

    @Test
    void shouldProbeAnLteModuleFoundByAutoAndNamedByItsDialect() {
        CliRun.Result found = CliRun.run("", "probe", "emulator:probe5", "--personality", "eg25g");
        CliRun.Result named = CliRun.run("", "probe", "emulator:probe6", "--personality", "eg25g", "--dialect", "lte");

        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).startsWith("identity:     Quectel / EG25 / Revision: EG25GGBR07A08M2G\n")
                .contains("sim:          READY\n").contains("dialect quectel-lte, found by auto");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).startsWith("identity:     Quectel / EG25 / Revision: EG25GGBR07A08M2G\n")
                .doesNotContain("found by auto");
    }

    @Test
    void shouldProbeAnLteModuleWithoutSmtpClientAndSaySo() {
        CliRun.Result result = CliRun.run("", "probe", "emulator:probe3", "--personality", "bg95");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("identity:     Quectel / BG95-M3 / Revision: BG95M3LAR02A03\n")
                .contains("sim:          READY\n")
                .contains("module:       BG95-M3 (Quectel BG95-M3 Revision: BG95M3LAR02A03): no SMTP client");
    }

    @Test
    void shouldRefuseAnUnknownDialectOrPersonalityWithUsage() {
        CliRun.Result dialect = CliRun.run("", "probe", "emulator:probe4", "--dialect", "cdma");
        CliRun.Result personality = CliRun.run("", "probe", "emulator:probe5", "--personality", "sim800");
        CliRun.Result notEmulated = CliRun.run("", "probe", "tcp://127.0.0.1:1", "--personality", "bg95");

        assertThat(dialect.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(dialect.err()).contains("--dialect must be gsm, lte or auto");
        assertThat(personality.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(personality.err()).contains("--personality: personality must be m95, eg25g or bg95");
        assertThat(notEmulated.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(notEmulated.err()).contains("for emulator: links only");
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
