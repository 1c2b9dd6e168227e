/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.service.spi.MailerSettings;

class QuectelConfigurationTest {

    private static final String SECRET = "pa55-w0rd";

    private static MailerSettings.Builder settings() {
        return MailerSettings.builder("serial:/dev/serial/by-id/usb-Quectel_M95-if02-port0", "smtp.example.com",
                "gateway@example.com").authentication("gateway", SECRET).apn("internet", "web", "apn-secret")
                .sender("gateway@example.com", "Gateway 7");
    }

    @Test
    void shouldTakeSettingsTheModuleCanTake() {
        QuectelConfiguration config = QuectelConfiguration.of(settings().build());

        assertThat(config.linkUri()).isEqualTo("serial:/dev/serial/by-id/usb-Quectel_M95-if02-port0");
        assertThat(config.engineName()).isEqualTo("usb-Quectel_M95-if02-port0");
        assertThat(config.lineBytesPerSecond()).isEqualTo(11_520.0);
        assertThat(config.defaultSender().address()).isEqualTo("gateway@example.com");
        assertThat(config.defaultSender().name()).isEqualTo("Gateway 7");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "smtpHost      | smtp host with a space",
        "smtpUser      | user of 51 characters",
        "smtpUser      | user with a quote",
        "smtpUser      | empty user with authentication",
        "smtpPassword  | password of 51 characters",
        "smtpPassword  | password with a quote",
        "smtpPassword  | password with a semicolon",
        "apn           | apn with a quote",
        "apnUser       | apn user of 51 characters",
        "apnPassword   | apn password with CR LF",
        "senderAddress | sender address without @",
        "senderName    | sender name with an umlaut",
        "linkUri       | link URI without a scheme",
        "linkUri       | link URI with another baud",
        "simPin        | PIN of 3 digits",
        "simPin        | PIN of 9 digits",
        "simPin        | PIN with a quote",
    })
    void shouldRefuseASettingTheModuleCannotTakeNamingIt(String field, String change) {
        UnaryOperator<MailerSettings.Builder> edit = switch (change) {
            case "smtp host with a space" -> b -> b.smtp("smtp example.com", 25);
            case "user of 51 characters" -> b -> b.authentication("u".repeat(51), SECRET);
            case "user with a quote" -> b -> b.authentication("gate\"way", SECRET);
            case "empty user with authentication" -> b -> b.authentication("", SECRET);
            case "password of 51 characters" -> b -> b.authentication("gateway", SECRET + "x".repeat(51));
            case "password with a quote" -> b -> b.authentication("gateway", SECRET + "\"");
            case "password with a semicolon" -> b -> b.authentication("gateway", SECRET + ";AT+QSMTPCLR");
            case "apn with a quote" -> b -> b.apn("inter\"net", "", "");
            case "apn user of 51 characters" -> b -> b.apn("internet", "u".repeat(51), "");
            case "apn password with CR LF" -> b -> b.apn("internet", "web", "apn\r\nAT");
            case "sender address without @" -> b -> b.sender("gateway", "");
            case "sender name with an umlaut" -> b -> b.sender("gateway@example.com", "Gerät");
            case "link URI without a scheme" -> b -> b.linkUri("/dev/ttyUSB2");
            case "link URI with another baud" -> b -> b.linkUri("serial:/dev/ttyUSB2?baud=9600").baud(115200);
            case "PIN of 3 digits" -> b -> b.simPin("471");
            case "PIN of 9 digits" -> b -> b.simPin("471147114");
            case "PIN with a quote" -> b -> b.simPin("47\"1");
            default -> throw new IllegalArgumentException(change);
        };
        MailerSettings bad = edit.apply(settings()).build();

        assertThatThrownBy(() -> QuectelConfiguration.of(bad)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_PARAMETER);
            assertThat(e.field()).hasValue(field);
        }).hasMessageStartingWith(field + ":").hasMessageNotContaining(SECRET).hasMessageNotContaining("apn-secret")
                .hasMessageNotContaining("471");
    }

    @Test
    void shouldTakeFiftyCharacterCredentials() {
        String fifty = "p".repeat(50);
        assertThat(QuectelConfiguration.of(settings().authentication("u".repeat(50), fifty).build())).isNotNull();
    }

    @Test
    void shouldIgnoreCredentialsWhenAuthenticationIsOff() {
        assertThat(QuectelConfiguration.of(settings().noAuthentication().build()).settings().authentication())
                .isFalse();
    }

    @Test
    void shouldAddTheFixedBaudRateAndFlowControlToTheLinkUri() {
        QuectelConfiguration config = QuectelConfiguration.of(settings().linkUri("serial:/dev/ttyUSB2").baud(9600)
                .flowControl(MailerSettings.FlowControl.RTS_CTS).build());

        assertThat(config.linkUri()).isEqualTo("serial:/dev/ttyUSB2?baud=9600&flow=rtscts");
        assertThat(config.lineBytesPerSecond()).isEqualTo(960.0);
        assertThat(QuectelConfiguration.of(settings().linkUri("serial:/dev/ttyUSB2?baud=9600").baud(9600).build())
                .linkUri()).isEqualTo("serial:/dev/ttyUSB2?baud=9600");
    }

    @ParameterizedTest
    @CsvSource({"emulator:bench, bench", "tcp://127.0.0.1:4001, 127.0.0.1_4001", "serial:/dev/ttyUSB2?baud=9600, ttyUSB2",
        "serial:COM3, COM3"})
    void shouldNameTheEngineAfterTheLinksLastPathSegment(String uri, String name) {
        assertThat(QuectelConfiguration.of(settings().linkUri(uri).build()).engineName()).isEqualTo(name);
    }

    @Test
    void shouldTakeAPinOfFourToEightDigitsOrNone() {
        assertThat(QuectelConfiguration.of(settings().simPin("4711").build())).isNotNull();
        assertThat(QuectelConfiguration.of(settings().simPin("47114711").build())).isNotNull();
        assertThat(QuectelConfiguration.of(settings().simPin("").build())).isNotNull();
    }

    @Test
    void shouldMaskThePasswordsAndThePinInToString() {
        assertThat(QuectelConfiguration.of(settings().simPin("9753").build()).toString())
                .doesNotContain(SECRET, "apn-secret", "9753");
    }
}
