package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ">> AT+QSMTPPWD=\"secret\"                      | >> AT+QSMTPPWD=\"****\"",
        ">> at+qsmtppwd=\"secret\"                      | >> at+qsmtppwd=\"****\"",
        ">> AT+QSMTPPWD=\"****\"                        | >> AT+QSMTPPWD=\"****\"",
        ">> AT+QSMTPPWD=\"unterminated                  | >> AT+QSMTPPWD=\"****\"",
        ">> AT+QSMTPPWD=bare                            | >> AT+QSMTPPWD=\"****\"",
        ">> AT+QICSGP=1,\"apn\",\"user\",\"secret\"     | >> AT+QICSGP=1,\"apn\",\"user\",\"****\"",
        ">> AT+QICSGP=1,\"apn\"                         | >> AT+QICSGP=1,\"apn\"",
        "<< +QSMTPPUT: 0                                | << +QSMTPPUT: 0",
        ">> AT+QSMTPUSER=\"gateway\"                    | >> AT+QSMTPUSER=\"gateway\"",
    })
    void shouldMaskThePasswordParameterOnly(String line, String masked) {
        assertThat(TranscriptMask.mask(line)).isEqualTo(masked);
    }
}
