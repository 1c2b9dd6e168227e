/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cellmail.service.spi.MailerSettings;

class MailServiceSettingsTest {

    private static final MailerSettings MAILER = MailerSettings.builder("tcp://127.0.0.1:4001", "smtp.example.com",
            "gateway@example.com").authentication("user", "s3cret").build();
    private static final Path OUTBOX = Path.of("/var/lib/cellmail/modem1");

    @Test
    void shouldStartFromTheDefaultsOfTheIssue() {
        MailServiceSettings settings = MailServiceSettings.builder("modem1", MAILER, OUTBOX).build();

        assertThat(settings.expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.retryBase()).isEqualTo(MailServiceSettings.DEFAULT_RETRY_BASE);
        assertThat(settings.retryCap()).isEqualTo(MailServiceSettings.DEFAULT_RETRY_CAP);
        assertThat(settings.maxPerHour()).isEqualTo(MailServiceSettings.DEFAULT_MAX_PER_HOUR);
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void shouldNotShowTheSmtpPasswordInToString() {
        assertThat(MailServiceSettings.builder("modem1", MAILER, OUTBOX).build().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseARetryCapBelowTheBase() {
        assertThatThrownBy(() -> MailServiceSettings.builder("modem1", MAILER, OUTBOX)
                .retry(Duration.ofMinutes(5), Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryCap");
    }

    @Test
    void shouldRefuseEmptyBoundsAndANegativeRateLimit() {
        MailServiceSettings.Builder builder = MailServiceSettings.builder("modem1", MAILER, OUTBOX);

        assertThatThrownBy(() -> builder.bounds(0, 1024).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.bounds(10, 0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.bounds(10, 1024).maxPerHour(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.maxPerHour(0).build().maxPerHour()).as("0 means no limit").isZero();
    }

    @Test
    void shouldRefuseABlankName() {
        assertThatThrownBy(() -> MailServiceSettings.builder(" ", MAILER, OUTBOX).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
