/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.emulator.internal.state.FileSystem;

/** The LTE file system: {@code AT+QFUPL} with size and checksum, {@code AT+QFDEL}, {@code AT+QFLST}, limits. */
class LteFileCommandsTest extends LteTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return super.settings().toBuilder().ramDriveBytes(4096).build();
    }

    @Test
    void shouldComputeTheModulesChecksum() {
        // pairs 0x0102 ^ 0x0304 = 0x0206; an odd last byte 0x05 counts as 0x0500
        assertThat(FileSystem.checksum(new byte[] {1, 2, 3, 4})).isEqualTo(0x0206);
        assertThat(FileSystem.checksum(new byte[] {1, 2, 3, 4, 5})).isEqualTo(0x0706);
        assertThat(FileSystem.checksum(new byte[0])).isZero();
        assertThat(FileSystem.checksum(new byte[] {(byte) 0xff, (byte) 0xfe})).isEqualTo(0xfffe);
    }

    @Test
    void shouldUploadExactlyTheAnnouncedSizeAndReportSizeAndChecksum() {
        byte[] content = "id;level\r\n1;97\r\n".getBytes(StandardCharsets.US_ASCII);
        expect("AT+QFUPL=\"RAM:log.csv\"," + content.length + ",10", "CONNECT");
        host.write(content);
        host.expectLines("+QFUPL: " + content.length + "," + Integer.toHexString(FileSystem.checksum(content)), "OK");
        expect("AT+QFLST=\"RAM:*\"", "+QFLST: \"RAM:log.csv\"," + content.length + " ~ OK");
        expect("AT+QFLDS=\"RAM\"", "+QFLDS: " + (4096 - content.length) + ",4096 ~ OK");
    }

    @Test
    void shouldTakeBinaryContentWithPlusSignsAndLineEnds() {
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        content[10] = '+';
        content[11] = '+';
        content[12] = '+';
        expect("AT+QFUPL=\"RAM:bin.dat\",256,5", "CONNECT");
        host.write(Arrays.copyOf(content, 100));
        host.write(Arrays.copyOfRange(content, 100, 256));
        host.expectLines("+QFUPL: 256," + Integer.toHexString(FileSystem.checksum(content)), "OK");
    }

    @Test
    void shouldKeepWhatArrivedWhenTheLineStaysSilent() {
        expect("AT+QFUPL=\"RAM:a.txt\",100,1", "CONNECT");
        host.write("abc");
        assertThat(host.nextLine(Duration.ofSeconds(3))).isEqualTo("+QFUPL: 3," + Integer.toHexString(0x6162 ^ 0x6300));
        host.expectLines("OK");
        expect("AT+QFLST=\"RAM:a.txt\"", "+QFLST: \"RAM:a.txt\",3 ~ OK");
    }

    @Test
    void shouldTimeOutWith421WhenNothingArrives() {
        expect("AT+QFUPL=\"RAM:a.txt\",100,1", "CONNECT");
        assertThat(host.nextLine(Duration.ofSeconds(3))).isEqualTo("+CME ERROR: 421");
        expect("AT+QFLST=\"RAM:*\"", "OK");
    }

    @Test
    void shouldAcknowledgeEach1024BytesInAckMode() {
        byte[] content = new byte[2500];
        Arrays.fill(content, (byte) 'x');
        expect("AT+QFUPL=\"RAM:big.txt\",2500,5,1", "CONNECT");
        host.write(Arrays.copyOf(content, 1024));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> host.rawText().endsWith("CONNECT\r\nA"));
        host.write(Arrays.copyOfRange(content, 1024, 2500));
        // the first A came alone, the second (after 2048 bytes) before the result; none after the last byte
        host.expectLines("AA", "+QFUPL: 2500,0", "OK");
    }

    @Test
    void shouldRefuseToOverwriteAFileAndDeleteIt() {
        upload("RAM:a.txt", "one");
        expect("AT+QFUPL=\"RAM:a.txt\",3,5", "+CME ERROR: 407");
        ok("AT+QFDEL=\"RAM:a.txt\"");
        expect("AT+QFDEL=\"RAM:a.txt\"", "+CME ERROR: 405");
        upload("RAM:a.txt", "two");
    }

    @Test
    void shouldDeleteEveryRamFileWithTheWildcardAndKeepUfs() {
        upload("RAM:a.txt", "a");
        upload("RAM:b.txt", "b");
        upload("ca.pem", "pem");
        ok("AT+QFDEL=\"RAM:*\"");
        expect("AT+QFLST=\"RAM:*\"", "OK");
        ok("AT+QFDEL=\"RAM:*\"");
        expect("AT+QFLST", "+QFLST: \"ca.pem\",3 ~ OK");
    }

    @Test
    void shouldLoseRamFilesAtABootAndKeepUfsFiles() {
        upload("RAM:a.txt", "a");
        upload("UFS:ca.pem", "pem");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE");
        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");
        expect("AT+QFLST=\"RAM:*\"", "OK");
        expect("AT+QFLST=\"*\"", "+QFLST: \"ca.pem\",3 ~ OK");
    }

    @Test
    void shouldRefuseAFileBeyondTheFreeSpace() {
        expect("AT+QFUPL=\"RAM:big.bin\",4097,5", "+CME ERROR: 420");
        upload("RAM:a.txt", "x".repeat(4000));
        expect("AT+QFUPL=\"RAM:b.txt\",97,5", "+CME ERROR: 420");
        expect("AT+QFUPL=\"RAM:b.txt\",96,5", "CONNECT");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QFUPL="",10,5                | +CME ERROR: 406
            AT+QFUPL="RAM:",10,5            | +CME ERROR: 406
            AT+QFUPL="RAM:*",10,5           | +CME ERROR: 406
            AT+QFUPL="SD:a.txt",10,5        | +CME ERROR: 406
            AT+QFUPL=RAM:a.txt,10,5         | ERROR
            AT+QFUPL="RAM:a.txt",0,5        | ERROR
            AT+QFUPL="RAM:a.txt",10,0       | ERROR
            AT+QFUPL="RAM:a.txt",10,65536   | ERROR
            AT+QFUPL="RAM:a.txt",10,5,2     | ERROR
            AT+QFUPL="RAM:a.txt",10,5,0,1   | ERROR
            AT+QFUPL?                       | ERROR
            AT+QFDEL="RAM:absent.txt"       | +CME ERROR: 405
            AT+QFDEL=""                     | +CME ERROR: 406
            AT+QFDEL                        | ERROR
            AT+QFLDS="SD"                   | ERROR
            AT+QSMTPATT=1,1,"RAM:absent.txt" | +CME ERROR: 405
            AT+QSMTPATT=1,1,"RAM:*"         | +CME ERROR: 406
            AT+QSMTPATT=1,0,"RAM:a.txt"     | ERROR
            AT+QSMTPATT=1,11,"RAM:a.txt"    | ERROR
            AT+QSMTPATT=2,1,"RAM:a.txt"     | ERROR
            AT+QSMTPATT=1,1                 | ERROR
            AT+QSMTPATT=0,1                 | ERROR
            AT+QSMTPATT=0,1,"RAM:a.txt"     | ERROR
            """)
    void shouldRejectWhatTheModuleRejects(String command, String answer) {
        expect(command, answer);
    }

    @Test
    void shouldAnswerPlainErrorForFileErrorsWithCmee0() {
        ok("AT+CMEE=0");
        expect("AT+QFDEL=\"RAM:absent.txt\"", "ERROR");
    }

    @Test
    void shouldRejectANameBeyond80Bytes() {
        expect("AT+QFUPL=\"RAM:" + "n".repeat(81) + "\",10,5", "+CME ERROR: 406");
        expect("AT+QFUPL=\"RAM:" + "n".repeat(80) + "\",1,5", "CONNECT");
    }

    @Test
    void shouldAttachListAndDetachFiles() {
        upload("RAM:a.txt", "a");
        upload("RAM:b.txt", "b");
        ok("AT+QSMTPATT=1,1,\"RAM:a.txt\"", "AT+QSMTPATT=1,2,\"RAM:b.txt\"");
        expect("AT+QSMTPATT?", "+QSMTPATT: 1,\"RAM:a.txt\" ~ +QSMTPATT: 2,\"RAM:b.txt\" ~ OK");
        ok("AT+QSMTPATT=0,1");
        expect("AT+QSMTPATT?", "+QSMTPATT: 2,\"RAM:b.txt\" ~ OK");
        expect("AT+QSMTPATT=0,1", "ERROR");
        ok("AT+QSMTPCLR");
        expect("AT+QSMTPATT?", "OK");
        expect("AT+QFLST=\"RAM:*\"", "+QFLST: \"RAM:a.txt\",1 ~ +QFLST: \"RAM:b.txt\",1 ~ OK");
        expect("AT+QSMTPATT=?", "+QSMTPATT: (0,1),(1-10),\"<file>\" ~ OK");
    }

    @Test
    void shouldKeepTheFileCommandsOnABg95() throws InterruptedException {
        host.close();
        modem.close();
        modem = new ModemEmulator(EmulatorSettings.builder().personality(Personality.BG95).build(), relay);
        host = HostConsole.connectQuiet(modem);
        upload("RAM:a.txt", "a");
        expect("AT+QSMTPATT=1,1,\"RAM:a.txt\"", "ERROR");
    }

    private void upload(String name, String content) {
        expect("AT+QFUPL=\"" + name + "\"," + content.length() + ",5", "CONNECT");
        host.write(content);
        assertThat(host.nextLine()).startsWith("+QFUPL: " + content.length() + ",");
        host.expectLines("OK");
    }
}
