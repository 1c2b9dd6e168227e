/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.quectel.QuectelMailerFactory;
import io.cellmail.quectel.internal.RecordingLinks;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;

/**
 * The LTE factory registers as its own dialect, and settings a module cannot take are refused by name before any
 * link is opened: a CA certificate that is not PEM on LTE, and TLS at all on the GSM module, which has none.
 */
class LteSettingsTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    private static MailerSettings.Builder settings() {
        return MailerSettings.builder("serial:/dev/ttyUSB2", "smtp.example.com", "gw@example.com");
    }

    @Test
    void shouldRegisterAsTheQuectelLteDialectNeedingTheSerialLinksAndAnEngineFactory() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/io.cellmail.quectel.lte.QuectelLteMailerFactory.xml")) {
            assertThat(in).as("bnd wrote the component description").isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(QuectelLteDialect.NAME).isEqualTo("quectel-lte");
        assertThat(xml).contains("<property name=\"dialect\" type=\"String\" value=\"quectel-lte\"/>")
                .contains("<provide interface=\"io.cellmail.service.spi.ModemMailerFactory\"/>")
                .contains("interface=\"io.cellmail.serial.SerialLinks\"")
                .contains("interface=\"io.cellmail.at.AtEngineFactory\"");
    }

    @Test
    void shouldRefuseACaCertificateThatIsNotPemWithoutOpeningTheLink() {
        RecordingLinks links = new RecordingLinks();
        MailerSettings der = settings().tls(new Tls(SmtpSecurity.IMPLICIT_TLS, true, "MIIBxjCCAW2gAwIBAgIU", 1))
                .build();

        assertThatThrownBy(() -> new QuectelLteMailerFactory(links).create(der))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_PARAMETER);
                    assertThat(e.field()).hasValue("caCertificate");
                });
        assertThat(links.opened()).isEmpty();
    }

    @Test
    void shouldRefuseTlsOnTheGsmModuleWithoutOpeningTheLink() {
        RecordingLinks links = new RecordingLinks();
        MailerSettings tls = settings().tls(new Tls(SmtpSecurity.STARTTLS, true, PEM, 1)).build();

        assertThatThrownBy(() -> new QuectelMailerFactory(links).create(tls))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_PARAMETER);
                    assertThat(e.field()).hasValue("smtpSecurity");
                    assertThat(e.getMessage()).contains("no TLS");
                });
        assertThat(links.opened()).isEmpty();
    }

    @Test
    void shouldTakeTlsSettingsAndAPlainGsmConnection() {
        RecordingLinks links = new RecordingLinks();

        new QuectelLteMailerFactory(links).create(settings().tls(new Tls(SmtpSecurity.STARTTLS, true, PEM, 2))
                .build()).close();
        new QuectelLteMailerFactory(links).create(settings().tls(new Tls(SmtpSecurity.IMPLICIT_TLS, false, "", 0))
                .build()).close();
        new QuectelMailerFactory(links).create(settings().build()).close();
    }
}
