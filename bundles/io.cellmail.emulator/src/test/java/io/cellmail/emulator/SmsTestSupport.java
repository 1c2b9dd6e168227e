/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

/** A fresh module per test, numeric errors on, and a host that sends short messages as a driver does. */
abstract class SmsTestSupport extends ModemTestSupport {

    static final byte CTRL_Z = 0x1A;
    static final byte ESC = 0x1B;

    @BeforeEach
    void numericErrors() {
        ok("AT+CMEE=1");
    }

    /**
     * Sends a command that prompts for text, waits for the prompt on the byte stream, sends the text and Ctrl-Z.
     *
     * @return the answer after the text, the prompt line left out
     */
    protected List<String> send(String command, byte[] text) {
        int mark = host.rawLength();
        host.write(command + "\r");
        String prompt = modem.settings().smsPrompt().bytes();
        host.awaitRaw(mark, prompt);
        byte[] withEnd = new byte[text.length + 1];
        System.arraycopy(text, 0, withEnd, 0, text.length);
        withEnd[text.length] = CTRL_Z;
        host.write(withEnd);
        List<String> answer = new ArrayList<>(host.untilFinal());
        assertThat(answer.get(0)).as("prompt line").isEqualTo(prompt.replace("\r", "").replace("\n", ""));
        return answer.subList(1, answer.size());
    }

    /** {@link #send(String, byte[])} with text of ISO-8859-1 bytes. */
    protected List<String> send(String command, String text) {
        return send(command, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @return the text as UCS2 hex, as a host sends it with {@code AT+CSCS="UCS2"} or dcs 8 */
    protected static String ucs2Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }

    /** @return the messages delivered, waiting until there are {@code count} */
    protected List<DeliveredSms> delivered(int count) throws Exception {
        return modem.smsCentre().awaitDelivered(count, Duration.ofSeconds(5));
    }
}
