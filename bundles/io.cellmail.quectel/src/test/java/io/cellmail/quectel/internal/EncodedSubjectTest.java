/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

class EncodedSubjectTest {

    @ParameterizedTest
    @CsvSource({"ASCII", "UTF_8", "GB2312", "BIG5"})
    void shouldSendSafeAsciiAsPlainTextWhateverTheMailsCharset(MailCharset charset) {
        EncodedSubject subject = EncodedSubject.of("Pump 3 pressure high, 7.9 bar (50%)", charset);

        assertThat(subject.charset()).isZero();
        assertThat(subject.title()).isEqualTo("Pump 3 pressure high, 7.9 bar (50%)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Say \"hi\"", "a;AT+QSMTPCLR", "back\\slash", "\"", "\";AT+QSMTPCLR;\""})
    void shouldSendAnAsciiSubjectWithUnsafeCharactersAsUtf8Hex(String text) {
        EncodedSubject subject = EncodedSubject.of(text, MailCharset.ASCII);

        assertThat(subject.charset()).isEqualTo(MailCharset.UTF_8.code());
        assertThat(new String(HexFormat.of().parseHex(subject.title()), MailCharset.UTF_8.charset())).isEqualTo(text);
        assertThat(subject.title()).matches("[0-9A-F]*");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "UTF_8,  Überdruck in Pumpe 3 – sofort prüfen",
        "GB2312, 三号泵压力过高",
        "BIG5,   三號泵壓力過高",
    })
    void shouldSendOtherSubjectsAsHexInTheMailsCharset(MailCharset charset, String text) {
        EncodedSubject subject = EncodedSubject.of(text, charset);

        assertThat(subject.charset()).isEqualTo(charset.code());
        assertThat(subject.title()).isEqualTo(HexFormat.of().withUpperCase().formatHex(text.getBytes(charset.charset())));
    }

    @Test
    void shouldTakeOneHundredAsciiCharactersButNotOneMore() {
        assertThat(EncodedSubject.of("x".repeat(100), MailCharset.ASCII).title()).hasSize(100);
        assertInvalid(() -> EncodedSubject.of("x".repeat(101), MailCharset.ASCII), "101 characters");
    }

    @Test
    void shouldTakeOneHundredEncodedBytesButNotOneMore() {
        String fifty = "压".repeat(50);
        assertThat(fifty.getBytes(Charset.forName("GB2312"))).hasSize(100);
        assertThat(EncodedSubject.of(fifty, MailCharset.GB2312).title()).hasSize(200);
        assertInvalid(() -> EncodedSubject.of(fifty + "压", MailCharset.GB2312), "102 bytes");
        assertInvalid(() -> EncodedSubject.of("ü".repeat(51), MailCharset.UTF_8), "102 bytes");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({"GB2312, 三號泵", "BIG5, 三号泵", "GB2312, €", "ASCII, Überdruck"})
    void shouldRefuseTextTheCharsetCannotHold(MailCharset charset, String text) {
        assertInvalid(() -> EncodedSubject.of(text, charset), "cannot be encoded in " + charset);
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {"000D", "000A", "0000", "0009", "001B", "007F", "0085"})
    void shouldRefuseControlCharactersBecauseASubjectIsOneLine(String hex) {
        String text = "Alarm" + (char) Integer.parseInt(hex, 16) + "AT+QSMTPCLR";
        assertInvalid(() -> EncodedSubject.of(text, MailCharset.UTF_8), "U+" + hex);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
            assertThat(e.field()).hasValue("subject");
        }).hasMessageContaining(detail);
    }
}
