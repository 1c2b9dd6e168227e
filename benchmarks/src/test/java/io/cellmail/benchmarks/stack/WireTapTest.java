/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WireTapTest {

    private static final long MS = 1_000_000L;

    /** A clock the test moves by hand, in nanoseconds. */
    private long now;
    private final WireTap tap = new WireTap(Duration.ofMillis(1100), () -> now);

    @Test
    void shouldCountBytesEachWayAndOneEscapePerPlusPlusPlusWrite() {
        sent("AT+QSMTPBODY=0,30\r");
        received("\r\nOK\r\n\r\nCONNECT\r\n");
        sent("body with +++ inside");
        sent("+++");
        received("\r\n+QSMTPBODY:20\r\n");

        WireTap.Snapshot snapshot = tap.snapshot();

        assertThat(snapshot.toModem()).isEqualTo(18 + 20 + 3);
        assertThat(snapshot.fromModem()).isEqualTo(17 + 17);
        assertThat(snapshot.escapes()).isEqualTo(1);
        assertThat(snapshot.moduleSendNanos()).isEqualTo(-1);
    }

    @Test
    void shouldTimeTheModuleSendFromTheOkOfPutToItsResultEvenWhenLinesArriveInPieces() {
        sent("AT+QSMTPPUT=300\r");
        now = 20 * MS;
        received("\r\nO");
        received("K\r\n");
        now = 520 * MS;
        received("\r\n+QSMTP");
        received("PUT:0\r\n");

        WireTap.Snapshot snapshot = tap.snapshot();

        assertThat(snapshot.moduleSendNanos()).isEqualTo(500 * MS);
        assertThat(snapshot.resultLineBytes()).isEqualTo("+QSMTPPUT:0".length() + 4);
    }

    @Test
    void shouldChargeTheHostOnlyForTheWaitAfterBothTheUploadResultAndTheGuardTime() {
        upload(1000 * MS, 1200 * MS);  // result 1.0 s after +++, next command 1.2 s after: 0.1 s past the guard
        upload(1300 * MS, 1350 * MS);  // result after the guard: 50 ms past the result

        assertThat(tap.snapshot().afterUploadNanos()).isEqualTo(100 * MS + 50 * MS);
    }

    @Test
    void shouldForgetEverythingOnReset() {
        sent("AT+QSMTPPUT=300\r");
        received("\r\nOK\r\n\r\n+QSMTPPUT:0\r\n");
        upload(1000 * MS, 1200 * MS);

        tap.reset();

        assertThat(tap.snapshot()).isEqualTo(new WireTap.Snapshot(0, 0, 0, -1, 0, 0));
    }

    /** An upload whose +++ goes out now, whose result comes {@code result} later, the next command {@code next} later. */
    private void upload(long result, long next) {
        sent("AT+QSMTPATT=\"a\",4,30\r");
        received("\r\nOK\r\n\r\nCONNECT\r\n");
        sent("data");
        long escape = now;
        sent("+++");
        now = escape + result;
        received("\r\n+QSMTPATT:4\r\n");
        now = escape + next;
        sent("AT\r");
    }

    private void sent(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        tap.sent(bytes, 0, bytes.length);
    }

    private void received(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        tap.received(bytes, 0, bytes.length);
    }
}
