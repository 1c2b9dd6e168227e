/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;

/**
 * The one check of a configuration, shared by the DS and the Kura front ends: properties as ConfigAdmin, FileInstall
 * or Kura deliver them, converted to {@code CellularMailConfiguration} by Felix SCR's own conversion (as at runtime),
 * then checked and turned into settings.
 */
class SettingsFromConfigurationTest {

    private static final Path DATA = Path.of("/var/lib/felix/bundle7/data");
    private static final String NAME = "cellmail.name";
    private static final String PORT = "port";
    private static final String BAUD = "baud";
    private static final String FLOW_CONTROL = "flowControl";
    private static final String FIXED_BAUD = "fixedBaud";
    private static final String GUARD_TIME = "guardTime";
    private static final String ESCAPE_MODE = "escapeMode";
    private static final String SIM_PIN = ".simPin";
    private static final String APN = "apn";
    private static final String APN_USER = "apnUser";
    private static final String APN_PASSWORD = ".apnPassword";
    private static final String SMTP_HOST = "smtpHost";
    private static final String SMTP_PORT = "smtpPort";
    private static final String AUTHENTICATION = "authentication";
    private static final String SMTP_USER = "smtpUser";
    private static final String SMTP_PASSWORD = ".smtpPassword";
    private static final String SENDER_ADDRESS = "senderAddress";
    private static final String SENDER_NAME = "senderName";
    private static final String SEND_DEADLINE = "sendDeadline";
    private static final String RETRY_BASE = "retryBase";
    private static final String RETRY_CAP = "retryCap";
    private static final String EXPIRY = "expiry";
    private static final String OUTBOX_DIRECTORY = "outboxDirectory";
    private static final String MAX_MESSAGES = "maxMessages";
    private static final String MAX_BYTES = "maxBytes";
    private static final String MAX_PER_HOUR = "maxPerHour";
    private static final String DIALECT = "dialect";
    private static final String CONTEXT_ID = "contextId";
    private static final String SMTP_SECURITY = "smtpSecurity";
    private static final String VERIFY_SERVER = "verifyServer";
    private static final String CA_CERTIFICATE_FILE = "caCertificateFile";
    private static final String SSL_CONTEXT_ID = "sslContextId";
    private static final String SMS_NUMBERS = "smsNumbers";
    private static final String SMS_FALLBACK_AFTER = "smsFallbackAfter";
    private static final String SMS_ON_PERMANENT_FAILURE = "smsOnPermanentFailure";
    private static final String SMS_COPY_URGENT = "smsCopyUrgent";
    private static final String SMS_MAX_PARTS = "smsMaxParts";
    private static final String SMS_MAX_PER_HOUR = "smsMaxPerHour";

    @Test
    void shouldLeaveThePortEmptySoThatANewInstanceIsNotConfiguredYet() {
        assertThat(SettingsFromConfiguration.portIsEmpty(ScrConfiguration.of(Map.of()))).isTrue();
        assertThat(SettingsFromConfiguration.portIsEmpty(ScrConfiguration.of(Map.of("port", "  ")))).isTrue();
        assertThat(SettingsFromConfiguration.portIsEmpty(ScrConfiguration.of(Map.of("port", "serial:/dev/ttyS1"))))
                .isFalse();
    }

