package io.cellmail.emulator.internal.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords never survive masking, whatever shape the command line has. */
class SecretMaskTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPPWD="test"                          | AT+QSMTPPWD="****"
            at+qsmtppwd="test"                          | at+qsmtppwd="****"
            AT+QSMTPPWD = "test"                        | AT+QSMTPPWD = "****"
            AT+QSMTPPWD="test";+QSMTPUSER="u"           | AT+QSMTPPWD="****";+QSMTPUSER="u"
            AT+QSMTPPWD="te"st"                         | AT+QSMTPPWD="****"
            AT+QSMTPPWD="te;st                          | AT+QSMTPPWD="****"
            AT+QSMTPPWD=test                            | AT+QSMTPPWD="****"
            AT+QSMTPPWD=?                               | AT+QSMTPPWD=?
            AT+QSMTPPWD?                                | AT+QSMTPPWD?
            +QSMTPPWD: "****"                           | +QSMTPPWD: "****"
            AT+QICSGP=1,"CMNET","user","test"           | AT+QICSGP=1,"CMNET","user","****"
            AT+QICSGP=1,"CM,NET","us,er","test"         | AT+QICSGP=1,"CM,NET","us,er","****"
            AT+QICSGP=1,"CMNET"                         | AT+QICSGP=1,"CMNET"
            AT+QICSGP=1,"CMNET";+QSMTPPWD="test"        | AT+QICSGP=1,"CMNET";+QSMTPPWD="****"
            AT+QSMTPUSER="test"                         | AT+QSMTPUSER="test"
            """)
    void shouldMaskEveryPassword(String line, String masked) {
        assertThat(SecretMask.mask(line)).isEqualTo(masked);
    }
}
