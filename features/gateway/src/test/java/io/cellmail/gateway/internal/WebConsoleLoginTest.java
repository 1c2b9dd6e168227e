/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebConsoleLoginTest {

    /** Felix Web Console's stored form: {sha-256}salt-iterations-base64(SHA-256 applied iterations times). */
    private static final Pattern FELIX_HASH = Pattern.compile("\\{sha-256}([0-9a-f]{16})-(\\d+)-(\\S+)");

    @Test
    void shouldGenerateAFreshPasswordForEveryRunWhenTheOperatorSetsNone() throws Exception {
        WebConsoleLogin first = WebConsoleLogin.from(Map.of(), true);
        WebConsoleLogin second = WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, ""), true);

        assertThat(first.generated()).isTrue();
        assertThat(first.password()).hasSize(20).matches("[a-zA-Z2-9]+").isNotEqualTo(second.password());
    }

    @Test
    void shouldTakeTheOperatorsPasswordFromTheEnvironment() throws Exception {
        WebConsoleLogin login = WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, "pump-station-3"),
                true);

        assertThat(login.generated()).isFalse();
        assertThat(login.password()).isEqualTo("pump-station-3");
    }

    @Test
    void shouldNotGenerateAPasswordWhereNoOperatorIsAtTheTerminalToReadIt() throws Exception {
        assertThatThrownBy(() -> WebConsoleLogin.from(Map.of(), false))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining(WebConsoleLogin.PASSWORD_VARIABLE);
        assertThat(WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, "pump-station-3"), false)
                .generated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "short"})
    void shouldRefuseFelixsDefaultAndShortPasswordsWithoutNamingThem(String password) {
        assertThatThrownBy(() -> WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, password), true))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining(WebConsoleLogin.PASSWORD_VARIABLE)
                .hasMessageNotContaining(password);
    }

    @Test
    void shouldHandTheConsoleASaltedHashInFelixsFormat() throws Exception {
        WebConsoleLogin login = WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, "pump-station-3"),
                true);

        String hashed = login.hashed();

        assertThat(hashed).doesNotContain("pump-station-3").isNotEqualTo(login.hashed());
        Matcher parts = FELIX_HASH.matcher(hashed);
        assertThat(parts.matches()).as(hashed).isTrue();
        byte[] bytes = (parts.group(1) + "pump-station-3").getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < Integer.parseInt(parts.group(2)); i++) {
            bytes = digest.digest(bytes);
        }
        assertThat(parts.group(3)).isEqualTo(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void shouldNeverShowThePasswordAsText() throws Exception {
        WebConsoleLogin login = WebConsoleLogin.from(Map.of(WebConsoleLogin.PASSWORD_VARIABLE, "pump-station-3"),
                true);

        assertThat(login.toString()).doesNotContain("pump-station-3").contains("****");
    }
}
