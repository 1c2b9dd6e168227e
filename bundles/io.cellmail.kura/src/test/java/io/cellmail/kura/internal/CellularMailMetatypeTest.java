/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.internal.SettingsFromConfiguration;

/**
 * The hand-written Kura metatype describes the configuration defined once by {@link CellularMailConfiguration}:
 * every attribute of the metatype bnd generates from it, with the same name, description, type (Password
 * included), required flag, cardinality, default, options and range, in the same order; one setting means the same
 * in both front doors. Kura's own rules for the file are checked on the built bundle by the integration tests.
 */
class CellularMailMetatypeTest {

    private static final String KURA = "OSGI-INF/metatype/" + CellularMailComponent.PID + ".xml";
    private static final String PLAIN = "OSGI-INF/metatype/" + CellularMailConfiguration.FACTORY_PID + ".xml";
    /** Kura lists instances by their {@code kura.service.pid}; a web console's name pattern would be a stray field. */
    private static final String NAME_HINT = "webconsole.configurationFactory.nameHint";

    @Test
    void shouldDeclareEveryAttributeOfTheOneDefinitionExactlyAsTheGeneratedMetatypeDoes() {
        Map<String, Metatype.Attribute> definition = new LinkedHashMap<>(Metatype.attributes(PLAIN));
        definition.remove(NAME_HINT);

        assertThat(Metatype.attributes(KURA)).containsExactlyEntriesOf(definition);
    }

    @Test
    void shouldGiveTheSameServiceAsThePlainComponentFromTheDefaultsKuraSeedsOnceAPortIsSet() {
        Map<String, Object> seeded = KuraProperties.instance("modem1").toMap();
        seeded.putAll(Metatype.defaults(KURA));
        assertThat(seeded).as("the default: not configured yet").containsEntry("port", "");
        seeded.put("port", "serial:/dev/ttyS1");
        Path dataArea = Path.of("/var/kura/data");

        CellularMailOptions options = new CellularMailOptions(KuraScr.configuration(seeded),
                new KuraPasswords(new ReversingCrypto()), null);

        assertThat(SettingsFromConfiguration.settings(options.configuration(), seeded,
                options.secrets(), dataArea))
                .isEqualTo(KuraScr.plainSettings(Map.of("port", "serial:/dev/ttyS1"), dataArea));
    }
}
