/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final ServiceTime T0 = new ServiceTime(Duration.ofDays(2).toNanos());

    @Test
    void shouldAllowTheLimitWithinAnHourAndNameWhenTheNextSlotOpens() {
        RateLimiter limiter = new RateLimiter(3);
        limiter.record(T0);
        limiter.record(at(600));
        assertThat(limiter.nextSlot(at(700))).isEmpty();
        limiter.record(at(700));

        assertThat(limiter.nextSlot(at(800))).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldSlideTheWindowSoEachStartFreesItsSlotAnHourLater() {
        RateLimiter limiter = new RateLimiter(2);
        limiter.record(T0);
        limiter.record(at(600));
        ServiceTime hourLater = T0.plus(Duration.ofHours(1));

        assertThat(limiter.nextSlot(hourLater.minus(Duration.ofMillis(1)))).contains(hourLater);
        assertThat(limiter.nextSlot(hourLater)).isEmpty();
        limiter.record(hourLater);
        assertThat(limiter.nextSlot(hourLater)).contains(at(600).plus(Duration.ofHours(1)));
    }

    @Test
    void shouldNeverHoldWhenTheLimitIsZero() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 10_000; i++) {
            limiter.record(T0);
        }

        assertThat(limiter.nextSlot(T0)).isEmpty();
        assertThat(limiter.starts(T0)).isEmpty();
    }

    @Test
    void shouldTakeBackASavedWindowSoARestartDoesNotResetIt() {
        RateLimiter before = new RateLimiter(2);
        before.record(T0);
        before.record(at(60));
        List<ServiceTime> saved = before.starts(at(120));

        RateLimiter after = new RateLimiter(2);
        after.restore(saved);

        assertThat(after.nextSlot(at(120))).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldKeepOnlyTheLatestStartsWhenTheLimitWasLowered() {
        RateLimiter after = new RateLimiter(1);
        after.restore(List.of(T0, at(60), at(30)));

        assertThat(after.starts(at(120))).containsExactly(at(60));
    }

    private static ServiceTime at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }
}
