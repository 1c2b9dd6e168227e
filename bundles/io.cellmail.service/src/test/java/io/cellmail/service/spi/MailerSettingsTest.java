/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailerSettingsTest {

    private static final MailerSettings.Builder BASE = MailerSettings.builder("serial:/dev/ttyUSB2?baud=115200",
            "smtp.example.com", "gateway@example.com");

    @Test
    void shouldMaskBothPasswordsInToString() {
        MailerSettings settings = BASE.apn("internet", "apnuser", "apn-secret")
                .authentication("smtpuser", "smtp-secret").build();

        assertThat(settings.toString())
                .doesNotContain("apn-secret").doesNotContain("smtp-secret")
                .contains("apnUser=apnuser", "smtpUser=smtpuser", "apnPassword=****", "smtpPassword=****");
    }

    @Test
    void shouldStartFromTheDefaults() {
        MailerSettings settings = MailerSettings.builder("tcp://127.0.0.1:4001", "mail.example.com",
                "gw@example.com").build();

        assertThat(settings.fixedBaud()).isFalse();
        assertThat(settings.guardTime()).isEqualTo(MailerSettings.DEFAULT_GUARD_TIME);
        assertThat(settings.smtpPort()).isEqualTo(25);
        assertThat(settings.authentication()).isFalse();
        assertThat(settings.sendDeadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.escapeMode()).isEqualTo(MailerSettings.EscapeMode.AUTO);
        assertThat(settings.simPin()).isEmpty();
        assertThat(settings.contextId()).isEqualTo(1);
        assertThat(settings.tls()).isEqualTo(MailerSettings.Tls.NONE);
        assertThat(settings.tls().encrypted()).isFalse();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void shouldKeepTheEscapeModeAndThePinThroughToBuilderAndMaskThePin() {
        MailerSettings lenient = BASE.build().toBuilder().escapeMode(MailerSettings.EscapeMode.LENIENT)
                .simPin("4711").build();

        assertThat(lenient.escapeMode()).isEqualTo(MailerSettings.EscapeMode.LENIENT);
        assertThat(lenient.simPin()).isEqualTo("4711");
        assertThat(lenient.toBuilder().build()).isEqualTo(lenient);
        assertThat(lenient.toString()).contains("escapeMode=LENIENT", "simPin=****").doesNotContain("4711");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"blank link", "port 0", "port 65536", "zero guard time", "blank host",
        "blank sender", "negative deadline", "context 0", "context 17", "ssl context 6"})
    void shouldRefuseAnInvalidSetting(String invalid) {
        UnaryOperator<MailerSettings.Builder> change = switch (invalid) {
            case "blank link" -> b -> b.linkUri(" ");
            case "port 0" -> b -> b.smtp("smtp.example.com", 0);
            case "port 65536" -> b -> b.smtp("smtp.example.com", 65536);
            case "zero guard time" -> b -> b.guardTime(Duration.ZERO);
            case "blank host" -> b -> b.smtp("", 25);
            case "blank sender" -> b -> b.sender(" ", "");
            case "negative deadline" -> b -> b.sendDeadline(Duration.ofSeconds(-1));
            case "context 0" -> b -> b.contextId(0);
            case "context 17" -> b -> b.contextId(17);
            case "ssl context 6" -> b -> b.tls(new MailerSettings.Tls(MailerSettings.SmtpSecurity.STARTTLS, false,
                    "", 6));
            default -> throw new IllegalArgumentException(invalid);
        };

        assertThatThrownBy(() -> change.apply(BASE.build().toBuilder()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheTlsSettingsThroughToBuilderAndShowTheCertificateOnlyByItsLength() {
        MailerSettings.Tls tls = new MailerSettings.Tls(MailerSettings.SmtpSecurity.IMPLICIT_TLS, true,
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", 2);
        MailerSettings settings = BASE.build().toBuilder().contextId(3).tls(tls).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.tls().encrypted()).isTrue();
        assertThat(settings.toString()).contains("contextId=3", "security=IMPLICIT_TLS", "caCertificate=59 chars",
                "sslContextId=2").doesNotContain("MIIB");
    }

    @Test
    void shouldRefuseToVerifyATlsServerWithoutACaCertificate() {
        assertThatThrownBy(() -> new MailerSettings.Tls(MailerSettings.SmtpSecurity.STARTTLS, true, " ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("caCertificate ");
        assertThat(new MailerSettings.Tls(MailerSettings.SmtpSecurity.STARTTLS, false, "", 1).verifyServer())
                .isFalse();
    }
}
