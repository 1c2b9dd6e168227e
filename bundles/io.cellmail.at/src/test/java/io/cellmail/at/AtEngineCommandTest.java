/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

/** Commands and their replies: clean replies, URC routing, lenient forms, deferred results, transcript, counters. */
class AtEngineCommandTest extends EngineTestSupport {

    @Test
    void shouldRouteAUrcBetweenInfoAndOkToListenersAndKeepTheReplyClean() throws Exception {
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "+CREG: 1", "0,+PDP DEACT", "OK");
        startEngine();

        AtResponse reply = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(reply.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(reply.firstInfo("+CSQ:").orElseThrow().intField(0)).isEqualTo(20);
        await().atMost(WAIT).until(() -> urcs.size() >= 2);
        assertThat(urcs).extracting(Urc::prefix).contains("+CREG:", "+PDP DEACT");
    }

    @Test
    void shouldNotHandALineThatArrivedBeforeACommandWasSentToItsReply() throws Exception {
        // one chunk: A's OK, then a noise line; B goes out as soon as the OK is framed, before the noise is
        modem.on("AT+A").reply("OK\r\n\u00ff#@!");
        modem.on("ATI").reply("Quectel_M95", "OK");
        startEngine();

        CompletionStage<AtResponse> a = engine.send(AtCommand.of("AT+A"));
        CompletionStage<AtResponse> identity = engine.send(AtCommand.of("ATI").expectingAnyInfo());

        assertThat(result(a).isOk()).isTrue();
        assertThat(result(identity).infoLines()).extracting(InfoLine::line).containsExactly("Quectel_M95");
        await().atMost(WAIT).until(() -> urcs.contains(new Urc("", "\u00ff#@!")));
    }

    @Test
    void shouldGiveACregReplyToTheCommandThatAskedForIt() throws Exception {
        modem.on("AT+CREG?").reply("+CREG: 0,5", "OK");
        startEngine();

        AtResponse reply = result(engine.send(AtCommand.of("AT+CREG?").expecting("+CREG:")));

        assertThat(reply.firstInfo("+CREG:").orElseThrow().intField(1)).isEqualTo(5);
        assertThat(urcs).extracting(Urc::line).doesNotContain("+CREG: 0,5");
    }

    @Test
    void shouldTakeAnInfoLineThatArrivesAfterOk() throws Exception {
        modem.on("AT+QSMTPSRV?").reply("OK", "+QSMTPSRV: \"smtp.163.com\",25");
        modem.on("AT+CSQ").reply("+CSQ: 9,0", "OK");
        startEngine();

        AtResponse srv = result(engine.send(AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:")
                .infoMayFollowOk(Duration.ofMillis(300))));
        AtResponse csq = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        InfoLine server = srv.firstInfo("+QSMTPSRV:").orElseThrow();
        assertThat(server.stringField(0)).isEqualTo("smtp.163.com");
        assertThat(server.intField(1)).isEqualTo(25);
        assertThat(csq.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 9,0");
    }

    @Test
    void shouldFailWithTypedErrorCodesWithOrWithoutSpace() {
        modem.on("AT+CPIN?").reply("+CME ERROR:10");
        modem.on("AT+CMGS=1").reply("+CMS ERROR: 304");
        modem.on("AT+BAD").reply("ERROR");
        startEngine();

        AtException cme = failure(engine.send(AtCommand.of("AT+CPIN?").expecting("+CPIN:")));
        AtException cms = failure(engine.send(AtCommand.of("AT+CMGS=1")));
        AtException plain = failure(engine.send(AtCommand.of("AT+BAD")));

        assertThat(cme.kind()).isEqualTo(AtException.Kind.CME_ERROR);
        assertThat(cme.code()).hasValue(10);
        assertThat(cms.kind()).isEqualTo(AtException.Kind.CMS_ERROR);
        assertThat(cms.code()).hasValue(304);
        assertThat(plain.kind()).isEqualTo(AtException.Kind.ERROR);
        assertThat(engine.counters().errors()).isEqualTo(3);
        assertThat(engine.counters().timeouts()).isZero();
    }

    @Test
    void shouldCompleteADeferredCommandOnlyWhenItsResultArrivesAndSendNothingMeanwhile() throws Exception {
        modem.on("AT+QSMTPPUT=300").reply("OK").then(Duration.ofMillis(150), () -> modem.emit("RING", "+QSMTPPUT: 0"));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine();

        CompletionStage<AtResponse> put = engine.send(AtCommand.of("AT+QSMTPPUT=300")
                .deferredResult("+QSMTPPUT:", Duration.ofSeconds(3)));
        CompletionStage<AtResponse> csq = engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"));

        assertThat(result(put).deferredResult().orElseThrow().intField(0)).isZero();
        assertThat(result(csq).firstInfo("+CSQ:")).isPresent();
        assertThat(modem.log()).containsSubsequence("<< +QSMTPPUT: 0", ">> AT+CSQ");
        await().atMost(WAIT).until(() -> urcs.stream().anyMatch(u -> u.prefix().equals("RING")));
    }

    @Test
    void shouldFailADeferredCommandWhoseResultNeverComesAndStayUsable() throws Exception {
        modem.on("AT+QSMTPDATT").reply("OK");
        modem.on("AT+CSQ").reply("+CSQ: 1,0", "OK");
        startEngine();

        AtException failure = failure(engine.send(AtCommand.of("AT+QSMTPDATT")
                .deferredResult("+QSMTPDATT:", Duration.ofMillis(50))));
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.TIMEOUT);
        assertThat(next.firstInfo("+CSQ:")).isPresent();
    }

