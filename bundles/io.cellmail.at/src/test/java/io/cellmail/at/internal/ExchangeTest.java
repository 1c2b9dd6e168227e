/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;

/**
 * The response state machine on its own. Scripts are lists of events: a line, {@code ~line} for a line that
 * looks like a URC, {@code !deadline} for the current phase's deadline passing, {@code !prompt},
 * {@code !sent:N} for an upload's payload of N bytes written and ended.
 */
class ExchangeTest {

    private static final Duration DEFAULT = Duration.ofSeconds(1);
    private static final Duration SHORT = Duration.ofMillis(100);

    static Stream<Arguments> commands() {
        AtCommand csq = AtCommand.of("AT+CSQ").expecting("+CSQ:");
        AtCommand srv = AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:").infoMayFollowOk(SHORT);
        AtCommand put = AtCommand.of("AT+QSMTPPUT=300").deferredResult("+QSMTPPUT:", Duration.ofMinutes(6));
        AtCommand dst = AtCommand.of("AT+QSMTPDST=1,1,\"a@b.c\"").deferredResult("+QSMTPDST:", SHORT);
        AtCommand creg = AtCommand.of("AT+CREG?").expecting("+CREG:");
        return Stream.of(
                Arguments.of("info then OK", csq, List.of("+CSQ: 20,0", "OK"), "ok [+CSQ: 20,0] OK"),
                Arguments.of("URC between info and OK stays out", csq, List.of("+CSQ: 20,0", "~+CREG: 1", "OK"),
                        "ok [+CSQ: 20,0] OK unclaimed=[+CREG: 1]"),
                Arguments.of("expected prefix wins over URC", creg, List.of("~+CREG: 0,1", "OK"),
                        "ok [+CREG: 0,1] OK"),
                Arguments.of("unknown line is not info", csq, List.of("+QIURC: x", "+CSQ: 1,0", "OK"),
                        "ok [+CSQ: 1,0] OK unclaimed=[+QIURC: x]"),
                Arguments.of("OK before info (AT+QSMTPSRV?)", srv, List.of("OK", "+QSMTPSRV: \"smtp.163.com\",25"),
                        "ok [+QSMTPSRV: \"smtp.163.com\",25] OK"),
                Arguments.of("OK without info lingers, then completes", srv, List.of("OK", "!deadline"), "ok [] OK"),
                Arguments.of("info before OK needs no linger", srv, List.of("+QSMTPSRV: \"h\",25", "OK"),
                        "ok [+QSMTPSRV: \"h\",25] OK"),
                Arguments.of("deferred result minutes later", put, List.of("OK", "~RING", "+QSMTPPUT: 0"),
                        "ok [] OK deferred=+QSMTPPUT: 0 unclaimed=[RING]"),
                Arguments.of("deferred result without space", put, List.of("OK", "+QSMTPPUT:-5"),
                        "ok [] OK deferred=+QSMTPPUT:-5"),
                Arguments.of("a result before OK is an earlier command's, never this one's", put,
                        List.of("+QSMTPPUT: 0", "OK", "+QSMTPPUT: -9"),
                        "ok [] OK deferred=+QSMTPPUT: -9 unclaimed=[+QSMTPPUT: 0]"),
                Arguments.of("deferred result never comes", dst, List.of("OK", "!deadline"), "fail TIMEOUT"),
                Arguments.of("ERROR instead of OK for deferred", dst, List.of("ERROR"), "fail ERROR"),
                Arguments.of("CME error without space", csq, List.of("+CME ERROR:10"), "fail CME_ERROR 10"),
                Arguments.of("CME error with space", csq, List.of("+CME ERROR: 10"), "fail CME_ERROR 10"),
                Arguments.of("CMS error", csq, List.of("+CMS ERROR: 500"), "fail CMS_ERROR 500"),
                Arguments.of("no final in time", csq, List.of("+CSQ: 1,0", "!deadline"), "fail TIMEOUT"),
                Arguments.of("OK inside a line is no final", csq, List.of("+CSQ: OK", "OKAY", "OK"),
                        "ok [+CSQ: OK] OK unclaimed=[OKAY]"),
                Arguments.of("extra final", AtCommand.of("ATD123;").finals("NO CARRIER", "BUSY"),
                        List.of("BUSY"), "ok [] BUSY"),
                Arguments.of("unprefixed info", AtCommand.of("AT+GSN").expectingAnyInfo(),
                        List.of("861234567890123", "~RDY", "OK"), "ok [861234567890123] OK unclaimed=[RDY]"),
                Arguments.of("CONNECT is never info", AtCommand.of("AT+GSN").expectingAnyInfo(),
                        List.of("CONNECT", "OK"), "ok [] OK unclaimed=[CONNECT]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void shouldCollectTheCommandsOwnLinesOnly(String description, AtCommand command, List<String> script,
            String expected) {
        assertThat(run(Exchange.command(command, DEFAULT), script)).isEqualTo(expected);
    }

    static Stream<Arguments> uploads() {
        UploadOptions body = UploadOptions.expectResult("+QSMTPBODY:");
        return Stream.of(
                Arguments.of("OK, CONNECT, result, OK", body, List.of("OK", "CONNECT", "!sent:5", "+QSMTPBODY: 5",
                        "OK"), "ok 5 +QSMTPBODY: 5"),
                Arguments.of("bare CONNECT, result without space and without OK", body, List.of("CONNECT",
                        "!sent:2009", "+QSMTPBODY:2009", "!deadline"), "ok 2009 +QSMTPBODY:2009"),
                Arguments.of("negative result", body, List.of("OK", "CONNECT", "!sent:5", "+QSMTPBODY: -3",
                        "!deadline"), "fail RESULT_ERROR -3"),
                Arguments.of("length mismatch", body, List.of("CONNECT", "!sent:5", "+QSMTPBODY: 4", "OK"),
                        "fail UPLOAD_MISMATCH 4"),
                Arguments.of("mismatch accepted without length check", body.withoutLengthCheck(),
                        List.of("CONNECT", "!sent:5", "+QSMTPBODY: 4", "OK"), "ok 5 +QSMTPBODY: 4"),
                Arguments.of("refused with a result instead of CONNECT", body, List.of("+QSMTPBODY: -3", "OK"),
                        "fail RESULT_ERROR -3"),
                Arguments.of("ERROR instead of CONNECT", body, List.of("ERROR"), "fail ERROR"),
                Arguments.of("OK but no CONNECT", body, List.of("OK", "!deadline"), "fail TIMEOUT"),
                Arguments.of("no result after +++", body, List.of("CONNECT", "!sent:5", "!deadline"),
                        "fail TIMEOUT"),
                Arguments.of("URC while waiting for the result", body, List.of("CONNECT", "!sent:1", "~+CREG: 1",
                        "+QSMTPBODY: 1", "OK"), "ok 1 +QSMTPBODY: 1 unclaimed=[+CREG: 1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void shouldRunTheUploadStateMachine(String description, UploadOptions options, List<String> script,
            String expected) {
        Exchange upload = Exchange.upload(AtCommand.of("AT+QSMTPBODY=1,100"), options, DEFAULT, SHORT);

        assertThat(run(upload, script)).isEqualTo(expected);
    }

    @Test
    void shouldWaitForAPromptWhenTheCommandDeclaresOne() {
        Exchange sms = Exchange.upload(AtCommand.of("AT+CMGS=\"+411\"").intermediate(AtCommand.Intermediate.PROMPT),
                UploadOptions.expectResult("+CMGS:").withoutLengthCheck().endingWith(UploadOptions.Ending.CTRL_Z),
                DEFAULT, SHORT);
        assertThat(sms.wantsPrompt()).isTrue();

        String outcome = run(sms, List.of("!prompt", "!sent:3", "+CMGS: 12", "OK"));

        assertThat(outcome).isEqualTo("ok 3 +CMGS: 12");
    }

    @Test
    void shouldConsumeLateLinesInAProbeAndWantOkFollowedByQuiet() {
        Exchange probe = Exchange.probe(AtCommand.of("AT"), SHORT, SHORT);

        assertThat(run(probe, List.of("+CSQ: 1,0", "ERROR", "~RING", "OK", "!deadline")))
                .isEqualTo("ok [] OK unclaimed=[RING]");
    }

    @Test
    void shouldFailAProbeWhoseOkIsFollowedByAnotherLine() {
        Exchange probe = Exchange.probe(AtCommand.of("AT"), SHORT, SHORT);

        // the first OK was the late final of an abandoned command, the second the probe's own
        assertThat(run(probe, List.of("OK", "OK"))).isEqualTo("fail PROTOCOL");
    }

    @Test
    void shouldAcceptNumericOkInAProbe() {
        Exchange probe = Exchange.probe(AtCommand.of("AT"), SHORT, SHORT);

        assertThat(run(probe, List.of("0", "!deadline"))).startsWith("ok");
    }

    @Test
    void shouldChangeThePhaseSerialOnEveryPhaseChangeSoStaleTimersAreIgnored() {
        Exchange put = Exchange.command(AtCommand.of("AT+QSMTPPUT").deferredResult("+QSMTPPUT:", SHORT), DEFAULT);
        int before = put.phaseSerial();

        put.offer("OK", false);

        assertThat(put.phase()).isEqualTo(Exchange.Phase.AWAIT_DEFERRED);
        assertThat(put.phaseSerial()).isNotEqualTo(before);
        assertThat(put.phaseTimeout()).contains(SHORT);
    }

    @Test
    void shouldKeepSecretsOutOfFailureMessages() {
        Exchange pwd = Exchange.command(AtCommand.of("AT+QSMTPPWD=\"hunter2\"").maskingParameter(0), DEFAULT);

        run(pwd, List.of("!deadline"));

        assertThat(pwd.failure().getMessage()).contains("AT+QSMTPPWD=\"****\"").doesNotContain("hunter2");
    }

    /** Runs a script and summarises the outcome, plus the lines the exchange did not claim. */
    private static String run(Exchange exchange, List<String> script) {
        List<String> unclaimed = new java.util.ArrayList<>();
        for (String event : script) {
            if (event.equals("!deadline")) {
                exchange.deadlinePassed();
            } else if (event.equals("!prompt")) {
                exchange.prompt();
            } else if (event.startsWith("!sent:")) {
                exchange.payloadWritten(Integer.parseInt(event.substring(6)));
                exchange.payloadEnded();
            } else if (event.startsWith("~")) {
                if (!exchange.offer(event.substring(1), true)) {
                    unclaimed.add(event.substring(1));
                }
            } else if (!exchange.offer(event, false)) {
                unclaimed.add(event);
            }
        }
        String tail = unclaimed.isEmpty() ? "" : " unclaimed=" + unclaimed;
        if (exchange.phase() != Exchange.Phase.DONE) {
            return exchange.phase() + tail;
        }
        AtException failure = exchange.failure();
        if (failure != null) {
            return "fail " + failure.kind() + (failure.code().isPresent() ? " " + failure.code().getAsInt() : "");
        }
        Object value = exchange.value();
        if (value instanceof UploadResult upload) {
            return "ok " + upload.bytesSent() + " " + upload.resultLine() + tail;
        }
        AtResponse response = (AtResponse) value;
        String info = response.infoLines().stream().map(InfoLine::line).collect(Collectors.joining(", ", "[", "]"));
        String deferred = response.deferredResult().map(d -> " deferred=" + d.line()).orElse("");
        return "ok " + info + " " + response.finalLine() + deferred + tail;
    }
}
