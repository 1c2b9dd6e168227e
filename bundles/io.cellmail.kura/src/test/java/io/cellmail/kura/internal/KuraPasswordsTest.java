/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.kura.crypto.CryptoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KuraPasswordsTest {

    private final KuraPasswords passwords = new KuraPasswords(new ReversingCrypto());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an encrypted value decrypts          | enc:terces       | secret",
        "a value Kura did not encrypt is used | plain-secret     | plain-secret",
        "spaces are part of a password        | 'enc: a b '      | ' b a '",
    })
    void shouldRevealThePassword(String description, String value, String expected) {
        assertThat(passwords.reveal(".smtpPassword", value, "current")).isEqualTo(expected);
    }

    @Test
    void shouldGiveAnEmptyPasswordForAnEmptyOrAbsentValue() {
        assertThat(passwords.reveal(".smtpPassword", "", "current")).isEmpty();
        assertThat(passwords.reveal(".smtpPassword", null, "current")).isEmpty();
    }

    @Test
    void shouldKeepThePasswordInUseWhenKuraSendsItsPlaceholder() {
        assertThat(passwords.reveal(".smtpPassword", KuraPasswords.PLACEHOLDER, "in-use")).isEqualTo("in-use");
    }

    @Test
    void shouldNeverTakeThePlaceholderForAPassword() {
        assertThat(passwords.reveal(".smtpPassword", KuraPasswords.PLACEHOLDER, "")).isEmpty();
    }

    @Test
    void shouldUseTheValueAsGivenWhenTheCryptoServiceRejectsItsFormat() {
        CryptoService strict = new CryptoService() {
            @Override
            public char[] encryptAes(char[] value) {
                return value;
            }

            @Override
            public char[] decryptAes(char[] encryptedValue) {
                throw new IllegalArgumentException("Illegal base64 character 2d");
            }
        };

        assertThat(new KuraPasswords(strict).reveal(".apnPassword", "not-base64", "")).isEqualTo("not-base64");
    }
}