    @Test
    void shouldGiveTheDocumentedDefaultsForAConfigurationThatSetsOnlyThePort() {
        MailServiceSettings settings = ScrConfiguration.settings(Map.of("port", "serial:/dev/ttyS1"), DATA);

        assertThat(settings.name()).isEqualTo("modem1");
        assertThat(settings.outboxDirectory()).isEqualTo(DATA.resolve("outbox-modem1"));
        assertThat(settings.retryBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryCap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxMessages()).isEqualTo(1000);
        assertThat(settings.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.maxPerHour()).isEqualTo(60);
        assertThat(settings.sms()).as("no SMS fallback until numbers are set").isEqualTo(new SmsSettings(List.of(),
                Optional.of(Duration.ofMinutes(15)), true, false, 3, 10));
        MailerSettings mailer = settings.mailer();
        assertThat(mailer.linkUri()).isEqualTo("serial:/dev/ttyS1?baud=115200&flow=none");
        assertThat(mailer.fixedBaud()).as("the modem's rate is left alone").isFalse();
        assertThat(mailer.guardTime()).isEqualTo(MailerSettings.DEFAULT_GUARD_TIME);
        assertThat(mailer.smtpHost()).isEqualTo("smtp.example.com");
        assertThat(mailer.smtpPort()).isEqualTo(25);
        assertThat(mailer.authentication()).isTrue();
        assertThat(mailer.senderAddress()).isEqualTo("cellmail@example.com");
        assertThat(mailer.sendDeadline()).isEqualTo(MailerSettings.DEFAULT_SEND_DEADLINE);
        assertThat(mailer.escapeMode()).isEqualTo(EscapeMode.AUTO);
        assertThat(mailer.simPin()).isEmpty();
    }

    @Test
    void shouldReadTypedValuesAsConfigAdminAndKuraDeliverThem() {
        MailServiceSettings settings = ScrConfiguration.settings(typed(), DATA);

        assertFullConfiguration(settings);
    }

    @Test
    void shouldReadTheSameValuesWrittenAsTextAsFileInstallDeliversThem() {
        Map<String, Object> text = new HashMap<>();
        // Declarative Services converts text exactly as written; surrounding blanks are stripped from text settings.
        typed().forEach((key, value) -> text.put(key, value instanceof String ? " " + value + " " : "" + value));
        text.put(SMTP_PASSWORD, "s3cret pass");
        text.put(APN_PASSWORD, "apn-pw");
        text.put(SIM_PIN, "4711");

        assertThat(ScrConfiguration.settings(text, DATA))
                .isEqualTo(ScrConfiguration.settings(typed(), DATA));
    }

    @Test
    void shouldTakeASingleElementArrayAsItsElement() {
        Map<String, Object> properties = typed();
        properties.put(SMTP_PORT, new Integer[] { 587 });
        properties.put(SMTP_HOST, new String[] { "mail.example.org" });

        MailServiceSettings settings = ScrConfiguration.settings(properties, DATA);

        assertThat(settings.mailer().smtpPort()).isEqualTo(587);
        assertThat(settings.mailer().smtpHost()).isEqualTo("mail.example.org");
    }

    @Test
    void shouldNameABlankRequiredSettingAndANumberLeftBlank() {
        assertThatThrownBy(() -> ScrConfiguration.settings(Map.of(SMTP_PORT, " ", SMTP_HOST, ""), DATA))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("smtpHost must not be blank")
                .hasMessageContaining("smtpPort must be a whole number from 1 to 65535");
    }

    @Test
    void shouldTakeNoTimeAsNeverByTime() {
        Map<String, Object> properties = typed();
        properties.put(SMS_FALLBACK_AFTER, 0L);

        assertThat(ScrConfiguration.settings(properties, DATA).sms().fallbackAfter()).isEmpty();
    }

    @Test
    void shouldNameEverySmsSettingAtFault() {
        Map<String, Object> properties = typed();
        properties.put(SMS_NUMBERS, "+4917012345678, +49 170 1234567, abc");
        properties.put(SMS_FALLBACK_AFTER, -5L);
        properties.put(SMS_MAX_PARTS, 11);
        properties.put(SMS_MAX_PER_HOUR, -1);
        properties.put(SMS_COPY_URGENT, "yes");

        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(properties, DATA));

