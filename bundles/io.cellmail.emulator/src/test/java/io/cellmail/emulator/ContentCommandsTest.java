/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.cellmail.emulator.internal.smtp.OutgoingMail;

/**
 * Spec 2.2.7-2.2.10: subject, body and attachments, with their limits. Lenient escape here, so a payload ends at
 * its {@code +++} without guard times (the guard rule has its own test).
 */
class ContentCommandsTest extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().lenientEscape(true).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPSUB=?                       | +QSMTPSUB: (0-3),"TITLE" ~ OK
            AT+QSMTPSUB?                        | +QSMTPSUB: 0,"" ~ OK
            AT+QSMTPSUB=0,"SMTP TEST"           | OK
            AT+QSMTPSUB=0,""                    | OK
            AT+QSMTPSUB=1,"41"                  | OK
            AT+QSMTPSUB=1,"e4bda0e5a5bd"        | OK
            AT+QSMTPSUB=2,"C4E3BAC3"            | OK
            AT+QSMTPSUB=3,""                    | OK
            AT+QSMTPSUB=1,"4"                   | ERROR
            AT+QSMTPSUB=1,"4G"                  | ERROR
            AT+QSMTPSUB=1,"SMTP"                | ERROR
            AT+QSMTPSUB=4,"SMTP TEST"           | ERROR
            AT+QSMTPSUB=0,SMTP                  | ERROR
            AT+QSMTPSUB="SMTP TEST"             | ERROR
            AT+QSMTPSUB=0                       | ERROR
            AT+QSMTPSUB                         | ERROR
            AT+QSMTPBODY=?                      | +QSMTPBODY: (0-3),(1-48000) ~ OK
            AT+QSMTPBODY?                       | ERROR
            AT+QSMTPBODY                        | ERROR
            AT+QSMTPBODY=4                      | ERROR
            AT+QSMTPBODY=0,0                    | ERROR
            AT+QSMTPBODY=0,48001                | ERROR
            AT+QSMTPBODY=0,1,1                  | ERROR
            AT+QSMTPATT=?                       | +QSMTPATT: "FILE NAME",<fileSz>,(1-48000) ~ OK
            AT+QSMTPATT?                        | OK
            AT+QSMTPATT                         | ERROR
            AT+QSMTPATT=bigfile.txt             | ERROR
            AT+QSMTPATT=""                      | ERROR
            AT+QSMTPATT="a.txt",102401,10       | ERROR
            AT+QSMTPATT="a.txt",100,0           | ERROR
            AT+QSMTPATT="a.txt",100,48001       | ERROR
            AT+QSMTPDATT=?                      | +QSMTPDATT: (1-10) ~ OK
            AT+QSMTPDATT?                       | ERROR
            AT+QSMTPDATT                        | OK ~ +QSMTPDATT:0
            AT+QSMTPDATT=1                      | OK ~ +QSMTPDATT:-15
            AT+QSMTPDATT=0                      | ERROR
            AT+QSMTPDATT=11                     | ERROR
            AT+QSMTPDATT=1,2                    | ERROR
            """)
    void shouldAnswerEveryFormAsTheSpecSays(String command, String answer) {
        expect(command, answer);
    }

    @ParameterizedTest(name = "charset {0}, {1} characters -> {2}")
    @MethodSource("subjectLengths")
    void shouldLimitTheSubjectTo100CharsOr200HexDigits(int charset, int length, String answer) {
        String title = charset == 0 ? "s".repeat(length) : "4".repeat(length);
        expect("AT+QSMTPSUB=" + charset + ",\"" + title + "\"", answer);
    }

    static Stream<Arguments> subjectLengths() {
        return Stream.of(Arguments.of(0, 100, "OK"), Arguments.of(0, 101, "ERROR"),
                Arguments.of(1, 200, "OK"), Arguments.of(1, 202, "ERROR"),
                Arguments.of(3, 200, "OK"), Arguments.of(3, 201, "ERROR"));
    }

    @Test
    void shouldReadTheSubjectBackAsGiven() {
        ok("AT+QSMTPSUB=1,\"e4bda0e5a5bd\"");
        expect("AT+QSMTPSUB?", "+QSMTPSUB: 1,\"e4bda0e5a5bd\" ~ OK");
    }

    @Test
    void shouldTakeABodyInDataModeAndAnswerItsLength() {
        expect("AT+QSMTPBODY=1,100", "OK ~ CONNECT");
        host.write("Hello from the gateway\r\nline 2+++");
        host.expectLines("+QSMTPBODY:30");

        assertThat(sentMail().body()).asString(StandardCharsets.UTF_8).isEqualTo("Hello from the gateway\r\nline 2");
        assertThat(sentMail().bodyCharset()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheBodyWithTheNextOne() {
        upload("AT+QSMTPBODY=0", "first", "+QSMTPBODY:5");
        upload("AT+QSMTPBODY=0", "second!", "+QSMTPBODY:7");

        assertThat(sentMail().body()).asString(StandardCharsets.US_ASCII).isEqualTo("second!");
    }

    @Test
    void shouldAcceptABodyOfExactly10KbAndRefuseOneByteMoreWithMinus13() {
        upload("AT+QSMTPBODY=0", "b".repeat(10_240), "+QSMTPBODY:10240");
        upload("AT+QSMTPBODY=0", "c".repeat(10_241), "+QSMTPBODY:-13");

        assertThat(sentMail().body()).hasSize(10_240).containsOnly('b');
        assertThat(host.command("AT")).as("the excess was not taken for commands").containsExactly("OK");
    }

    @Test
    void shouldEndTheUploadWithMinus9WhenTheInputTimeoutPasses() {
        upload("AT+QSMTPBODY=0", "kept", "+QSMTPBODY:4");
        expect("AT+QSMTPBODY=0,1", "OK ~ CONNECT");
        long start = System.nanoTime();
        host.write("partial");

        assertThat(host.nextLine(Duration.ofSeconds(3))).isEqualTo("+QSMTPBODY:-9");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(host.command("AT")).as("back in command mode").containsExactly("OK");
        assertThat(sentMail().body()).asString(StandardCharsets.US_ASCII).isEqualTo("kept");
    }

    @Test
    void shouldListAttachmentsWithSpacesAfterTheCommasAsTheSpecShows() {
        upload("AT+QSMTPATT=\"bigfile.txt\"", "x".repeat(20_090), "+QSMTPATT:20090");
        upload("AT+QSMTPATT=\"small.txt\",5,30", "12345", "+QSMTPATT:5");

        expect("AT+QSMTPATT?", "+QSMTPATT: 1, \"bigfile.txt\", 20090 ~ +QSMTPATT: 2, \"small.txt\", 5 ~ OK");
    }

    @Test
    void shouldDeleteOneAttachmentAndMoveTheLaterOnesUp() {
        upload("AT+QSMTPATT=\"a.txt\"", "a", "+QSMTPATT:1");
        upload("AT+QSMTPATT=\"b.txt\"", "bb", "+QSMTPATT:2");
        upload("AT+QSMTPATT=\"c.txt\"", "ccc", "+QSMTPATT:3");

        expect("AT+QSMTPDATT=1", "OK ~ +QSMTPDATT:0");
        expect("AT+QSMTPATT?", "+QSMTPATT: 1, \"b.txt\", 2 ~ +QSMTPATT: 2, \"c.txt\", 3 ~ OK");
        expect("AT+QSMTPDATT=3", "OK ~ +QSMTPDATT:-15");
        expect("AT+QSMTPDATT", "OK ~ +QSMTPDATT:0");
        expect("AT+QSMTPATT?", "OK");
    }

    @Test
    void shouldRefuseAnEleventhAttachmentWithMinus13BeforeAnyData() {
        for (int i = 1; i <= 10; i++) {
            upload("AT+QSMTPATT=\"f" + i + ".txt\"", "data", "+QSMTPATT:4");
        }

        expect("AT+QSMTPATT=\"f11.txt\"", "OK ~ +QSMTPATT:-13");
        assertThat(host.command("AT")).as("no data mode was entered").containsExactly("OK");
    }

    @Test
    void shouldLimitAllAttachmentsTogetherTo100Kb() {
        upload("AT+QSMTPATT=\"big.bin\"", "x".repeat(100_000), "+QSMTPATT:100000");

        expect("AT+QSMTPATT=\"announced.bin\",2401,10", "OK ~ +QSMTPATT:-13");
        upload("AT+QSMTPATT=\"too-big.bin\"", "y".repeat(2_401), "+QSMTPATT:-13");
        upload("AT+QSMTPATT=\"fits.bin\"", "z".repeat(2_400), "+QSMTPATT:2400");
        expect("AT+QSMTPATT?", "+QSMTPATT: 1, \"big.bin\", 100000 ~ +QSMTPATT: 2, \"fits.bin\", 2400 ~ OK");
    }

    @Test
    void shouldRefuseMoreBytesThanTheAnnouncedFileSize() {
        upload("AT+QSMTPATT=\"a.txt\",3,10", "four", "+QSMTPATT:-13");
        expect("AT+QSMTPATT?", "OK");
    }

    @Test
    void shouldAcceptTheSpecsExampleUploadSequence() {
        expect("AT+QSMTPSUB=0,\"SMTP TEST\"", "OK");
        upload("AT+QSMTPBODY=1,100", "b".repeat(2009), "+QSMTPBODY:2009");
        upload("AT+QSMTPATT=\"bigfile.txt\"", "a".repeat(20090), "+QSMTPATT:20090");
        expect("AT+QSMTPATT?", "+QSMTPATT: 1, \"bigfile.txt\", 20090 ~ OK");
        expect("AT+QSMTPDATT=1", "OK ~ +QSMTPDATT:0");
    }

    private void upload(String command, String payload, String result) {
        expect(command, "OK ~ CONNECT");
        host.write(payload + "+++");
        assertThat(host.nextLine()).as(command + " result").isEqualTo(result);
    }

    /** Sends the mail configured so far through the relay and returns what the relay got. */
    private OutgoingMail sentMail() {
        relay.mails.clear();
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPDST=0", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(relay.mails).hasSize(1);
        return relay.mails.get(0);
    }
}
