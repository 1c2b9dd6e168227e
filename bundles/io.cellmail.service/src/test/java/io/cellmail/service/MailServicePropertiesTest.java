package io.cellmail.service;

import static io.cellmail.service.MailServiceProperties.APN;
import static io.cellmail.service.MailServiceProperties.APN_PASSWORD;
import static io.cellmail.service.MailServiceProperties.APN_USER;
import static io.cellmail.service.MailServiceProperties.AUTHENTICATION;
import static io.cellmail.service.MailServiceProperties.BAUD;
import static io.cellmail.service.MailServiceProperties.EXPIRY;
import static io.cellmail.service.MailServiceProperties.FIXED_BAUD;
import static io.cellmail.service.MailServiceProperties.FLOW_CONTROL;
import static io.cellmail.service.MailServiceProperties.GUARD_TIME;
import static io.cellmail.service.MailServiceProperties.ESCAPE_MODE;
import static io.cellmail.service.MailServiceProperties.MAX_BYTES;
import static io.cellmail.service.MailServiceProperties.MAX_MESSAGES;
import static io.cellmail.service.MailServiceProperties.MAX_PER_HOUR;
import static io.cellmail.service.MailServiceProperties.NAME;
import static io.cellmail.service.MailServiceProperties.OUTBOX_DIRECTORY;
import static io.cellmail.service.MailServiceProperties.PORT;
import static io.cellmail.service.MailServiceProperties.RETRY_BASE;
import static io.cellmail.service.MailServiceProperties.RETRY_CAP;
import static io.cellmail.service.MailServiceProperties.SEND_DEADLINE;
import static io.cellmail.service.MailServiceProperties.SENDER_ADDRESS;
import static io.cellmail.service.MailServiceProperties.SENDER_NAME;
import static io.cellmail.service.MailServiceProperties.SMTP_HOST;
import static io.cellmail.service.MailServiceProperties.SIM_PIN;
import static io.cellmail.service.MailServiceProperties.SMTP_PASSWORD;
import static io.cellmail.service.MailServiceProperties.SMTP_PORT;
import static io.cellmail.service.MailServiceProperties.SMTP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.MailerSettings.FlowControl;

/** The one mapping from configuration properties to settings, shared by the DS and the Kura front ends. */
class MailServicePropertiesTest {

    private static final Path DATA = Path.of("/var/lib/felix/bundle7/data");

    @Test
    void shouldGiveTheDocumentedDefaultsForAnEmptyConfiguration() {
        MailServiceSettings settings = MailServiceProperties.toSettings(Map.of(), DATA);

        assertThat(settings.name()).isEqualTo("modem1");
        assertThat(settings.outboxDirectory()).isEqualTo(DATA.resolve("outbox-modem1"));
        assertThat(settings.retryBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryCap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxMessages()).isEqualTo(1000);
        assertThat(settings.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.maxPerHour()).isEqualTo(60);
        MailerSettings mailer = settings.mailer();
        assertThat(mailer.linkUri()).isEqualTo("emulator:demo?baud=115200&flow=none");
        assertThat(mailer.baud()).as("the modem's rate is left alone").isZero();
        assertThat(mailer.flowControl()).isEqualTo(FlowControl.NONE);
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
        MailServiceSettings settings = MailServiceProperties.toSettings(typed(), DATA);

        assertFullConfiguration(settings);
    }

    @Test
    void shouldReadTheSameValuesWrittenAsTextAsFileInstallDeliversThem() {
        Map<String, Object> text = new HashMap<>();
        typed().forEach((key, value) -> text.put(key, " " + value + " "));
        text.put(SMTP_PASSWORD, "s3cret pass");
        text.put(APN_PASSWORD, "apn-pw");
        text.put(SIM_PIN, "4711");

        assertThat(MailServiceProperties.toSettings(text, DATA))
                .isEqualTo(MailServiceProperties.toSettings(typed(), DATA));
    }

    @Test
    void shouldTakeASingleElementArrayAsItsElement() {
        Map<String, Object> properties = typed();
        properties.put(SMTP_PORT, new Integer[] { 587 });
        properties.put(SMTP_HOST, new String[] { "mail.example.org" });

        MailServiceSettings settings = MailServiceProperties.toSettings(properties, DATA);

        assertThat(settings.mailer().smtpPort()).isEqualTo(587);
        assertThat(settings.mailer().smtpHost()).isEqualTo("mail.example.org");
    }

