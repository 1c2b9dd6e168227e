package io.cellmail.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WireTapTest {

    private final WireTap tap = new WireTap();

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
        received("\r\nO");
        received("K\r\n");
        received("\r\n+QSMTP");
        received("PUT:0\r\n");

        WireTap.Snapshot snapshot = tap.snapshot();

        assertThat(snapshot.moduleSendNanos()).isNotNegative();
        assertThat(snapshot.resultLineBytes()).isEqualTo("+QSMTPPUT:0".length() + 4);
    }

    @Test
    void shouldForgetEverythingOnReset() {
        sent("AT+QSMTPPUT=300\r");
        received("\r\nOK\r\n\r\n+QSMTPPUT:0\r\n");

        tap.reset();

        assertThat(tap.snapshot()).isEqualTo(new WireTap.Snapshot(0, 0, 0, -1, 0));
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
