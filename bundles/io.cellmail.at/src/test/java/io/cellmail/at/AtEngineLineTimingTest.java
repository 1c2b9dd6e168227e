/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.serial.PortSettings;

/**
 * When the engine sends {@code +++}, and how long it waits for replies, follow the line: the line time of what was
 * written (counted once, whether the write drained the line or returned at once) and the round trip measured on the
 * link. Bounds are generous; what they tell apart differs by a second or more.
 */
class AtEngineLineTimingTest extends EngineTestSupport {

    private static final Duration GUARD = Duration.ofMillis(200);
    /** 960 bytes a second. */
    private static final PortSettings SLOW_LINE = new PortSettings(9600, 8, PortSettings.Parity.NONE,
            PortSettings.StopBits.ONE, PortSettings.FlowControl.NONE);
    /** A second and a half at 9600 baud. */
    private static final int BODY_BYTES = 1440;
    private static final Duration BODY_LINE_TIME = Duration.ofMillis(1500);
    private static final UploadOptions BODY = UploadOptions.expectResult("+QSMTPBODY:");

    private final ControlledLine line = new ControlledLine();

    @AfterEach
    void closeTheLine() {
        line.close();
    }

    @Test
    void shouldWaitOnlyTheGuardTimeAfterAPayloadWriteThatAlreadyDrainedTheLine() throws Exception {
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY: " + p.length));
        line.settings(SLOW_LINE).drainingLikeAUart();
        startEngine(settings(line.around(modem.opener())).guardTime(GUARD));

        UploadResult upload = result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body(), BODY));

        ControlledLine.Write payload = onlyWrite(BODY_BYTES);
        ControlledLine.Write escape = writeAfter(payload, "+++");
        assertThat(Duration.ofNanos(payload.endNanos() - payload.startNanos()))
                .as("the test line drains like a UART").isGreaterThanOrEqualTo(BODY_LINE_TIME.minusMillis(10));
        Duration silence = Duration.ofNanos(escape.startNanos() - payload.endNanos());
        assertThat(silence).isGreaterThanOrEqualTo(GUARD)
                .as("the line time was spent in the write; it is not waited again")
                .isLessThan(GUARD.plus(BODY_LINE_TIME.dividedBy(2)));
        assertThat(upload.reportedLength()).isEqualTo(BODY_BYTES);
    }

    @Test
    void shouldWaitForTheLineTimeOfAWriteThatReturnedAtOnceBeforeTheGuardTime() throws Exception {
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY: " + p.length));
        line.settings(SLOW_LINE);
        startEngine(settings(line.around(modem.opener())).guardTime(GUARD));

        result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body(), BODY));

        ControlledLine.Write payload = onlyWrite(BODY_BYTES);
        ControlledLine.Write escape = writeAfter(payload, "+++");
        assertThat(Duration.ofNanos(escape.startNanos() - payload.startNanos()))
                .as("a buffered write leaves its line time still to come")
                .isGreaterThanOrEqualTo(BODY_LINE_TIME.plus(GUARD));
    }

    @Test
    void shouldAddTheMeasuredRoundTripToItsDeadlines() throws Exception {
        // 400 ms on the way to the modem and 300 ms in it: 700 ms, more than the 600 ms the command may take
        modem.on("AT+CSQ").after(Duration.ofMillis(300)).reply("+CSQ: 20,0", "OK");
        line.latency(Duration.ofMillis(400));
        startEngine(settings(line.around(modem.opener())).probeTimeout(Duration.ofMillis(600))
                .commandTimeout(Duration.ofMillis(600)));

        AtResponse csq = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(csq.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        // the engine's clock starts when its write returns, a moment after the delayed line took the first byte, so
        // the measured round trip may come out a few milliseconds short of the line's 400 ms (398 ms seen)
        assertThat(measuredRoundTrip()).isBetween(Duration.ofMillis(350), Duration.ofMillis(1000));
        assertThat(engine.counters().timeouts()).isZero();
    }

    @Test
    void shouldKeepTheGuardTimeAtTheModemOverASlowLinkWithoutWaitingItsWholeRoundTripAgain() throws Exception {
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY: " + p.length));
        line.latency(Duration.ofMillis(400));
        startEngine(settings(line.around(modem.opener())).probeTimeout(Duration.ofMillis(600))
                .commandTimeout(Duration.ofMillis(1500)).guardTime(GUARD));

        result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body(), BODY));

        // the modem sees the gaps the host made (both sides of it travel the same delay): the guard time is kept,
        // plus what the delay varies by; a steady delay is not waited for again (that costs every upload twice).
        // Half the round trip is room for the threads' scheduling on a loaded machine: waiting the whole round trip
        // again would exceed it.
        Duration gap = Duration.ofNanos(modem.escapeGapNanos());
        assertThat(gap).isGreaterThanOrEqualTo(GUARD)
                .isLessThan(GUARD.plus(measuredVariation()).plus(measuredRoundTrip().dividedBy(2)));
    }

    private Duration measuredVariation() {
        Matcher m = Pattern.compile("link round trip \\d+ ms, varies by (\\d+) ms")
                .matcher(engine.transcript().toString());
        assertThat(m.find()).as("the transcript notes the round trip's variation measured at initialisation").isTrue();
        return Duration.ofMillis(Long.parseLong(m.group(1)));
    }

    private Duration measuredRoundTrip() {
        Matcher m = Pattern.compile("link round trip (\\d+) ms").matcher(engine.transcript().toString());
        assertThat(m.find()).as("the transcript notes the round trip measured at initialisation").isTrue();
        return Duration.ofMillis(Long.parseLong(m.group(1)));
    }

    private static byte[] body() {
        byte[] body = new byte[BODY_BYTES];
        Arrays.fill(body, (byte) 'm');
        return body;
    }

    private ControlledLine.Write onlyWrite(int length) {
        List<ControlledLine.Write> matching = line.writes().stream().filter(w -> w.bytes().length == length).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private ControlledLine.Write writeAfter(ControlledLine.Write earlier, String text) {
        List<ControlledLine.Write> writes = line.writes();
        return writes.subList(writes.indexOf(earlier) + 1, writes.size()).stream()
                .filter(w -> w.text().equals(text)).findFirst().orElseThrow();
    }
}
