/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.scr.impl.inject.internal.Annotations;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;

/**
 * Configuration properties turned into a {@link CellularMailConfiguration} as Felix SCR does it at runtime: the
 * component description's properties (the defaults bnd wrote into {@code OSGI-INF/io.cellmail.mail.xml}, or into
 * another component's description) overlaid with the configuration, then SCR's own conversion to the component
 * property type. Text is converted to the attribute's type, and a value that cannot be converted throws when its
 * attribute is read. Shared with the Kura bundle's tests through this bundle's test jar.
 */
public final class ScrConfiguration {

    /** The plain component's description, as bnd generates it. */
    public static final String DESCRIPTION = "OSGI-INF/" + CellularMailConfiguration.FACTORY_PID + ".xml";

    /** The port of a configured instance, where a test's configuration names none. */
    public static final String CONFIGURED_PORT = "serial:/dev/ttyS1";

    private ScrConfiguration() {
    }

    /**
     * @param configuration the configuration properties
     * @return the plain component's configuration
     */
    public static CellularMailConfiguration of(Map<String, ?> configuration) {
        return of(DESCRIPTION, configuration);
    }

    /**
     * @param description the class path resource of a component description whose properties are the defaults
     * @param configuration the configuration properties
     * @return that component's configuration
     */
    public static CellularMailConfiguration of(String description, Map<String, ?> configuration) {
        Map<String, Object> properties = componentProperties(description);
        properties.putAll(configuration);
        return Annotations.toObject(CellularMailConfiguration.class, properties, null, true);
    }

    /**
     * @param configuration the configuration properties
     * @param dataArea the data area default outboxes live in
     * @return the settings the component runs on for this configuration, passwords as given; a configuration without
     *     a port gets {@value #CONFIGURED_PORT}, since without one the component runs nothing (it is not configured
     *     yet) and no settings exist
     */
    public static MailServiceSettings settings(Map<String, ?> configuration, Path dataArea) {
        Map<String, Object> configured = new HashMap<>(configuration);
        configured.merge("port", CONFIGURED_PORT, (given, port) -> String.valueOf(given).isBlank() ? port : given);
        CellularMailConfiguration typed = of(configured);
        return SettingsFromConfiguration.settings(typed, configured, CellularMailSecrets.of(typed), dataArea);
    }

    /** @return the properties of the plain component's generated description, typed as SCR reads them */
    static Map<String, Object> componentProperties() {
        return componentProperties(DESCRIPTION);
    }

    /**
     * @param description the class path resource of a component description
     * @param service the interface a reference of it binds
     * @return that reference's element
     */
    static Element reference(String description, Class<?> service) {
        NodeList nodes = parse(description).getElementsByTagName("reference");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element reference = (Element) nodes.item(i);
            if (reference.getAttribute("interface").equals(service.getName())) {
                return reference;
            }
        }
        throw new IllegalStateException(description + " has no reference to " + service.getName());
    }

    private static Document parse(String description) {
        try (InputStream in = ScrConfiguration.class.getClassLoader().getResourceAsStream(description)) {
            if (in == null) {
                throw new IllegalStateException(description + " is not on the class path: bnd did not run");
            }
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + description, e);
        }
    }

    private static Map<String, Object> componentProperties(String description) {
        try (InputStream in = ScrConfiguration.class.getClassLoader().getResourceAsStream(description)) {
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
