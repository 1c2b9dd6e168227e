/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.quectel.QuectelMailerFactory;
import io.cellmail.quectel.auto.AutoMailerFactory;
import io.cellmail.quectel.lte.QuectelLteMailerFactory;
import io.cellmail.serial.internal.SerialLinkRegistry;

class DialectsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gsm,         quectel-gsm",
        "quectel-gsm, quectel-gsm",
        "' GSM ',     quectel-gsm",
        "lte,         quectel-lte",
        "quectel-lte, quectel-lte",
        "auto,        auto",
        "AUTO,        auto",
    })
    void shouldReadEveryNameOfADialect(String given, String dialect) throws UsageException {
        assertThat(Dialects.parse(Optional.of(given))).isEqualTo(dialect);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "cdma", "quectel", "gsm-lte" })
    void shouldRefuseAnyOtherName(String given) {
        assertThatThrownBy(() -> Dialects.parse(Optional.of(given))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--dialect");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "auto", "quectel-gsm", "quectel-lte" })
    void shouldMakeTheFactoryOfTheDialect(String dialect) throws UsageException {
        DialectInUse inUse = new DialectInUse();
        Object factory = Dialects.factory(Dialects.parse(Optional.of(dialect)),
                new SerialLinkRegistry(List.of()), inUse);

        assertThat(factory).isInstanceOf(switch (dialect) {
            case "auto" -> AutoMailerFactory.class;
            case "quectel-lte" -> QuectelLteMailerFactory.class;
            default -> QuectelMailerFactory.class;
        });
        assertThat(inUse.name()).as("auto knows its dialect only once it found the module")
                .isEqualTo(dialect.equals("auto") ? Optional.empty() : Optional.of(dialect));
    }

    @Test
    void shouldDriveTheModuleInAutoWhenNoDialectIsGiven() throws UsageException {
        assertThat(Dialects.parse(Optional.empty())).isEqualTo("auto");
    }
}