    @Test
    void shouldRouteAnUnclaimedLineToListenersWithoutAPrefix() throws Exception {
        modem.on("AT+CSQ").reply("+QIURC: \"pdpdeact\",1", "+CSQ: 3,0", "OK");
        startEngine(settings());

        AtResponse reply = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(reply.infoLines()).hasSize(1);
        await().atMost(WAIT).until(() -> !urcs.isEmpty());
        assertThat(urcs.get(0)).isEqualTo(new Urc("", "+QIURC: \"pdpdeact\",1"));
    }

    @Test
    void shouldRouteExtraUrcPrefixesFromTheSettings() throws Exception {
        modem.on("AT+CSQ").reply("+QIURC: \"pdpdeact\",1", "+CSQ: 3,0", "OK");
        startEngine(settings().extraUrcPrefixes("+QIURC:"));

        result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        await().atMost(WAIT).until(() -> !urcs.isEmpty());
        assertThat(urcs.get(0).prefix()).isEqualTo("+QIURC:");
    }

    @Test
    void shouldRunCommandsOneAtATimeInSubmissionOrder() throws Exception {
        modem.on("AT+A").after(Duration.ofMillis(40)).reply("OK");
        modem.on("AT+B").reply("OK");
        modem.on("AT+C").reply("OK");
        startEngine();

        CompletionStage<AtResponse> a = engine.send(AtCommand.of("AT+A"));
        CompletionStage<AtResponse> b = engine.send(AtCommand.of("AT+B"));
        CompletionStage<AtResponse> c = engine.send(AtCommand.of("AT+C"));
        result(c);

        assertThat(result(a).isOk()).isTrue();
        assertThat(result(b).isOk()).isTrue();
        assertThat(modem.log()).containsSubsequence(">> AT+A", "<< OK", ">> AT+B", "<< OK", ">> AT+C");
    }

    @Test
    void shouldMaskPasswordsInTheTranscriptEvenWhenTheModemEchoesThem() throws Exception {
        modem.on("AT+QSMTPPWD=\"secret\"").reply("OK");
        modem.on(l -> l.startsWith("AT+QICSGP=")).reply("OK");
        startEngine();

        result(engine.send(AtCommand.of("AT+QSMTPPWD=\"secret\"").maskingParameter(0)));
        result(engine.send(AtCommand.of("AT+QICSGP=1,\"apn\",\"user\",\"secret\"").maskingParameter(3)));
        modem.echo(true);
        AtException echoed = failure(engine.send(AtCommand.of("AT+QSMTPPWD=\"secret\"").maskingParameter(0)));

        String transcript = engine.transcript().toString();
        assertThat(transcript).contains(">> AT+QSMTPPWD=\"****\"\\r", ">> AT+QICSGP=1,\"apn\",\"user\",\"****\"\\r",
                "<< AT+QSMTPPWD=\"****\"").doesNotContain("secret");
        assertThat(echoed.getMessage()).doesNotContain("secret");
    }

    @Test
    void shouldMaskTheLateEchoOfATimedOutSecretCommand() {
        modem.on("AT+QSMTPPWD=\"secret\"").silently();
        startEngine();

        failure(engine.send(AtCommand.of("AT+QSMTPPWD=\"secret\"").maskingParameter(0)
                .timeout(Duration.ofMillis(30))));
        await().atMost(WAIT).until(() -> commandsAfterInit().contains("AT"));
        modem.emitRaw("AT+QSMTPPWD=\"secret\"\r");
        awaitEpoch(2);

        assertThat(engine.transcript().toString()).contains("<< AT+QSMTPPWD=\"****\"").doesNotContain("secret");
        assertThat(urcs).extracting(Urc::line).noneMatch(line -> line.contains("secret"));
    }

    @Test
    void shouldEscapeControlCharactersInTheTranscript() throws Exception {
        modem.on("AT+X").reply("a\tb", "OK");
        startEngine();

        result(engine.send(AtCommand.of("AT+X").expectingAnyInfo()));

        assertThat(engine.transcript().entries()).extracting(Transcript.Entry::text).contains("AT+X\\r", "a\\tb");
    }

    @Test
    void shouldBoundTheTranscript() throws Exception {
        startEngine(settings().transcriptCapacity(5));

        for (int i = 0; i < 5; i++) {
            result(engine.send(AtCommand.of("AT")));
        }

        assertThat(engine.transcript().entries()).hasSize(5);
    }

    @Test
    void shouldCountCommandsErrorsAndUrcs() throws Exception {
        modem.on("AT+BAD").reply("+CME ERROR: 3");
        startEngine();
        modem.emit("RING");

        result(engine.send(AtCommand.of("AT")));
        failure(engine.send(AtCommand.of("AT+BAD")));
        await().atMost(WAIT).until(() -> engine.counters().urcs() >= 1);

        AtCounters counters = engine.counters();
        assertThat(counters.commands()).isEqualTo(2);
        assertThat(counters.errors()).isEqualTo(1);
        assertThat(counters.urcs()).isEqualTo(1);
        assertThat(counters.timeouts()).isZero();
        assertThat(counters.reboots()).isZero();
        assertThat(counters.reopens()).isZero();
    }

    @Test
    void shouldNotSendACommandWithAnIntermediateAsAPlainCommand() {
        startEngine();

        assertThatThrownBy(() -> engine.send(AtCommand.of("AT+QSMTPBODY=1")
                .intermediate(AtCommand.Intermediate.CONNECT))).isInstanceOf(IllegalArgumentException.class);
    }
}
