/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.nio.file.Path;
import java.util.Map;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.ScrConfiguration;

/**
 * Kura's properties turned into a {@link CellularMailConfiguration} as Felix SCR does it at runtime, by the service
 * bundle's {@link ScrConfiguration} (its test jar) with this bundle's component description
 * ({@code OSGI-INF/io.cellmail.kura.CellularMail.xml}); and the same for the plain service's component, to compare
 * the two front doors.
 */
final class KuraScr {

    private static final String DESCRIPTION = "OSGI-INF/" + CellularMailComponent.PID + ".xml";

    private KuraScr() {
    }

    static CellularMailConfiguration configuration(Map<String, ?> kuraProperties) {
        return ScrConfiguration.of(DESCRIPTION, kuraProperties);
    }

    /** @return the settings the plain service's component runs on for these properties, passwords as given */
    static MailServiceSettings plainSettings(Map<String, ?> properties, Path dataArea) {
        return ScrConfiguration.settings(properties, dataArea);
    }
}
