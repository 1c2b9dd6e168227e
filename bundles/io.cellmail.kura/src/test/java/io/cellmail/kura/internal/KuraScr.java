/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.scr.impl.inject.internal.Annotations;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.SettingsFromConfiguration;

/**
 * Kura's properties turned into a {@link CellularMailConfiguration} as Felix SCR does it at runtime: the component
 * description's properties (the defaults bnd wrote into this bundle's {@code OSGI-INF/io.cellmail.kura.CellularMail.xml})
 * overlaid with the instance's properties, then SCR's own conversion to the component property type; and the same
 * for the plain service's component, to compare the two front doors.
 */
final class KuraScr {

    private static final String DESCRIPTION = "OSGI-INF/" + CellularMailComponent.PID + ".xml";
    private static final String PLAIN_DESCRIPTION = "OSGI-INF/" + CellularMailConfiguration.FACTORY_PID + ".xml";

    private KuraScr() {
    }

    static CellularMailConfiguration configuration(Map<String, ?> kuraProperties) {
        return convert(DESCRIPTION, kuraProperties);
    }

    /** @return the settings the plain service's component runs on for these properties, passwords as given */
    static MailServiceSettings plainSettings(Map<String, ?> properties, Path dataArea) {
        CellularMailConfiguration configuration = convert(PLAIN_DESCRIPTION, properties);
        return SettingsFromConfiguration.settings(configuration, properties, CellularMailSecrets.of(configuration),
                dataArea, null);
    }

    private static CellularMailConfiguration convert(String description, Map<String, ?> configuration) {
        Map<String, Object> properties = componentProperties(description);
        properties.putAll(configuration);
        return Annotations.toObject(CellularMailConfiguration.class, properties, null, true);
    }

    private static Map<String, Object> componentProperties(String description) {
        try (InputStream in = KuraScr.class.getClassLoader().getResourceAsStream(description)) {
            if (in == null) {
                throw new IllegalStateException(description + " is not on the class path: bnd did not run");
            }
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("property");
            Map<String, Object> properties = new HashMap<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element property = (Element) nodes.item(i);
                String value = property.getAttribute("value");
                properties.put(property.getAttribute("name"), switch (property.getAttribute("type")) {
                    case "Integer" -> Integer.valueOf(value);
                    case "Long" -> Long.valueOf(value);
                    case "Boolean" -> Boolean.valueOf(value);
                    default -> value;
                });
            }
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + description, e);
        }
    }
}
