/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Registration;

class ModemMailerDefaultsTest {

    /** A dialect that implements only what the SPI requires. */
    private static final class MinimalMailer implements ModemMailer {
        @Override
        public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
        }

        @Override
        public ModemHealth health() {
            return ModemHealth.UNKNOWN;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldReportAProbeAsUnsupportedByDefault() {
        try (ModemMailer mailer = new MinimalMailer()) {
            assertThatThrownBy(mailer::probe).isInstanceOfSatisfying(MailException.class,
                    e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE))
                    .hasMessageContaining("not supported");
        }
    }

    @Test
    void shouldRefuseSmsInADialectThatCannotSendIt() {
        try (ModemMailer mailer = new MinimalMailer()) {
            assertThatThrownBy(() -> mailer.sendSms(SmsRequest.single("+41791234567", "x"), Duration.ofSeconds(1)))
                    .isInstanceOf(MailException.class).hasMessageContaining("SMS not supported by this dialect")
                    .extracting(e -> ((MailException) e).code()).isEqualTo(MailErrorCode.SMS_NOT_SUPPORTED);
        }
    }

    @Test
    void shouldKeepNoTranscriptByDefault() {
        try (ModemMailer mailer = new MinimalMailer()) {
            assertThat(mailer.transcript(50)).isEmpty();
        }
    }

    @Test
    void shouldCopyTheIdentityAndRefuseASignalOutOfRange() {
        List<String> identity = new java.util.ArrayList<>(List.of("Quectel_M95"));
        ModemProbe probe = new ModemProbe(identity, "READY", Registration.HOME, OptionalInt.of(20), true);
        identity.add("changed");

        assertThat(probe.identity()).containsExactly("Quectel_M95");
        assertThatThrownBy(() -> new ModemProbe(List.of(), "READY", Registration.HOME, OptionalInt.of(99), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
