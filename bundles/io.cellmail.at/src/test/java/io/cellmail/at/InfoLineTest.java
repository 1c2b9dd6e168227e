/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfoLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "+CSQ: 20,0                              | +CSQ:       | 20;0",
        "+CSQ:20,0                               | +CSQ:       | 20;0",
        "+QSMTPBODY:2009                         | +QSMTPBODY: | 2009",
        "+QSMTPPUT: 0                            | +QSMTPPUT:  | 0",
        "+QSMTPPUT:-535                          | +QSMTPPUT:  | -535",
        "+QSMTPATT: 1, \"bigfile.txt\", 20090    | +QSMTPATT:  | 1;bigfile.txt;20090",
        "+QSMTPATT:1,\"bigfile.txt\",20090       | +QSMTPATT:  | 1;bigfile.txt;20090",
        "+QSMTPSRV: \"smtp.163.com\",25          | +QSMTPSRV:  | smtp.163.com;25",
        "+QSMTPSUB: 0,\"SMTP TEST\"              | +QSMTPSUB:  | 0;SMTP TEST",
        "+QSMTPSUB: 0,\"a, b\"                   | +QSMTPSUB:  | 0;a, b",
        "+QSMTPDST: (0,1),(1-3),\"ADDRESS\"      | +QSMTPDST:  | (0,1);(1-3);ADDRESS",
        "+QSMTPPWD: \"<****>\"                   | +QSMTPPWD:  | <****>",
        "+CREG: 0,1                              | +CREG:      | 0;1",
        "+QSMTPNAME: \"\"                        | +QSMTPNAME: | ''",
    })
    void shouldSplitFieldsLeniently(String line, String prefix, String expected) {
        List<String> fields = Arrays.asList(expected.split(";", -1));
        if (expected.equals("''")) {
            fields = List.of("");
        }

        assertThat(new InfoLine(line, prefix).fields()).containsExactlyElementsOf(fields);
    }

    @Test
    void shouldGiveTypedFieldAccess() {
        InfoLine line = new InfoLine("+QSMTPATT: 1, \"bigfile.txt\", 20090", "+QSMTPATT:");

        assertThat(line.intField(0)).isEqualTo(1);
        assertThat(line.stringField(1)).isEqualTo("bigfile.txt");
        assertThat(line.intField(2)).isEqualTo(20090);
        assertThat(line.fieldCount()).isEqualTo(3);
        assertThat(line.text()).isEqualTo("1, \"bigfile.txt\", 20090");
    }

    @Test
    void shouldReportMissingOrNonNumericFieldsAsProtocolErrors() {
        InfoLine line = new InfoLine("+CSQ: x", "+CSQ:");

        assertThatThrownBy(() -> line.intField(0)).isInstanceOfSatisfying(AtException.class,
                e -> assertThat(e.kind()).isEqualTo(AtException.Kind.PROTOCOL));
        assertThatThrownBy(() -> line.stringField(3)).isInstanceOfSatisfying(AtException.class,
                e -> assertThat(e.kind()).isEqualTo(AtException.Kind.PROTOCOL));
    }

    @Test
    void shouldHaveNoFieldsForAnEmptyText() {
        assertThat(new InfoLine("+CSQ:", "+CSQ:").fields()).isEmpty();
    }

    @Test
    void shouldRejectALineThatDoesNotStartWithItsPrefix() {
        assertThatThrownBy(() -> new InfoLine("+CSQ: 1", "+CREG:")).isInstanceOf(IllegalArgumentException.class);
    }
}
