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
     * @param type the metatype type name (String, Integer, Long, Boolean, Password, ...)
     * @param defaultValue the default, or null when there is none
     * @param options the option values, in order
     * @param min the smallest value, or null when there is no bound
     * @param max the largest value, or null when there is no bound
     */
    record Attribute(String id, String type, String defaultValue, List<String> options, String min, String max) {

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
                options.add(((Element) optionElements.item(j)).getAttribute("value"));
            }
            String id = ad.getAttribute("id");
            attributes.put(id, new Attribute(id, ad.getAttribute("type"),
                    ad.hasAttribute("default") ? ad.getAttribute("default") : null, options,
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
