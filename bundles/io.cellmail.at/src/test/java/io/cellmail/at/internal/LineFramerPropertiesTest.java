/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The framer's output depends only on the bytes, never on where the stream was cut into chunks. */
class LineFramerPropertiesTest {

    /** Transcripts from the spec and the quirks list, with NULs, mixed line ends and an overlong line. */
    static final List<String> TRANSCRIPTS = List.of(
            "\r\nOK\r\n\r\n+QSMTPSRV: \"smtp.163.com\",25\r\n",
            "AT+QSMTPATT?\r\r\n+QSMTPATT: 1, \"bigfile.txt\", 20090\r\n\r\nOK\r\n",
            "\r\nOK\r\n\r\nCONNECT\r\n\r\n+QSMTPBODY:2009\r\n",
            "\0RDY\r\n\0\r\n+CFUN: 1\r\n+CPIN: READY\n\rCall Ready\r0,+PDP DEACT\n",
            "\r\n+CME ERROR:10\r\n\r\n+CME ERROR: 10\r\n\r\n+QSMTPPUT: 0\r\n",
            "\r\n> \r\n+CMGS: 12\r\n\r\nOK\r\n",
            "\r\n" + "Z".repeat(300) + "\r\nOK\r\n" + "W".repeat(100) + "\n\r\nERROR\r\n");

    @Property(tries = 300)
    void shouldFrameIdenticallyHoweverTheBytesAreSplit(@ForAll("transcripts") String transcript,
            @ForAll("seeds") long seed, @ForAll boolean promptMode) {
        byte[] bytes = transcript.getBytes(StandardCharsets.UTF_8);

        List<String> whole = frameInChunks(bytes, promptMode, null);
        List<String> split = frameInChunks(bytes, promptMode, new Random(seed));

        assertThat(split).isEqualTo(whole);
    }

    @Provide
    Arbitrary<String> transcripts() {
        return Arbitraries.of(TRANSCRIPTS).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static List<String> frameInChunks(byte[] bytes, boolean promptMode, Random cuts) {
        LineFramer framer = new LineFramer(256);
        framer.promptMode(promptMode);
        RecordingSink sink = new RecordingSink();
        int offset = 0;
        while (offset < bytes.length) {
            int length = cuts == null ? bytes.length - offset : 1 + cuts.nextInt(Math.min(8, bytes.length - offset));
            framer.feed(bytes, offset, length, offset, sink);
            offset += length;
        }
        return sink.tokens;
    }
}
