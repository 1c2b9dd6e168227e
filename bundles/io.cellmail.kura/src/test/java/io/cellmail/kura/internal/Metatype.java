/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The attribute definitions of a metatype XML file on the class path. */
final class Metatype {

    /**
     * @param id the attribute id
     * @param name the label a web UI shows
     * @param description what it means
     * @param type the metatype type name (String, Integer, Long, Boolean, Password, ...)
     * @param required whether a value is required
     * @param cardinality 0 for a single value
     * @param defaultValue the default, or null when there is none
     * @param options the options as {@code value=label}, in order
     * @param min the smallest value, or null when there is no bound
     * @param max the largest value, or null when there is no bound
     */
    record Attribute(String id, String name, String description, String type, String required, String cardinality,
            String defaultValue, List<String> options, String min, String max) {

        /** @return the default as Kura seeds it into the configuration */
        Object typedDefault() {
            switch (type) {
                case "Integer":
                    return Integer.valueOf(defaultValue);
                case "Long":
                    return Long.valueOf(defaultValue);
                case "Boolean":
                    return Boolean.valueOf(defaultValue);
                default:
                    return defaultValue;
            }
        }
    }

    private Metatype() {
    }

    /** @return the attributes of the first OCD of the resource, by id, in file order */
    static Map<String, Attribute> attributes(String resource) {
        Element ocd = (Element) parse(resource).getElementsByTagName("OCD").item(0);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        NodeList ads = ocd.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            List<String> options = new ArrayList<>();
            NodeList optionElements = ad.getElementsByTagName("Option");
            for (int j = 0; j < optionElements.getLength(); j++) {
                Element option = (Element) optionElements.item(j);
                options.add(option.getAttribute("value") + "=" + option.getAttribute("label"));
            }
            String id = ad.getAttribute("id");
            // Absent attributes take the metatype schema's defaults (required true, cardinality 0), and a default's
            // escaped blanks are blanks: bnd writes both forms, a hand-written file the plain one.
            attributes.put(id, new Attribute(id, ad.getAttribute("name"), ad.getAttribute("description"),
                    ad.getAttribute("type"), ad.hasAttribute("required") ? ad.getAttribute("required") : "true",
                    ad.hasAttribute("cardinality") ? ad.getAttribute("cardinality") : "0",
                    ad.hasAttribute("default") ? ad.getAttribute("default").replaceAll("\\\\(.)", "$1") : null,
                    options,
                    ad.hasAttribute("min") ? ad.getAttribute("min") : null,
                    ad.hasAttribute("max") ? ad.getAttribute("max") : null));
        }
        return attributes;
    }

    /** @return the configuration Kura would seed a new instance with: every attribute's default */
    static Map<String, Object> defaults(String resource) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        attributes(resource).values().forEach(attribute -> defaults.put(attribute.id(), attribute.typedDefault()));
        return defaults;
    }

    private static Document parse(String resource) {
        try (InputStream in = Metatype.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot parse " + resource, e);
        }
    }
}
