/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.SettingsFromConfiguration;
import io.cellmail.service.spi.MailerSettings;

class CellularMailOptionsTest {

    private static final Path DATA_AREA = Path.of("/var/kura/data/cellmail");

    private final KuraPasswords passwords = new KuraPasswords(new ReversingCrypto());

    @Test
    void shouldMapKuraPropertiesToTheSettingsOfThePlainService() {
        Map<String, Object> kura = KuraProperties.instance("AlarmModem")
                .with("cellmail.name", "alarm")
                .with("port", "serial:/dev/ttyS1")
                .with("baud", 57600)
                .with("flowControl", "rtscts")
                .with("fixedBaud", true)
                .with("guardTime", 1500L)
                .with("escapeMode", "guarded")
                .with(".simPin", ReversingCrypto.encrypt("4711"))
                .with("apn", "internet.example")
                .with("apnUser", "gprs")
                .with(".apnPassword", ReversingCrypto.encrypt("apn-secret"))
                .with("smtpHost", "mail.example.org")
                .with("smtpPort", 587)
                .login("alarm@example.org", "smtp-secret")
                .with("senderAddress", "alarm@example.org")
                .with("senderName", "Pump station 4")
                .with("sendDeadline", 120L)
                .with("retryBase", 10L)
                .with("retryCap", 600L)
                .with("expiry", 6L)
                .with("outboxDirectory", "/var/spool/cellmail")
                .with("maxMessages", 50)
                .with("maxBytes", 1_000_000L)
                .with("maxPerHour", 12)
                .toMap();

        MailServiceSettings settings = settings(new CellularMailOptions(KuraScr.configuration(kura), passwords, null));

        MailerSettings mailer = settings.mailer();
        assertThat(settings.name()).isEqualTo("alarm");
        assertThat(mailer.linkUri()).isEqualTo("serial:/dev/ttyS1?baud=57600&flow=rtscts");
        assertThat(mailer.fixedBaud()).isTrue();
        assertThat(mailer.guardTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(mailer.escapeMode()).isEqualTo(MailerSettings.EscapeMode.GUARDED);
        assertThat(mailer.simPin()).as("the Password attribute decrypted").isEqualTo("4711");
        assertThat(mailer.apn()).isEqualTo("internet.example");
        assertThat(mailer.apnUser()).isEqualTo("gprs");
        assertThat(mailer.apnPassword()).isEqualTo("apn-secret");
        assertThat(mailer.smtpHost()).isEqualTo("mail.example.org");
        assertThat(mailer.smtpPort()).isEqualTo(587);
        assertThat(mailer.authentication()).isTrue();
        assertThat(mailer.smtpUser()).isEqualTo("alarm@example.org");
        assertThat(mailer.smtpPassword()).isEqualTo("smtp-secret");
        assertThat(mailer.senderAddress()).isEqualTo("alarm@example.org");
        assertThat(mailer.senderName()).isEqualTo("Pump station 4");
        assertThat(mailer.sendDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryBase()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retryCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.expiry()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.outboxDirectory()).isEqualTo(Path.of("/var/spool/cellmail"));
        assertThat(settings.maxMessages()).isEqualTo(50);
        assertThat(settings.maxBytes()).isEqualTo(1_000_000L);
        assertThat(settings.maxPerHour()).isEqualTo(12);
    }

    @Test
    void shouldGiveTheSameSettingsAsThePlainServiceForTheSameProperties() {
        Map<String, Object> plain = Map.of("cellmail.name", "m2", "smtpHost", "relay.example.net",
                "authentication", false, "port", "tcp://127.0.0.1:4001");
        Map<String, Object> kura = KuraProperties.instance("m2").with("cellmail.name", "m2")
                .with("smtpHost", "relay.example.net").with("authentication", false)
                .with("port", "tcp://127.0.0.1:4001").toMap();

        assertThat(settings(new CellularMailOptions(KuraScr.configuration(kura), passwords, null)))
                .isEqualTo(KuraScr.plainSettings(plain, DATA_AREA));
    }

    @Test
    void shouldKeepAnOutboxOfItsNameInTheBundleDataAreaByDefault() {
        Map<String, Object> kura = KuraProperties.instance("AlarmModem").with("cellmail.name", "alarm").toMap();

        assertThat(settings(new CellularMailOptions(KuraScr.configuration(kura), passwords, null)).outboxDirectory())
                .isEqualTo(DATA_AREA.resolve("outbox-alarm"));
    }

    @Test
    void shouldKeepThePasswordsInUseWhenKuraSendsPlaceholders() {
        CellularMailOptions first = new CellularMailOptions(KuraScr.configuration(KuraProperties.instance("m").login("u", "first-secret")
                .with(".apnPassword", ReversingCrypto.encrypt("apn-first"))
                .with(".simPin", ReversingCrypto.encrypt("2468")).toMap()), passwords, null);

        CellularMailOptions next = new CellularMailOptions(KuraScr.configuration(KuraProperties.instance("m").login("u", "ignored")
                .with(".smtpPassword", KuraPasswords.PLACEHOLDER).with(".apnPassword", KuraPasswords.PLACEHOLDER)
                .with(".simPin", KuraPasswords.PLACEHOLDER).toMap()), passwords, first);

        MailerSettings mailer = settings(next).mailer();
        assertThat(mailer.smtpPassword()).isEqualTo("first-secret");
        assertThat(mailer.apnPassword()).isEqualTo("apn-first");
        assertThat(mailer.simPin()).isEqualTo("2468");
    }

    @Test
    void shouldNameEveryInvalidPropertyWithoutQuotingAPassword() {
        Map<String, Object> kura = KuraProperties.instance("m").login("u", "hunter2-secret")
                .with("smtpPort", 70000).with("flowControl", "xonxoff").toMap();
        CellularMailOptions options = new CellularMailOptions(KuraScr.configuration(kura), passwords, null);

        assertThatThrownBy(() -> settings(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smtpPort").hasMessageContaining("flowControl")
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void shouldIgnoreKurasOwnProperties() {
        CellularMailOptions options = new CellularMailOptions(
                KuraScr.configuration(KuraProperties.instance("AlarmModem").toMap()), passwords, null);

        assertThat(settings(options)).isEqualTo(KuraScr.plainSettings(Map.of("port", KuraProperties.PORT), DATA_AREA));
    }

    @Test
    void shouldShowNoPasswordInItsText() {
        CellularMailOptions options = new CellularMailOptions(KuraScr.configuration(KuraProperties.instance("m").login("u", "s3cr3t-pw")
                .toMap()), passwords, null);

        assertThat(options.toString()).doesNotContain("s3cr3t-pw").doesNotContain(ReversingCrypto.encrypt("s3cr3t-pw"));
    }

    /** The component hands the options to the service, which checks them exactly so. */
    private static MailServiceSettings settings(CellularMailOptions options) {
        return SettingsFromConfiguration.settings(options.configuration(), Map.of(), options.secrets(), DATA_AREA);
    }
}