    @Test
    void shouldTakeTheDefaultForABlankValue() {
        MailServiceSettings settings = MailServiceProperties.toSettings(Map.of(SMTP_PORT, " ", SMTP_HOST, ""), DATA);

        assertThat(settings.mailer().smtpPort()).isEqualTo(25);
        assertThat(settings.mailer().smtpHost()).isEqualTo("smtp.example.com");
    }

    @Test
    void shouldForgetTheCredentialsWhenAuthenticationIsOff() {
        Map<String, Object> properties = typed();
        properties.put(AUTHENTICATION, false);

        MailerSettings mailer = MailServiceProperties.toSettings(properties, DATA).mailer();

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

        assertThat(MailServiceProperties.toSettings(properties, DATA).mailer().linkUri()).isEqualTo(linkUri);
    }

    @Test
    void shouldSwitchTheModemToTheBaudRateOnlyWhenFixedBaudIsOn() {
        Map<String, Object> properties = Map.of(BAUD, 57600, FIXED_BAUD, true);

        assertThat(MailServiceProperties.toSettings(properties, DATA).mailer().baud()).isEqualTo(57600);
    }

    @ParameterizedTest(name = "outboxDirectory \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                     | /var/lib/felix/bundle7/data/outbox-modem1",
        "spool/alarms           | /var/lib/felix/bundle7/data/spool/alarms",
        "/var/spool/cellmail    | /var/spool/cellmail",
    })
    void shouldKeepTheOutboxInTheDataAreaUnlessAnAbsolutePathIsGiven(String configured, String expected) {
        Map<String, Object> properties = Map.of(OUTBOX_DIRECTORY, configured);

        assertThat(MailServiceProperties.toSettings(properties, DATA).outboxDirectory()).isEqualTo(Path.of(expected));
    }

    @Test
    void shouldWantAnAbsoluteOutboxWhenThereIsNoDataArea() {
        assertThatThrownBy(() -> MailServiceProperties.toSettings(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outboxDirectory must be an absolute path");
        assertThat(MailServiceProperties.toSettings(Map.of(OUTBOX_DIRECTORY, "/tmp/outbox"), null).outboxDirectory())
                .isEqualTo(Path.of("/tmp/outbox"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "cellmail.name  | ../etc         | cellmail.name must be 1 to 64 letters",
        "cellmail.name  | .hidden        | cellmail.name must be 1 to 64 letters",
        "smtpPort       | 0              | smtpPort must be from 1 to 65535, got 0",
        "smtpPort       | 70000          | smtpPort must be from 1 to 65535, got 70000",
        "smtpPort       | twenty-five    | smtpPort must be a whole number from 1 to 65535, got 'twenty-five'",
        "baud           | -9600          | baud must be from 1",
        "flowControl    | xonxoff        | flowControl must be none or rtscts, got 'xonxoff'",
        "escapeMode     | true           | escapeMode must be auto, guarded or lenient, got 'true'",
        "authentication | yes            | authentication must be true or false, got 'yes'",
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
        "senderAddress  | '  '           | NO PROBLEM",
    })
    void shouldNameThePropertyAndWhatItMustBe(String key, String value, String expected) {
        Map<String, Object> properties = Map.of(key, value);

        if (expected.equals("NO PROBLEM")) {
            assertThat(MailServiceProperties.toSettings(properties, DATA)).isNotNull();
            return;
        }
        assertThatThrownBy(() -> MailServiceProperties.toSettings(properties, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid mail service configuration: ")
                .hasMessageContaining(expected);
    }

    @Test
    void shouldReportEveryProblemOfAConfigurationAtOnce() {
        Map<String, Object> properties = Map.of(SMTP_PORT, "x", EXPIRY, -1, FLOW_CONTROL, "both");

        assertThatThrownBy(() -> MailServiceProperties.toSettings(properties, DATA))
                .hasMessageContaining(SMTP_PORT).hasMessageContaining(EXPIRY).hasMessageContaining(FLOW_CONTROL);
    }

    @Test
    void shouldPassOnTheSettingsTypesOwnChecks() {
        Map<String, Object> properties = Map.of(SENDER_ADDRESS, "cellmail@example.com", SMTP_HOST, "ok",
                RETRY_BASE, 60, RETRY_CAP, 60);

        assertThat(MailServiceProperties.toSettings(properties, DATA).retryCap()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldNeverQuoteAPasswordInAProblem() {
        Map<String, Object> properties = typed();
        properties.put(SMTP_PASSWORD, new String[] { "hunter2-smtp", "second" });
        properties.put(APN_PASSWORD, List.of("hunter2-apn", "other"));
        properties.put(SIM_PIN, new String[] { "9876", "5432" });
        properties.put(SMTP_PORT, "not a port");

        assertThatThrownBy(() -> MailServiceProperties.toSettings(properties, DATA))
                .hasMessageContaining(SMTP_PASSWORD + " must be a single value")
                .hasMessageContaining(APN_PASSWORD + " must be a single value")
                .hasMessageContaining(SIM_PIN + " must be a single value")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("9876");
    }

    @Test
    void shouldKeepPasswordsPrivateSoDeclarativeServicesNeverRegistersThem() {
        assertThat(MailServiceProperties.PASSWORDS).containsExactlyInAnyOrder(SMTP_PASSWORD, APN_PASSWORD, SIM_PIN)
                .allSatisfy(key -> assertThat(key).startsWith("."));
    }

    @Test
    void shouldReadTheDialectWithItsDefault() {
        assertThat(MailServiceProperties.dialect(Map.of())).isEqualTo("quectel-gsm");
        assertThat(MailServiceProperties.dialect(Map.of(MailServiceProperties.DIALECT, " other "))).isEqualTo("other");
        assertThat(MailServiceProperties.DEFAULT_MAILER_FACTORY_TARGET).isEqualTo("(dialect=quectel-gsm)");
    }

    @Test
    void shouldAgreeWithTheDefaultsOfTheSettingsTypes() {
        assertThat(Duration.ofMillis(MailServiceProperties.DEFAULT_GUARD_TIME_MILLIS))
                .isEqualTo(MailerSettings.DEFAULT_GUARD_TIME);
        assertThat(Duration.ofSeconds(MailServiceProperties.DEFAULT_SEND_DEADLINE_SECONDS))
                .isEqualTo(MailerSettings.DEFAULT_SEND_DEADLINE);
        assertThat(Duration.ofSeconds(MailServiceProperties.DEFAULT_RETRY_BASE_SECONDS))
                .isEqualTo(MailServiceSettings.DEFAULT_RETRY_BASE);
        assertThat(Duration.ofSeconds(MailServiceProperties.DEFAULT_RETRY_CAP_SECONDS))
                .isEqualTo(MailServiceSettings.DEFAULT_RETRY_CAP);
        assertThat(Duration.ofHours(MailServiceProperties.DEFAULT_EXPIRY_HOURS))
                .isEqualTo(MailServiceSettings.DEFAULT_EXPIRY);
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
        return properties;
    }

    private static void assertFullConfiguration(MailServiceSettings settings) {
        assertThat(settings.name()).isEqualTo("alarm-modem");
        assertThat(settings.outboxDirectory()).isEqualTo(Path.of("/var/spool/cellmail/alarm"));
        assertThat(settings.retryBase()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retryCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.expiry()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.maxMessages()).isEqualTo(50);
        assertThat(settings.maxBytes()).isEqualTo(1_000_000L);
        assertThat(settings.maxPerHour()).isZero();
        assertThat(settings.mailer()).isEqualTo(MailerSettings
                .builder("serial:/dev/ttyS1?baud=9600&flow=rtscts", "mail.example.com", "gateway@example.com")
                .baud(9600)
                .flowControl(FlowControl.RTS_CTS)
                .guardTime(Duration.ofMillis(1500))
                .apn("internet.example", "apn-user", "apn-pw")
                .smtp("mail.example.com", 587)
                .authentication("gateway", "s3cret pass")
                .sender("gateway@example.com", "Gateway 7")
                .sendDeadline(Duration.ofSeconds(120))
                .escapeMode(EscapeMode.LENIENT)
                .simPin("4711")
                .build());
    }
}
