/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.cellmail.emulator.internal.data.DataModeReceiver.Ending;

/** The {@code +++} escape and the limits, driven with invented timestamps (milliseconds, guard 1000). */
class DataModeReceiverTest {

    private static final long GUARD = ms(1000);

    private DataModeReceiver receiver = new DataModeReceiver(100, GUARD, false, ms(-5000), 0);

    @Test
    void shouldTakePlusesInsideAContinuousChunkAsPayload() {
        assertThat(accept("abc+++def", 0)).isNull();
        assertThat(receiver.nextDeadline()).isEmpty();

        assertThat(accept("+++", 2000)).isNull();
        assertThat(receiver.tick(ms(2999))).isNull();

        assertEnding(receiver.tick(ms(3000)), "abc+++def");
    }

    @Test
    void shouldNeedGuardSilenceBeforeThePluses() {
        accept("abc", 0);
        accept("+++", 999);

        assertThat(receiver.tick(ms(5000))).isNull();
        accept("+++", 3000);
        assertEnding(receiver.tick(ms(4000)), "abc+++");
    }

    @Test
    void shouldNeedGuardSilenceAfterThePluses() {
        accept("abc", 0);
        accept("+++", 2000);
        assertThat(receiver.nextDeadline()).isEqualTo(OptionalLong.of(ms(3000)));

        assertThat(accept("x", 2999)).isNull();

        assertThat(receiver.nextDeadline()).isEmpty();
        accept("+++", 5000);
        assertEnding(receiver.tick(ms(6000)), "abc+++x");
    }

    @Test
    void shouldAcceptPlusesArrivingOneByOneWithinTheGuard() {
        accept("abc", 0);
        accept("+", 2000);
        accept("+", 2400);
        accept("+", 2800);

        assertThat(receiver.tick(ms(3799))).isNull();
        assertEnding(receiver.tick(ms(3800)), "abc");
    }

    @Test
    void shouldRestartTheEscapeWhenThePlusesAreTooFarApart() {
        accept("abc", 0);
        accept("+", 2000);
        accept("+", 3100);
        accept("++", 3200);

        assertEnding(receiver.tick(ms(4200)), "abc+");
    }

    @Test
    void shouldTakeFourPlusesAsPayload() {
        accept("abc", 0);
        accept("++++", 2000);

        assertThat(receiver.nextDeadline()).isEmpty();
        accept("+++", 4000);
        assertEnding(receiver.tick(ms(5000)), "abc++++");
    }

    @Test
    void shouldEndAnEmptyPayloadCountingSilenceFromTheStartOfDataMode() {
        receiver = new DataModeReceiver(100, GUARD, false, ms(0), 0);
        accept("+++", 500);
        assertThat(receiver.tick(ms(5000))).as("too soon after CONNECT").isNull();

        receiver = new DataModeReceiver(100, GUARD, false, ms(0), 0);
        accept("+++", 1000);
        assertEnding(receiver.tick(ms(2000)), "");
    }

    @Test
    void shouldHandBackBytesThatArriveAfterALateEscapeCheck() {
        accept("abc", 0);
        accept("+++", 2000);

        byte[] later = bytes("AT\r");
        Ending ending = receiver.accept(later, 0, later.length, ms(3500));

        assertEnding(ending, "abc");
        assertThat(ending.consumed()).as("all of it is command input").isZero();
    }

    @Test
    void shouldEndAtOnceOnAnyPlusesWhenLenient() {
        receiver = new DataModeReceiver(100, GUARD, true, ms(0), 0);
        byte[] chunk = bytes("abc+++def");

        Ending ending = receiver.accept(chunk, 0, chunk.length, ms(0));

        assertEnding(ending, "abc");
        assertThat(ending.consumed()).as("'def' goes back to command mode").isEqualTo(6);
    }

    @Test
    void shouldFindLenientPlusesSplitAcrossChunks() {
        receiver = new DataModeReceiver(100, GUARD, true, ms(0), 0);
        assertThat(accept("a++", 0)).isNull();

        assertEnding(accept("+", 1), "a");
    }

    @Test
    void shouldKeepPlusesThatDoNotCompleteALenientEscape() {
        receiver = new DataModeReceiver(100, GUARD, true, ms(0), 0);
        accept("a++b", 0);

        assertEnding(accept("+++", 1), "a++b");
    }

    @Test
    void shouldAnswerMinus13BeyondTheLimitButSwallowTheInputUpToTheEscape() {
        receiver = new DataModeReceiver(4, GUARD, false, ms(-5000), 0);
        accept("12345678", 0);
        accept("+++", 2000);

        Ending ending = receiver.tick(ms(3000));

        assertThat(ending.result()).isEqualTo(DataModeReceiver.TOO_BIG);
        assertThat(ending.payload()).isEmpty();
        assertThat(ending.received()).isEqualTo(8);
    }

    @Test
    void shouldAcceptExactlyTheLimit() {
        receiver = new DataModeReceiver(4, GUARD, false, ms(-5000), 0);
        accept("1234", 0);
        accept("+++", 2000);

        assertEnding(receiver.tick(ms(3000)), "1234");
    }

    @Test
    void shouldAnswerMinus9WhenTheInputTimeoutPasses() {
        receiver = new DataModeReceiver(100, GUARD, false, ms(0), ms(10_000));
        accept("partial", 500);
        assertThat(receiver.nextDeadline()).isEqualTo(OptionalLong.of(ms(10_000)));
        assertThat(receiver.tick(ms(9_999))).isNull();

        Ending ending = receiver.tick(ms(10_000));

        assertThat(ending.result()).isEqualTo(DataModeReceiver.TIMEOUT);
        assertThat(ending.payload()).isEmpty();
    }

    @Test
    void shouldPreferWhicheverDeadlineCameFirst() {
        receiver = new DataModeReceiver(100, GUARD, false, ms(0), ms(3_500));
        accept("abc", 0);
        accept("+++", 2000);

        assertEnding(receiver.tick(ms(9_000)), "abc");
    }

    private Ending accept(String text, long atMillis) {
        byte[] chunk = bytes(text);
        return receiver.accept(chunk, 0, chunk.length, ms(atMillis));
    }

    private static void assertEnding(Ending ending, String payload) {
        assertThat(ending).as("the payload ended").isNotNull();
        assertThat(ending.result()).isEqualTo(payload.length());
        assertThat(new String(ending.payload(), StandardCharsets.ISO_8859_1)).isEqualTo(payload);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
