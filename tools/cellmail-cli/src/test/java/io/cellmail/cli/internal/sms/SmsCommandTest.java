/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellmail.cli.internal.CliRun;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.emulate.EmulateCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SmsCommandTest {

    private static final String NUMBER = "+41791234567";
    private static final Pattern LISTENING = Pattern.compile(Pattern.quote(EmulateCommand.LISTENING) + "(\\S+)");
    /** 189 UTF-16 units, not all in GSM-7: three UCS2 parts of 67. */
    private static final String UCS2_ALARM = "Température pompe 3: 7,9 bar ✓ 温度过高 — ".repeat(5).strip();

    @Test
    void shouldSendAGsm7TextAndShowWhatTheSmsCentreReceived() {
        CliRun.Result result = CliRun.run("", "sms", "emulator:sms1", "--to", NUMBER, "--text",
                "Pump 3 pressure high: 7.9 bar at 14:02", "--transcript");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("^sent: 1 part in GSM-7, message reference \\d+ \\(.* via emulator:sms1\\)")
                .contains("sms centre: " + NUMBER + " received 1 part in GSM-7: Pump 3 pressure high: 7.9 bar at 14:02")
                .doesNotContain("differs");
        assertThat(result.err()).contains(">> AT+CMGF=1").contains("AT+CMGS=");
    }

    @Test
    void shouldSendALongUcs2TextFromStdinInPartsThatArriveReassembled() {
        assertThat(UCS2_ALARM.length()).isBetween(135, 201);

        CliRun.Result result = CliRun.run(UCS2_ALARM + "\n", "sms", "emulator:sms2", "--to", NUMBER);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("^sent: 3 parts in UCS2, message references \\d+, \\d+, \\d+ \\(")
                .contains("sms centre: " + NUMBER + " received 3 parts reassembled in UCS2: " + UCS2_ALARM + "\n")
                .doesNotContain("differs");
    }

    @Test
    void shouldRefuseABadSmsNamingTheOptionBeforeTheModemIsOpened() {
        // A link that cannot be opened: a check that came after opening it would fail with "cannot open" instead.
        String link = "serial:/dev/ttyCELLMAIL-NONE";
        List<List<String>> cases = List.of(
                List.of("sms", link, "--to", "+41 79 123 45 67", "--text", "x"),
                List.of("sms", link, "--to", "+4179\";+CMGD=1,4", "--text", "x"),
                List.of("sms", link, "--to", NUMBER, "--text", ""),
                List.of("sms", link, "--to", NUMBER, "--text", "x".repeat(161), "--max-parts", "1"),
                List.of("sms", link, "--to", NUMBER, "--text", "x", "--max-parts", "0"),
                List.of("sms", link, "--to", NUMBER, "--text", "x", "--max-parts", "many"),
                List.of("sms", link, "--text", "x"),
                List.of("sms", link, "--to", NUMBER, "--text", "x", "--timeout", "soon"));
        List<String> expected = List.of("--to: the modem cannot take this", "--to: the modem cannot take this",
                "the text: the modem cannot take this", "the text: the modem cannot take this (The SMS text takes 2",
                "--max-parts: the modem cannot take this", "--max-parts needs a number", "--to NUMBER", "--timeout");
        for (int i = 0; i < cases.size(); i++) {
            CliRun.Result result = CliRun.run("", cases.get(i).toArray(String[]::new));

            assertThat(result.exit()).as("case %d: %s", i, result.err()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).as("case %d", i).contains(expected.get(i)).contains("Usage: cellmail sms")
                    .doesNotContain("cannot open");
        }
    }

    @Test
    void shouldReportACmsErrorWithItsMeaningAndWhetherToTryAgain() {
        CliRun.Result passing = CliRun.run("", "sms", "emulator:sms3", "--to", NUMBER, "--text", "7.9 bar",
                "--fault", "sms-error=332");
        CliRun.Result refused = CliRun.run("", "sms", "emulator:sms4", "--to", NUMBER, "--text", "7.9 bar",
                "--fault", "sms-error=21");

        assertThat(passing.exit()).as(passing.err()).isEqualTo(ExitCode.TEMPORARY_FAILURE);
        assertThat(passing.err()).contains("cellmail sms: not sent: 1102 ")
                .contains("+CMS ERROR: 332 (network timeout)");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).contains("cellmail sms: not sent: 1101 ")
                .contains("+CMS ERROR: 21 (short message transfer rejected)");
        assertThat(passing.out() + refused.out()).doesNotContain("sent:").doesNotContain("sms centre:");
    }

    @Test
    void shouldSendThroughAnLteModuleWithTheDialectNamedOrFoundByAuto() {
        CliRun.Result named = CliRun.run("", "sms", "emulator:sms5", "--personality", "eg25g", "--dialect", "lte",
                "--to", NUMBER, "--text", "lte named", "--transcript");
        CliRun.Result found = CliRun.run("", "sms", "emulator:sms6", "--personality", "eg25g", "--to", NUMBER,
                "--text", UCS2_ALARM, "--transcript");

        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).contains("sms centre: " + NUMBER + " received 1 part in GSM-7: lte named");
        assertThat(named.err()).doesNotContain("AT+QSMTPCFG=?");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).contains("received 3 parts reassembled in UCS2: " + UCS2_ALARM);
        assertThat(found.err()).as("auto asked the module").contains(">> AT+QSMTPCFG=?");
    }

    @Test
    void shouldRefuseForGoodOnAModuleCellmailSendsNoSmsWith() {
        CliRun.Result result = CliRun.run("", "sms", "emulator:sms7", "--personality", "bg95", "--to", NUMBER,
                "--text", "7.9 bar", "--transcript");

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("cellmail sms: not sent: 1100 ").doesNotContain("AT+CMGS");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldEnterTheSimPinFromTheEnvironmentAndNeverShowIt() {
        String pin = "97531864";
        try (CliRun emulator = CliRun.start("emulate", "--listen", "127.0.0.1:0", "--sim-pin", pin)) {
            String where = awaitListening(emulator);

            CliRun.Result result = CliRun.run("", Map.of("CELLMAIL_SIM_PIN", pin), "sms", "tcp://" + where,
                    "--dialect", "gsm", "--to", NUMBER, "--text", "after the PIN", "--transcript");

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("sent: 1 part in GSM-7");
            assertThat(result.err()).contains("AT+CPIN=");
            assertThat(result.out() + result.err()).doesNotContain(pin);
        }
    }

    private static String awaitListening(CliRun emulator) {
        Matcher[] found = new Matcher[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = LISTENING.matcher(emulator.out());
            return found[0].find();
        });
        return found[0].group(1);
    }
}
