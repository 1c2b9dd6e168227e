package io.cellmail.cli.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // the manual's own example, and the forms people type
        "AT+QSMTPPWD=\"test\"                          | AT+QSMTPPWD=\"****\"",
        "at+qsmtppwd=\"test\"                          | at+qsmtppwd=\"****\"",
        "AT+QSMTPPWD = \"with, comma \"\" quote\"      | AT+QSMTPPWD = \"****\"",
        "AT+QSMTPPWD=unquoted                          | AT+QSMTPPWD=****",
        // concatenated after another command: the rest of the line goes
        "AT+QSMTPUSER=\"u\";+QSMTPPWD=\"p\";+QSMTPNAME=\"n\" | AT+QSMTPUSER=\"u\";+QSMTPPWD=\"****\"",
        // the APN password is the fourth parameter
        "AT+QICSGP=1,\"CMNET\",\"user\",\"secret\"     | AT+QICSGP=1,\"CMNET\",\"user\",\"****\"",
        "AT+QICSGP=1,\"a,b\",\"u,v\",\"s,t\"           | AT+QICSGP=1,\"a,b\",\"u,v\",\"****\"",
        "AT+QICSGP=1, \"apn\", \"user\", \"secret\"    | AT+QICSGP=1, \"apn\", \"user\", \"****\"",
        // the SIM's PIN, or its PUK and a new PIN
        "AT+CPIN=\"4711\"                            | AT+CPIN=\"****\"",
        "AT+CPIN=\"12345678\",\"4711\"             | AT+CPIN=\"****\"",
        "AT+CPIN?                                      | AT+CPIN?",
        "+CPIN: SIM PIN                                | +CPIN: SIM PIN",
        // nothing secret: unchanged
        "AT+QICSGP=1,\"CMNET\"                         | AT+QICSGP=1,\"CMNET\"",
        "AT+QSMTPPWD?                                  | AT+QSMTPPWD?",
        "+QSMTPPWD: \"<****>\"                         | +QSMTPPWD: \"<****>\"",
        "AT+QSMTPUSER=\"quectel\"                      | AT+QSMTPUSER=\"quectel\"",
        "OK                                            | OK",
    })
    void shouldHidePasswordsAndNothingElse(String line, String shown) {
        assertThat(SecretMask.mask(line.strip())).isEqualTo(shown.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"AT+QSMTPPWD=\"hunter2\"", "AT+QICSGP=1,\"apn\",\"u\",\"hunter2\"",
        "ATE0;+QSMTPPWD=\"hunter2\"", "AT + QSMTPPWD=\"hunter2\"", "AT+CPIN=\"hunter2\"",
        "AT+CPIN=\"12345678\",\"hunter2\""})
    void shouldNeverLetThePasswordThrough(String line) {
        assertThat(SecretMask.mask(line)).doesNotContain("hunter2").contains(SecretMask.MASK);
    }
}
