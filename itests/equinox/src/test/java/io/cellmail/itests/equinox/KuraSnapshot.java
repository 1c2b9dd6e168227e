/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.equinox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A Kura snapshot fragment read the way Kura applies it (Settings, Snapshots, Upload and Apply): each
 * {@code esf:configuration} becomes the properties of one configuration, each {@code esf:property} a value of its
 * {@code type}, and a Password given with {@code encrypted="false"} is encrypted with Kura's {@link CryptoService}
 * before it is stored, so the component receives it encrypted as from the web UI.
 */
final class KuraSnapshot {

    /** The namespace of Kura's snapshots. */
    private static final String ESF = "http://eurotech.com/esf/2.0";

    /** One property as the file gives it. */
    record Property(String name, String type, boolean encrypted, String value) {
    }

    private final Map<String, List<Property>> configurations;

    private KuraSnapshot(Map<String, List<Property>> configurations) {
        this.configurations = configurations;
    }

    /** @return the snapshot in this file */
    static KuraSnapshot read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Map<String, List<Property>> configurations = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(ESF, "configuration");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element configuration = (Element) nodes.item(i);
                List<Property> properties = new ArrayList<>();
                NodeList propertyNodes = configuration.getElementsByTagNameNS(ESF, "property");
                for (int j = 0; j < propertyNodes.getLength(); j++) {
                    Element property = (Element) propertyNodes.item(j);
                    properties.add(new Property(property.getAttribute("name"), property.getAttribute("type"),
                            Boolean.parseBoolean(property.getAttribute("encrypted")),
                            property.getElementsByTagNameNS(ESF, "value").item(0).getTextContent()));
                }
                configurations.put(configuration.getAttribute("pid"), properties);
            }
        } catch (IOException e) {
            throw new IOException("Cannot read the snapshot " + file, e);
        }
        return new KuraSnapshot(configurations);
    }

    /** @return the PIDs of the snapshot's configurations ({@code kura.service.pid} of factory instances) */
    List<String> pids() {
        return List.copyOf(configurations.keySet());
    }

    /**
     * @param pid a configuration of the snapshot
     * @param edits what the operator changed in the file before uploading it, by property name
     * @param crypto Kura's crypto service
     * @return the properties Kura stores for it, typed, Passwords encrypted
     */
    Map<String, Object> properties(String pid, Map<String, String> edits, CryptoService crypto) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Property property : Objects.requireNonNull(configurations.get(pid), pid)) {
            String value = edits.getOrDefault(property.name(), property.value());
            properties.put(property.name(), typed(property, value, text -> encrypt(crypto, text)));
        }
        return properties;
    }

    private static Object typed(Property property, String value, UnaryOperator<String> encrypt) {
        switch (property.type()) {
            case "Integer":
                return Integer.valueOf(value);
            case "Long":
                return Long.valueOf(value);
            case "Boolean":
                return Boolean.valueOf(value);
            case "Password":
                return property.encrypted() ? value : encrypt.apply(value);
            case "String":
                return value;
            default:
                throw new IllegalArgumentException("Property " + property.name() + " has type " + property.type()
                        + ", which cellmail's snapshot does not use");
        }
    }

    private static String encrypt(CryptoService crypto, String plain) {
        try {
            return new String(crypto.encryptAes(plain.toCharArray()));
        } catch (KuraException e) {
            throw new IllegalStateException("Kura's crypto service refused to encrypt a snapshot password", e);
        }
    }
}
