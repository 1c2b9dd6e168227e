package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void shouldAllowTheLimitWithinAnHourAndNameWhenTheNextSlotOpens() {
        RateLimiter limiter = new RateLimiter(3);
        limiter.record(T0);
        limiter.record(T0.plusSeconds(600));
        assertThat(limiter.nextSlot(T0.plusSeconds(700))).isEmpty();
        limiter.record(T0.plusSeconds(700));

        assertThat(limiter.nextSlot(T0.plusSeconds(800))).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldSlideTheWindowSoEachStartFreesItsSlotAnHourLater() {
        RateLimiter limiter = new RateLimiter(2);
        limiter.record(T0);
        limiter.record(T0.plusSeconds(600));

        assertThat(limiter.nextSlot(T0.plus(Duration.ofHours(1)).minusMillis(1))).contains(T0.plus(Duration.ofHours(1)));
        assertThat(limiter.nextSlot(T0.plus(Duration.ofHours(1)))).isEmpty();
        limiter.record(T0.plus(Duration.ofHours(1)));
        assertThat(limiter.nextSlot(T0.plus(Duration.ofHours(1))))
                .contains(T0.plusSeconds(600).plus(Duration.ofHours(1)));
    }

    @Test
    void shouldNeverHoldWhenTheLimitIsZero() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 10_000; i++) {
            limiter.record(T0);
        }

        assertThat(limiter.nextSlot(T0)).isEmpty();
    }
}
