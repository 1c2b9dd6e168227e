/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.service.internal.SettingsFromConfiguration;

/**
 * The Kura snapshot fragment the repository ships ({@code config/kura/cellmail-snapshot.xml}) sets only attributes
 * of the component's metatype, each with the metatype's type, and its values make a working service: a renamed
 * setting or a changed type fails the build instead of an operator's Upload and Apply.
 */
class KuraSnapshotTest {

    private static final Path SNAPSHOT = Path.of("../../config/kura/cellmail-snapshot.xml");
    private static final String KURA = "OSGI-INF/metatype/" + CellularMailComponent.PID + ".xml";

    @Test
    void shouldSetOnlyMetatypeAttributesWithTheirTypesAndValuesTheServiceAccepts() throws Exception {
        Map<String, Metatype.Attribute> attributes = Metatype.attributes(KURA);
        Map<String, Object> properties = new HashMap<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SNAPSHOT.toFile())
                .getElementsByTagName("esf:property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            String name = property.getAttribute("name");
            String type = property.getAttribute("type");
            String value = property.getElementsByTagName("esf:value").item(0).getTextContent();
            properties.put(name, typed(type, value));
            if (name.equals("service.factoryPid") || name.equals(CellularMailOptions.KURA_SERVICE_PID)) {
                continue;
            }
            assertThat(attributes).as("snapshot property %s is an attribute of %s", name, KURA).containsKey(name);
            assertThat(type).as("type of %s", name).isEqualTo(attributes.get(name).type());
        }
        assertThat(properties).containsEntry("service.factoryPid", CellularMailComponent.PID);
        // Applied as it is, the instance is not configured yet and opens nothing: no port fits every gateway.
        assertThat(properties).as("the port, left for the operator to EDIT").containsEntry("port", "");
        properties.put("port", "serial:/dev/serial/by-id/usb-Quectel_M95-if02-port0");

        CellularMailOptions options = new CellularMailOptions(KuraScr.configuration(properties),
                new KuraPasswords(new ReversingCrypto()), null);
        assertThatCode(() -> SettingsFromConfiguration.settings(options.configuration(), properties, options.secrets(),
                Path.of("/opt/eclipse/kura/data"))).doesNotThrowAnyException();
    }

    private static Object typed(String type, String value) {
        return switch (type) {
            case "Integer" -> Integer.valueOf(value);
            case "Long" -> Long.valueOf(value);
            case "Boolean" -> Boolean.valueOf(value);
            default -> value;
        };
    }
}