        assertThat(e.settings()).containsExactlyInAnyOrder(SMS_NUMBERS, SMS_FALLBACK_AFTER, SMS_MAX_PARTS,
                SMS_MAX_PER_HOUR, SMS_COPY_URGENT);
        assertThat(e).hasMessageContaining("smsNumbers must be phone numbers separated by commas")
                .hasMessageContaining("got '+49 170 1234567'")
                .hasMessageContaining("got 'abc'")
                .hasMessageContaining("smsFallbackAfter must be from 0 to 525600, got -5")
                .hasMessageContaining("smsMaxParts must be from 1 to 10, got 11");
    }

    @Test
    void shouldRefuseANumberGivenTwice() {
        Map<String, Object> properties = typed();
        properties.put(SMS_NUMBERS, "+4917012345678,01701234567,+4917012345678");

        assertThatThrownBy(() -> ScrConfiguration.settings(properties, DATA))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("smsNumbers names +4917012345678 twice");
    }

    @Test
    void shouldTellWhichSettingsAreAtFault() {
        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(Map.of(SMTP_PORT, 0, EXPIRY, "never", RETRY_BASE, 60L, RETRY_CAP, 10L),
                        DATA));

        assertThat(e.settings()).containsExactlyInAnyOrder(SMTP_PORT, EXPIRY, RETRY_CAP);
    }

    @Test
    void shouldForgetTheCredentialsWhenAuthenticationIsOff() {
        Map<String, Object> properties = typed();
        properties.put(AUTHENTICATION, false);

        MailerSettings mailer = ScrConfiguration.settings(properties, DATA).mailer();

        assertThat(mailer.authentication()).isFalse();
        assertThat(mailer.smtpUser()).isEmpty();
        assertThat(mailer.smtpPassword()).isEmpty();
    }

    @ParameterizedTest(name = "port {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "serial:/dev/ttyUSB2                  | serial:/dev/ttyUSB2?baud=9600&flow=rtscts",
        "serial:/dev/ttyUSB2?                 | serial:/dev/ttyUSB2?baud=9600&flow=rtscts",
        "serial:/dev/ttyUSB2?parity=even      | serial:/dev/ttyUSB2?parity=even&baud=9600&flow=rtscts",
        "serial:/dev/ttyUSB2?baud=9600        | serial:/dev/ttyUSB2?baud=9600&flow=rtscts",
        "tcp://127.0.0.1:4001?FLOW=RTSCTS     | tcp://127.0.0.1:4001?FLOW=RTSCTS&baud=9600",
        "emulator:bench?baud=9600&flow=rtscts | emulator:bench?baud=9600&flow=rtscts",
    })
    void shouldPutBaudAndFlowControlIntoThePortQueryUnlessItHasThem(String port, String linkUri) {
        Map<String, Object> properties = Map.of(PORT, port, BAUD, 9600, FLOW_CONTROL, "rtscts");

        assertThat(ScrConfiguration.settings(properties, DATA).mailer().linkUri()).isEqualTo(linkUri);
    }

    @Test
    void shouldSwitchTheModemToTheBaudRateOnlyWhenFixedBaudIsOn() {
        Map<String, Object> properties = Map.of(BAUD, 57600, FIXED_BAUD, true);

        MailerSettings mailer = ScrConfiguration.settings(properties, DATA).mailer();
        assertThat(mailer.fixedBaud()).isTrue();
        assertThat(mailer.linkUri()).isEqualTo("serial:/dev/ttyS1?baud=57600&flow=none");
    }

    @ParameterizedTest(name = "outboxDirectory \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                     | /var/lib/felix/bundle7/data/outbox-modem1",
        "spool/alarms           | /var/lib/felix/bundle7/data/spool/alarms",
        "/var/spool/cellmail    | /var/spool/cellmail",
    })
    void shouldKeepTheOutboxInTheDataAreaUnlessAnAbsolutePathIsGiven(String configured, String expected) {
        Map<String, Object> properties = Map.of(OUTBOX_DIRECTORY, configured);

        assertThat(ScrConfiguration.settings(properties, DATA).outboxDirectory()).isEqualTo(Path.of(expected));
    }

    @Test
    void shouldWantAnAbsoluteOutboxWhenThereIsNoDataArea() {
        assertThatThrownBy(() -> ScrConfiguration.settings(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outboxDirectory must be an absolute path");
        assertThat(ScrConfiguration.settings(Map.of(OUTBOX_DIRECTORY, "/tmp/outbox"), null).outboxDirectory())
                .isEqualTo(Path.of("/tmp/outbox"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "cellmail.name  | ../etc         | cellmail.name must be 1 to 64 letters",
        "cellmail.name  | .hidden        | cellmail.name must be 1 to 64 letters",
        "smtpPort       | 0              | smtpPort must be from 1 to 65535, got 0",
        "smtpPort       | 70000          | smtpPort must be from 1 to 65535, got 70000",
        "smtpPort       | twenty-five    | smtpPort must be a whole number from 1 to 65535: For input string: \"twenty-five\"",
        "baud           | -9600          | baud must be from 1",
        "flowControl    | xonxoff        | flowControl must be none or rtscts, got 'xonxoff'",
        "escapeMode     | true           | escapeMode must be auto, guarded or lenient, got 'true'",
        "retryBase      | 0              | retryBase must be from 1 to 86400, got 0",
        "retryCap       | 10             | retryCap must not be below retryBase (30 s), got 10",
        "expiry         | 0              | expiry must be from 1",
        "maxPerHour     | -1             | maxPerHour must be from 0",
        "maxMessages    | 0              | maxMessages must be from 1",
        "maxMessages    | 10001          | maxMessages must be from 1 to 10000, got 10001",
        "maxBytes       | 1              | maxBytes must be from 65536 to 4294967296, got 1",
        "maxBytes       | 9223372036854775807 | maxBytes must be from 65536 to 4294967296",
        "port           | /dev/ttyUSB2   | port must be a link URI such as serial:/dev/ttyUSB2",
        "port           | serial:/dev/x?baud=9600 | port sets baud=9600 but baud is 115200; set it in one place only",
        "senderAddress  | '  '           | senderAddress must not be blank",
        "escapeMode     | GUARDED        | NO PROBLEM",
        "authentication | yes            | authentication must be true or false, got 'yes'",
        "fixedBaud      | on             | fixedBaud must be true or false, got 'on'",
        "authentication | ' TRUE '       | NO PROBLEM",
    })
    void shouldNameThePropertyAndWhatItMustBe(String key, String value, String expected) {
        Map<String, Object> properties = Map.of(key, value);

        if (expected.equals("NO PROBLEM")) {
            assertThat(ScrConfiguration.settings(properties, DATA)).isNotNull();
            return;
        }
        assertThatThrownBy(() -> ScrConfiguration.settings(properties, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid mail service configuration: ")
                .hasMessageContaining(expected);
    }

    @Test
    void shouldReportEveryProblemOfAConfigurationAtOnce() {
        Map<String, Object> properties = Map.of(SMTP_PORT, "x", EXPIRY, -1, FLOW_CONTROL, "both");

        assertThatThrownBy(() -> ScrConfiguration.settings(properties, DATA))
                .hasMessageContaining(SMTP_PORT).hasMessageContaining(EXPIRY).hasMessageContaining(FLOW_CONTROL);
    }

    @Test
    void shouldPassOnTheSettingsTypesOwnChecks() {
        Map<String, Object> properties = Map.of(SENDER_ADDRESS, "cellmail@example.com", SMTP_HOST, "ok",
                RETRY_BASE, 60, RETRY_CAP, 60);

        assertThat(ScrConfiguration.settings(properties, DATA).retryCap()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldNeverQuoteAPasswordInAProblem() {
        Map<String, Object> properties = typed();
        properties.put(SMTP_PASSWORD, "hunter2-smtp");
        properties.put(APN_PASSWORD, "hunter2-apn");
        properties.put(SIM_PIN, "9876");
        properties.put(SMTP_PORT, "not a port");
        properties.put(NAME, "../hunter");

        assertThatThrownBy(() -> ScrConfiguration.settings(properties, DATA))
                .hasMessageContaining(SMTP_PORT).hasMessageContaining(NAME)
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("9876");
    }

    @Test
    void shouldGivePlainSmtpOnPdpContextOneByDefault() {
        MailerSettings mailer = ScrConfiguration.settings(Map.of(), DATA).mailer();

        assertThat(mailer.contextId()).isEqualTo(MailerSettings.DEFAULT_CONTEXT_ID);
        assertThat(mailer.tls().security()).isEqualTo(SmtpSecurity.NONE);
        assertThat(mailer.tls().verifyServer()).as("secure by default").isTrue();
        assertThat(mailer.tls().caCertificate()).isEmpty();
        assertThat(mailer.tls().sslContextId()).isEqualTo(1);
    }

    @ParameterizedTest(name = "smtpSecurity={0}")
    @CsvSource({ "tls, IMPLICIT_TLS", "starttls, STARTTLS", "TLS, IMPLICIT_TLS" })
    void shouldReadTheCaCertificateFileWhenTheLteDialectSpeaksTls(String security, SmtpSecurity expected)
            throws Exception {
        Map<String, Object> properties = lteTls(security);
        properties.put(CONTEXT_ID, 3);
        properties.put(SSL_CONTEXT_ID, 0);

        MailerSettings mailer = ScrConfiguration.settings(properties, DATA).mailer();

        assertThat(mailer.contextId()).isEqualTo(3);
        assertThat(mailer.tls()).isEqualTo(new Tls(expected, true, testCa(), 0));
        assertThat(mailer.tls().caCertificate()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
    }

    @Test
    void shouldTakeTlsWithoutVerificationOnlyWhenConfiguredAndThenNeedNoCaCertificate() {
        Map<String, Object> properties = lteTls("tls");
        properties.put(CA_CERTIFICATE_FILE, "");
        properties.put(VERIFY_SERVER, false);

        assertThat(ScrConfiguration.settings(properties, DATA).mailer().tls())
                .isEqualTo(new Tls(SmtpSecurity.IMPLICIT_TLS, false, "", 1));
    }

    @Test
    void shouldWantACaCertificateToVerifyTheServerOverTls() {
        Map<String, Object> properties = lteTls("starttls");
        properties.remove(CA_CERTIFICATE_FILE);

        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(properties, DATA));

        assertThat(e.settings()).containsExactly(CA_CERTIFICATE_FILE);
        assertThat(e).hasMessageContaining("caCertificateFile must name the PEM file of the CA certificate")
                .hasMessageContaining("verifyServer");
    }

    @ParameterizedTest(name = "smtpSecurity={0}")
    @CsvSource({ "tls", "starttls" })
    void shouldRefuseTlsWithTheGsmDialectNamingTheSecuritySetting(String security) {
        Map<String, Object> properties = lteTls(security);
        properties.put(DIALECT, "quectel-gsm");

        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(properties, DATA));

        assertThat(e.settings()).containsExactly(SMTP_SECURITY);
        assertThat(e).hasMessageContaining("smtpSecurity must be none with dialect quectel-gsm");
    }

    @Test
    void shouldNameACaCertificateFileThatIsMissingTooLargeNotPemOrHoldsAKey(@TempDir Path files) throws Exception {
        Path large = Files.write(files.resolve("large.pem"), new byte[CaCertificateFile.MAX_BYTES + 1]);
        Path der = Files.write(files.resolve("ca.der"), new byte[] { 0x30, (byte) 0x82, 0x03, 0x19 });
        Path broken = Files.writeString(files.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(files.resolve("with-key.pem"), testCa()
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Path unreadable = Files.writeString(files.resolve("unreadable.pem"), testCa());
        boolean canRevoke = unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable); // not as root

        assertCaProblem(files.resolve("missing.pem").toString(), "missing.pem' does not exist");
        assertCaProblem(files.toString(), "is a directory, not a PEM file");
        assertCaProblem(large.toString(), "more than the 65536 a CA certificate file may have");
        assertCaProblem(der.toString(), "is not a PEM file");
        assertCaProblem(broken.toString(), "holds a block that is not an X.509 certificate");
        assertCaProblem(key.toString(), "holds a private key");
        assertCaProblem("bad\u0000path", "is not a valid path");
        if (canRevoke) {
            assertCaProblem(unreadable.toString(), "cannot be read");
        }
    }

    @Test
    void shouldCollectTheTlsProblemsWithTheOthers() {
        Map<String, Object> properties = lteTls("ssl");
        properties.put(CONTEXT_ID, 17);
        properties.put(SSL_CONTEXT_ID, 6);
        properties.put(VERIFY_SERVER, "yes");
        properties.put(SMTP_PORT, 0);

        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(properties, DATA));

        assertThat(e.settings()).containsExactlyInAnyOrder(SMTP_PORT, CONTEXT_ID, SMTP_SECURITY, VERIFY_SERVER,
                SSL_CONTEXT_ID);
        assertThat(e).hasMessageContaining("contextId must be from 1 to 16, got 17")
                .hasMessageContaining("smtpSecurity must be none, tls or starttls, got 'ssl'")
                .hasMessageContaining("sslContextId must be from 0 to 5, got 6")
                .hasMessageContaining("verifyServer must be true or false, got 'yes'");
    }

    @Test
    void shouldNameABlankDialect() {
        assertThatThrownBy(() -> ScrConfiguration.settings(Map.of(DIALECT, " "), DATA))
                .hasMessageContaining("dialect must be quectel-gsm, quectel-lte, auto or the name of another");
    }

    @Test
    void shouldNotReadTheCaCertificateFileOfAPlainConnection() {
        Map<String, Object> properties = Map.of(CA_CERTIFICATE_FILE, "/nowhere/ca.pem");

        assertThat(ScrConfiguration.settings(properties, DATA).mailer().tls().caCertificate()).isEmpty();
    }

    @Test
    void shouldAgreeWithTheDefaultsOfTheSettingsTypes() {
        CellularMailConfiguration defaults = ScrConfiguration.of(Map.of());

        assertThat(Duration.ofMillis(defaults.guardTime())).isEqualTo(MailerSettings.DEFAULT_GUARD_TIME);
        assertThat(Duration.ofSeconds(defaults.sendDeadline())).isEqualTo(MailerSettings.DEFAULT_SEND_DEADLINE);
        assertThat(defaults.smtpPort()).isEqualTo(MailerSettings.DEFAULT_SMTP_PORT);
        assertThat(Duration.ofSeconds(defaults.retryBase())).isEqualTo(MailServiceSettings.DEFAULT_RETRY_BASE);
        assertThat(Duration.ofSeconds(defaults.retryCap())).isEqualTo(MailServiceSettings.DEFAULT_RETRY_CAP);
        assertThat(Duration.ofHours(defaults.expiry())).isEqualTo(MailServiceSettings.DEFAULT_EXPIRY);
        assertThat(defaults.maxMessages()).isEqualTo(MailServiceSettings.DEFAULT_MAX_MESSAGES);
        assertThat(defaults.maxBytes()).isEqualTo(MailServiceSettings.DEFAULT_MAX_BYTES);
        assertThat(defaults.maxPerHour()).isEqualTo(MailServiceSettings.DEFAULT_MAX_PER_HOUR);
    }

    /** @return an LTE configuration speaking TLS of this kind, verifying the server against the test CA */
    private static Map<String, Object> lteTls(String security) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(DIALECT, "quectel-lte");
        properties.put(SMTP_SECURITY, security);
        properties.put(SMTP_PORT, 465);
        properties.put(CA_CERTIFICATE_FILE, testCaFile().toString());
        return properties;
    }

    private static Path testCaFile() {
        try {
            return Path.of(SettingsFromConfigurationTest.class.getResource("/test-ca.pem").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String testCa() {
        try {
            return Files.readString(testCaFile()).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertCaProblem(String file, String expected) {
        Map<String, Object> properties = lteTls("tls");
        properties.put(CA_CERTIFICATE_FILE, file);

        InvalidConfigurationException e = (InvalidConfigurationException) catchThrowable(
                () -> ScrConfiguration.settings(properties, DATA));

        assertThat(e).as(file).isNotNull();
        assertThat(e.settings()).as(file).containsExactly(CA_CERTIFICATE_FILE);
        assertThat(e).as(file).hasMessageContaining("caCertificateFile ").hasMessageContaining(expected);
    }

    /** A full configuration with every value typed the way its metatype declares it. */
    private static Map<String, Object> typed() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(NAME, "alarm-modem");
        properties.put(PORT, "serial:/dev/ttyS1");
        properties.put(BAUD, 9600);
        properties.put(FLOW_CONTROL, "rtscts");
        properties.put(FIXED_BAUD, true);
        properties.put(GUARD_TIME, 1500L);
        properties.put(ESCAPE_MODE, "lenient");
        properties.put(SIM_PIN, "4711");
        properties.put(APN, "internet.example");
        properties.put(APN_USER, "apn-user");
        properties.put(APN_PASSWORD, "apn-pw");
        properties.put(SMTP_HOST, "mail.example.com");
        properties.put(SMTP_PORT, 587);
        properties.put(AUTHENTICATION, true);
        properties.put(SMTP_USER, "gateway");
        properties.put(SMTP_PASSWORD, "s3cret pass");
        properties.put(SENDER_ADDRESS, "gateway@example.com");
        properties.put(SENDER_NAME, "Gateway 7");
        properties.put(SEND_DEADLINE, 120L);
        properties.put(RETRY_BASE, 10L);
        properties.put(RETRY_CAP, 600L);
        properties.put(EXPIRY, 48L);
        properties.put(OUTBOX_DIRECTORY, "/var/spool/cellmail/alarm");
        properties.put(MAX_MESSAGES, 50);
        properties.put(MAX_BYTES, 1_000_000L);
        properties.put(MAX_PER_HOUR, 0);
        properties.put(SMS_NUMBERS, "+4917012345678, 01701234567");
        properties.put(SMS_FALLBACK_AFTER, 30L);
        properties.put(SMS_ON_PERMANENT_FAILURE, false);
        properties.put(SMS_COPY_URGENT, true);
        properties.put(SMS_MAX_PARTS, 7);
        properties.put(SMS_MAX_PER_HOUR, 0);
        return properties;
    }

    private static void assertFullConfiguration(MailServiceSettings settings) {
        assertThat(settings.name()).isEqualTo("alarm-modem");
        assertThat(settings.outboxDirectory()).isEqualTo(Path.of("/var/spool/cellmail/alarm"));
        assertThat(settings.retryBase()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retryCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.expiry()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.maxMessages()).isEqualTo(50);
        assertThat(settings.maxBytes()).isEqualTo(1_000_000L);
        assertThat(settings.maxPerHour()).isZero();
        assertThat(settings.sms()).isEqualTo(new SmsSettings(List.of("+4917012345678", "01701234567"),
                Optional.of(Duration.ofMinutes(30)), false, true, 7, 0));
        assertThat(settings.mailer()).isEqualTo(MailerSettings
                .builder("serial:/dev/ttyS1?baud=9600&flow=rtscts", "mail.example.com", "gateway@example.com")
                .fixedBaud(true)
                .guardTime(Duration.ofMillis(1500))
                .apn("internet.example", "apn-user", "apn-pw")
                .smtp("mail.example.com", 587)
                .authentication("gateway", "s3cret pass")
                .sender("gateway@example.com", "Gateway 7")
                .sendDeadline(Duration.ofMinutes(2))
                .escapeMode(EscapeMode.LENIENT)
                .simPin("4711")
                .build());
    }
}
