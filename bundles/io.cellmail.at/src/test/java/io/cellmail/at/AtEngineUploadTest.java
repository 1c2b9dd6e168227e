/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

/**
 * Data-mode uploads: CONNECT or prompt, payload in one write, ended by a guarded escape, Ctrl-Z or its length;
 * result and length check.
 */
class AtEngineUploadTest extends EngineTestSupport {

    private static final Duration GUARD = Duration.ofMillis(20);
    private static final UploadOptions BODY = UploadOptions.expectResult("+QSMTPBODY:");
    private static final String ATT = "AT+QSMTPATT=\"a.txt\",10,30";
    private static final byte[] FILE = "0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final UploadOptions BY_LENGTH = UploadOptions.expectResult("+QSMTPATT:")
            .endingWith(UploadOptions.Ending.ESCAPE_SEQUENCE_OR_LENGTH);

    @Test
    void shouldStreamThePayloadInOneWriteAndEndItWithAGuardedEscape() throws Exception {
        byte[] body = new byte[2009];
        Arrays.fill(body, (byte) 'm');
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY:" + p.length));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(GUARD));

        UploadResult upload = result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body, BODY));
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(upload.bytesSent()).isEqualTo(2009);
        assertThat(upload.reportedLength()).isEqualTo(2009);
        assertThat(modem.uploads()).hasSize(1);
        assertThat(modem.uploads().get(0)).isEqualTo(body);
        assertThat(modem.dataWrites()).as("no idle gaps: one write").isEqualTo(1);
        assertThat(Duration.ofNanos(modem.escapeGapNanos())).isGreaterThanOrEqualTo(GUARD);
        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(engine.transcript().toString()).contains("<2009 bytes of data>", ">> +++")
                .doesNotContain("mmmm");
    }

    @Test
    void shouldEndALengthNamedUploadWithoutEscapeWhenTheModemAnswersInTheSilence() throws Exception {
        Duration guard = Duration.ofSeconds(3);
        modem.on(ATT).reply("OK").endsAfter(FILE.length).connect(p -> List.of("+QSMTPATT: " + p.length, "OK"));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(guard));

        long start = System.nanoTime();
        UploadResult upload = result(engine.upload(AtCommand.of(ATT), FILE, BY_LENGTH));
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(upload.reportedLength()).isEqualTo(FILE.length);
        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(modem.uploads()).containsExactly(FILE);
        assertThat(modem.log()).as("no +++, not even as a stray before the next command")
                .noneMatch(line -> line.contains("+++"));
        assertThat(engine.transcript().toString()).doesNotContain(">> +++")
                .contains("the modem ended the upload at its length");
        assertThat(took).as("the silence ended with the modem's answer, no guard time was waited out")
                .isLessThan(guard);
    }

    @Test
    void shouldKeepTheSilenceOfAnUploadWithoutLengthThatIsAnsweredEarly() throws Exception {
        // the same early answer to an upload that names no length (a GSM body): the modem stopped somewhere the
        // engine does not know, so the silence runs to its end as it always did; no +++ to a modem that answered
        Duration guard = Duration.ofMillis(400);
        modem.on(ATT).reply("OK").endsAfter(FILE.length).connect(p -> List.of("+QSMTPATT: " + p.length, "OK"));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(guard));

        long start = System.nanoTime();
        result(engine.upload(AtCommand.of(ATT), FILE, UploadOptions.expectResult("+QSMTPATT:")));
        result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(guard);
        assertThat(modem.log()).noneMatch(line -> line.contains("+++"));
    }

    @Test
    void shouldEscapeALengthNamedUploadAsBeforeWhenNoResultComesInTheSilence() throws Exception {
        modem.on(ATT).reply("OK").connect(p -> List.of("+QSMTPATT: " + p.length));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(GUARD));

        UploadResult upload = result(engine.upload(AtCommand.of(ATT), FILE, BY_LENGTH));
        result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(upload.reportedLength()).isEqualTo(FILE.length);
        assertThat(modem.escapesInDataMode()).isEqualTo(1);
        assertThat(Duration.ofNanos(modem.escapeGapNanos())).isGreaterThanOrEqualTo(GUARD);
        assertThat(modem.uploads()).containsExactly(FILE);
        assertThat(engine.transcript().toString()).contains(">> +++").doesNotContain("at its length");
    }

    @Test
    void shouldTakeAResultThatComesOnlyAfterTheEscape() throws Exception {
        // the modem left data mode at the length but answers late: the +++ finds it in command mode, where it waits
        // as a stray before the next command, which the modem still reads (characters before AT are ignored)
        Duration guard = Duration.ofMillis(100);
        modem.on(ATT).reply("OK").endsAfter(FILE.length).resultAfter(guard.multipliedBy(4))
                .connect(p -> List.of("+QSMTPATT: " + p.length, "OK"));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(guard));

        UploadResult upload = result(engine.upload(AtCommand.of(ATT), FILE, BY_LENGTH));
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(upload.reportedLength()).isEqualTo(FILE.length);
        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(modem.escapesInDataMode()).isZero();
        assertThat(modem.log()).containsSubsequence("<< +QSMTPATT: 10", ">> +++AT+CSQ");
        assertThat(engine.transcript().toString()).contains(">> +++");
    }

    @Test
    void shouldNotEndTheSilenceForAnotherLineThanTheResult() throws Exception {
        Duration guard = Duration.ofMillis(500);
        modem.on(ATT).reply("OK").connect(p -> List.of("+QSMTPATT: " + p.length));
        startEngine(settings().guardTime(guard));

        CompletionStage<UploadResult> upload = engine.upload(AtCommand.of(ATT), FILE, BY_LENGTH);
        await().atMost(WAIT).until(() -> modem.dataWrites() == 1);
        modem.emit("+CREG: 1");

        assertThat(result(upload).reportedLength()).isEqualTo(FILE.length);
        assertThat(modem.escapesInDataMode()).as("a stray line in the silence is no answer: +++ as before")
                .isEqualTo(1);
        assertThat(urcs).extracting(Urc::line).contains("+CREG: 1");
    }

    @Test
    void shouldLeaveALateStrayResultToTheListenersAfterAnUploadEndedAtItsLength() throws Exception {
        modem.on(ATT).reply("OK").endsAfter(FILE.length).connect(p -> List.of("+QSMTPATT: " + p.length, "OK"));
        modem.on("AT+CSQ").after(Duration.ofMillis(50)).reply("+CSQ: 20,0", "OK");
        startEngine(settings().guardTime(Duration.ofSeconds(3)));

        result(engine.upload(AtCommand.of(ATT), FILE, BY_LENGTH));
        CompletionStage<AtResponse> next = engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"));
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+CSQ"));
        modem.emit("+QSMTPATT: 10");

        assertThat(result(next).infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        await().atMost(WAIT).until(() -> urcs.stream().anyMatch(u -> u.line().equals("+QSMTPATT: 10")));
        assertThat(result(engine.send(AtCommand.of("AT"))).isOk()).isTrue();
    }

    @Test
    void shouldResynchroniseAfterAnUploadMismatchBeforeTheNextCommand() throws Exception {
        // a lenient module stopped at a +++ inside the payload: what followed went to its command line
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY:5"));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine();

        AtException mismatch = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"),
                "a +++ b".getBytes(StandardCharsets.US_ASCII), BODY));
        result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(mismatch.kind()).isEqualTo(AtException.Kind.UPLOAD_MISMATCH);
        assertThat(engine.counters().resyncs()).isEqualTo(1);
        assertThat(commandsAfterInit()).containsSubsequence("AT+QSMTPBODY=1,100", "AT", "AT+CSQ");
    }

    @Test
    void shouldEscapeBeforeProbingWhenTheLinkWasLostMidUpload() throws Exception {
        byte[] body = "cut off".getBytes(StandardCharsets.US_ASCII);
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY:" + p.length));
        startEngine(settings().guardTime(Duration.ofMillis(300)));

        CompletionStage<UploadResult> upload = engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body, BODY);
        await().atMost(WAIT).until(() -> modem.dataWrites() == 1);
        modem.dropLink(); // within the guard time, before the +++: the module stays in data mode

        assertThat(failure(upload).kind()).isEqualTo(AtException.Kind.LINK_LOST);
        awaitEpoch(2);
        assertThat(modem.escapesInDataMode()).isEqualTo(1);
        assertThat(modem.uploads()).as("no probe was taken for payload").containsExactly(body);
    }

    @Test
    void shouldAcceptABareConnectAndAResultFollowedByOkWithoutPassingTheOkOn() throws Exception {
        modem.on("AT+QSMTPATT=\"a.txt\"").connect(p -> List.of("+QSMTPATT: " + p.length, "OK"));
        modem.on("AT+QSMTPATT?").reply("+QSMTPATT: 1, \"a.txt\", 5", "OK");
        startEngine();

        UploadResult upload = result(engine.upload(AtCommand.of("AT+QSMTPATT=\"a.txt\""),
                "hello".getBytes(StandardCharsets.US_ASCII), UploadOptions.expectResult("+QSMTPATT:")));
        AtResponse list = result(engine.send(AtCommand.of("AT+QSMTPATT?").expecting("+QSMTPATT:")));

        assertThat(upload.reportedLength()).isEqualTo(5);
        assertThat(list.firstInfo("+QSMTPATT:").orElseThrow().stringField(1)).isEqualTo("a.txt");
        assertThat(list.infoLines()).hasSize(1);
    }

    @Test
    void shouldFailAnUploadWithANegativeResultCarryingTheCode() throws Exception {
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY: -3"));
        startEngine();

        AtException failure = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), new byte[] {1, 2}, BODY));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.RESULT_ERROR);
        assertThat(failure.code()).hasValue(-3);
        assertThat(engine.counters().errors()).isEqualTo(1);
        assertThat(result(engine.send(AtCommand.of("AT"))).isOk()).isTrue();
    }

    @Test
    void shouldFailAnUploadWhoseReportedLengthDiffersFromTheBytesSent() {
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY: " + (p.length - 1)));
        startEngine();

        AtException failure = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), new byte[10], BODY));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.UPLOAD_MISMATCH);
        assertThat(failure.code()).hasValue(9);
    }

    @Test
    void shouldFailAnUploadThatTheModemRefusesWithError() {
        modem.on("AT+QSMTPBODY=1,100").reply("ERROR");
        startEngine();

        AtException failure = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), new byte[3], BODY));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.ERROR);
        assertThat(modem.uploads()).isEmpty();
    }

    @Test
    void shouldUploadAfterAPromptAndEndWithCtrlZ() throws Exception {
        modem.on("AT+CMGS=\"+41790000000\"").prompt(p -> List.of("+CMGS: 12", "OK")).endedByCtrlZ();
        startEngine();

        UploadResult sms = result(engine.upload(AtCommand.of("AT+CMGS=\"+41790000000\"")
                        .intermediate(AtCommand.Intermediate.PROMPT), "hi there".getBytes(StandardCharsets.US_ASCII),
                UploadOptions.expectResult("+CMGS:").withoutLengthCheck().endingWith(UploadOptions.Ending.CTRL_Z)));

        assertThat(sms.resultLine().intField(0)).isEqualTo(12);
        assertThat(new String(modem.uploads().get(0), StandardCharsets.US_ASCII)).isEqualTo("hi there");
        assertThat(modem.escapesInDataMode()).isZero();
    }

    @Test
    void shouldEndALengthUploadWithItsLastByteWithoutGuardTimeOrEscape() throws Exception {
        // a payload that holds +++ and ends with +: data, since the module counts the bytes
        byte[] file = "a+++b+".getBytes(StandardCharsets.US_ASCII);
        modem.on("AT+QFUPL=\"RAM:a.txt\",6,5").connect(p -> List.of("+QFUPL: " + p.length + ",2b2b", "OK"))
                .endedByLength(file.length);
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        // a guard time far beyond the test's wait: an engine that waited for it, or for the one after +++, would
        // not finish the upload and the next command in time
        startEngine(settings().guardTime(Duration.ofMinutes(1)));

        UploadResult upload = result(engine.upload(AtCommand.of("AT+QFUPL=\"RAM:a.txt\",6,5"), file,
                UploadOptions.expectResult("+QFUPL:").endingWith(UploadOptions.Ending.LENGTH)));
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(upload.reportedLength()).isEqualTo(6);
        assertThat(upload.resultLine().stringField(1)).isEqualTo("2b2b");
        assertThat(modem.uploads()).containsExactly(file);
        assertThat(modem.escapesInDataMode()).isZero();
        assertThat(modem.commands()).as("the trailing OK was taken by the upload, not by AT+CSQ")
                .endsWith("AT+QFUPL=\"RAM:a.txt\",6,5", "AT+CSQ");
        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(engine.transcript().toString()).contains("<6 bytes of data>").doesNotContain(">> +++");
    }

    @Test
    void shouldFailALengthUploadWhoseModemCountedOtherBytes() {
        // e.g. a byte lost on a line without flow control: the module waits for one more, then its input time ends
        modem.on("AT+QSMTPBODY=0,10,5").connect(p -> List.of("+QSMTPBODY: 9", "OK")).endedByLength(10);
        startEngine();

        AtException failure = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=0,10,5"), new byte[10],
                BODY.endingWith(UploadOptions.Ending.LENGTH)));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.UPLOAD_MISMATCH);
        assertThat(failure.code()).hasValue(9);
    }

    @Test
    void shouldCloseAPromptThatCameTooLateWithEscSoThatNoHalfMessageIsEverSent() throws Exception {
        // the prompt comes after the command's deadline: the engine gave up, but the module waits for text
        modem.on("AT+CMGS=\"+41790000001\"").once().after(Duration.ofMillis(250))
                .prompt(p -> List.of("+CMGS: 1", "OK")).endedByCtrlZ();
        modem.on("AT+CMGS=\"+41790000002\"").prompt(p -> List.of("+CMGS: 2", "OK")).endedByCtrlZ();
        startEngine();

        AtException late = failure(engine.upload(sms("+41790000001").timeout(Duration.ofMillis(100)),
                "first".getBytes(StandardCharsets.US_ASCII), SMS));
        UploadResult next = result(engine.upload(sms("+41790000002"), "second".getBytes(StandardCharsets.US_ASCII),
                SMS));

        assertThat(late.kind()).isEqualTo(AtException.Kind.TIMEOUT);
        assertThat(modem.abortedPrompts()).as("the late prompt closed by ESC").isEqualTo(1);
        assertThat(next.resultLine().intField(0)).isEqualTo(2);
        assertThat(modem.uploads()).as("nothing else reached a recipient")
                .extracting(u -> new String(u, StandardCharsets.US_ASCII)).containsExactly("second");
        assertThat(engine.transcript().toString()).contains(">> <ESC>").doesNotContain(">> +++");
    }

    @Test
    void shouldCloseTheModemsPromptWithEscWhenTheCallerAbandonsTheUpload() throws Exception {
        modem.on("AT+CMGS=\"+41790000001\"").once().after(Duration.ofMillis(200))
                .prompt(p -> List.of("+CMGS: 1", "OK")).endedByCtrlZ();
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine();

        var abandoned = engine.upload(sms("+41790000001"), "first".getBytes(StandardCharsets.US_ASCII), SMS);
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+CMGS=\"+41790000001\""));
        abandoned.toCompletableFuture().cancel(true);
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(modem.abortedPrompts()).as("the prompt closed by ESC").isEqualTo(1);
        assertThat(modem.uploads()).isEmpty();
    }

    @Test
    void shouldSendEscBeforeClosingWhileAPromptUploadIsUnderWay() {
        modem.on("AT+CMGS=\"+41790000001\"").after(Duration.ofSeconds(2))
                .prompt(p -> List.of("+CMGS: 1", "OK")).endedByCtrlZ();
        startEngine();

        var pending = engine.upload(sms("+41790000001"), "first".getBytes(StandardCharsets.US_ASCII), SMS);
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+CMGS=\"+41790000001\""));
        engine.close();

        assertThat(failure(pending).kind()).isEqualTo(AtException.Kind.CLOSED);
        await().atMost(WAIT).until(() -> modem.escBytes() == 1);
        assertThat(engine.transcript().toString()).contains(">> <ESC>");
    }

    @Test
    void shouldNotSendEscWhenTheModemRefusedTheCommandInsteadOfPrompting() throws Exception {
        modem.on("AT+CMGS=\"+41790000001\"").reply("+CMS ERROR: 1");
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine();

        AtException refused = failure(engine.upload(sms("+41790000001"), "x".getBytes(StandardCharsets.US_ASCII),
                SMS));
        result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(refused.kind()).isEqualTo(AtException.Kind.CMS_ERROR);
        assertThat(refused.code()).hasValue(1);
        assertThat(modem.escBytes()).isZero();
    }

    private static final UploadOptions SMS = UploadOptions.expectResult("+CMGS:").withoutLengthCheck()
            .endingWith(UploadOptions.Ending.CTRL_Z);

    private static AtCommand sms(String number) {
        return AtCommand.of("AT+CMGS=\"" + number + "\"").intermediate(AtCommand.Intermediate.PROMPT);
    }

    @Test
    void shouldRejectUploadsThatCannotWork() {
        startEngine();

        assertThatThrownBy(() -> engine.upload(AtCommand.of("AT+CMGS=1"), new byte[] {'a', 0x1A},
                BODY.endingWith(UploadOptions.Ending.CTRL_Z))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.upload(AtCommand.of("AT+QSMTPPUT").deferredResult("+QSMTPPUT:",
                Duration.ofSeconds(1)), new byte[1], BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCopyThePayloadSoLaterChangesByTheCallerDoNotLeakIntoTheUpload() throws Exception {
        modem.on("AT+QSMTPBODY=0").after(Duration.ofMillis(30)).reply("OK")
                .connect(p -> List.of("+QSMTPBODY: " + p.length));
        startEngine();
        byte[] body = "original".getBytes(StandardCharsets.US_ASCII);

        var upload = engine.upload(AtCommand.of("AT+QSMTPBODY=0"), body, BODY);
        Arrays.fill(body, (byte) 'X');
        result(upload);

        assertThat(new String(modem.uploads().get(0), StandardCharsets.US_ASCII)).isEqualTo("original");
    }
}
