/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.service.sms.SmsEncoding;

/** An SMS request is checked when it is made: nothing a caller gives reaches a command line unchecked. */
class SmsRequestTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"+41791234567", "+123456789012345", "0791234567", "112", "12345678901234567890"})
    void shouldAcceptE164AndNationalNumbers(String number) {
        assertThat(new SmsRequest(number, "Pump 3 high", 1).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "refuses [{0}]")
    @ValueSource(strings = {"", "+", "+1234567890123456", "123456789012345678901", "+41 79 123 45 67",
        "+41-79", "+41\"\r\nAT+CMGD=1,4", "+41791234567\u001a", "41;AT", "\u0660\u0661", "++41"})
    void shouldRefuseAnythingElseAsANumberWithoutRepeatingIt(String number) {
        assertThatThrownBy(() -> new SmsRequest(number, "x", 1)).isInstanceOf(MailException.class)
                .asInstanceOf(type(MailException.class)).satisfies(e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).contains("number");
                    if (number.length() > 2) {
                        assertThat(e.getMessage()).doesNotContain(number);
                    }
                });
    }

    @Test
    void shouldRefuseAnEmptyTextAnUnpairedSurrogateAndTooManyParts() {
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "", 1))).isEqualTo("text");
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "x\uD83D", 1))).isEqualTo("text");
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "\uDE00x", 1))).isEqualTo("text");
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "ж".repeat(71), 1))).isEqualTo("text");
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "x", 0))).isEqualTo("maxParts");
        assertThat(fieldOf(() -> new SmsRequest("+41791234567", "x", 256))).isEqualTo("maxParts");
        assertThat(new SmsRequest("+41791234567", "ж".repeat(71), 2).segments().count()).isEqualTo(2);
    }

    @Test
    void shouldMaskAllButTheLastDigitsOfTheNumber() {
        assertThat(SmsRequest.single("+41791234567", "x").maskedNumber()).isEqualTo("**********67");
    }

    @Test
    void shouldHoldOneMessageReferenceForEachPart() {
        assertThat(new SmsReceipt(2, List.of(7, 8), SmsEncoding.UCS2).messageReferences()).containsExactly(7, 8);
        assertThatThrownBy(() -> new SmsReceipt(2, List.of(7), SmsEncoding.UCS2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String fieldOf(Runnable making) {
        try {
            making.run();
        } catch (MailException e) {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
            return e.field().orElseThrow();
        }
        throw new AssertionError("accepted");
    }
}
