/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReplayLinkTest {

    private final SessionScript script = SessionScript.mail(25, 0, 0, 16);

    @Test
    void shouldAnswerACommandWithItsRecordedReplyAndUnknownCommandsWithOk() throws IOException {
        ReplayLink link = new ReplayLink(recording("\r\n+CSQ: 20,0\r\n\r\nOK\r\n", "\r\nOK\r\n\r\nCONNECT\r\n",
                "\r\n+QSMTPBODY:16\r\n"));

        write(link, "AT+CSQ\r");
        assertThat(readAvailable(link.input())).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        write(link, "ATV1\r");
        assertThat(readAvailable(link.input())).isEqualTo("\r\nOK\r\n");
        write(link, "AT+CMEE?\r");
        assertThat(readAvailable(link.input())).isEqualTo("\r\n+CMEE: 1\r\n\r\nOK\r\n");
    }

    @Test
    void shouldHoldAnUploadsResultUntilPlusPlusPlusArrives() throws IOException {
        ReplayLink link = new ReplayLink(recording("\r\nOK\r\n", "\r\nOK\r\n\r\nCONNECT\r\n", "\r\n+QSMTPBODY:16\r\n"));

        write(link, "AT+QSMTPBODY=0,30\r");
        assertThat(readAvailable(link.input())).isEqualTo("\r\nOK\r\n\r\nCONNECT\r\n");
        write(link, "sixteen bytes!!\r");
        assertThat(link.input().available()).isZero();
        write(link, "+++");
        assertThat(readAvailable(link.input())).isEqualTo("\r\n+QSMTPBODY:16\r\n");
    }

    @Test
    void shouldEndTheInputWhenClosed() throws IOException {
        ReplayLink link = new ReplayLink(recording("\r\nOK\r\n", "\r\nOK\r\n\r\nCONNECT\r\n", "\r\n+QSMTPBODY:16\r\n"));

        link.close();

        assertThat(link.input().read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(link.isOpen()).isFalse();
    }

    /** A recording of the script in which AT+CSQ and the body upload have the given replies, the rest OK. */
    private SessionRecording recording(String csq, String bodyBeforeData, String bodyAfterData) {
        List<SessionRecording.Reply> replies = script.steps().stream().map(step -> {
            String command = step.command().text();
            if (command.equals("AT+CSQ")) {
                return new SessionRecording.Reply(command, ascii(csq), new byte[0]);
            }
            if (step.isUpload()) {
                return new SessionRecording.Reply(command, ascii(bodyBeforeData), ascii(bodyAfterData));
            }
            return new SessionRecording.Reply(command, ascii("\r\nOK\r\n"), new byte[0]);
        }).toList();
        return new SessionRecording(script, new byte[0], replies, 0);
    }

    private static void write(ReplayLink link, String text) throws IOException {
        link.output().write(ascii(text));
    }

    /** The link queues a reply while the command is written, so a reply is complete here; never blocks. */
    private static String readAvailable(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (in.available() > 0) {
            byte[] buffer = new byte[in.available()];
            int n = in.read(buffer, 0, buffer.length);
            text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
