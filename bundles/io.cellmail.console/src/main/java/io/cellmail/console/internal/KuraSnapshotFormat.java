/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.service.metatype.AttributeDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import io.cellmail.service.config.StoredConfiguration;

/**
 * A configuration as a Kura snapshot fragment: the {@code esf:configurations} document that Kura's web UI applies
 * with Settings → Snapshots → Upload and Apply, one {@code esf:configuration} of the factory component
 * {@value #KURA_FACTORY_PID} whose {@code kura.service.pid} is the service's name. Passwords are left out.
 */
final class KuraSnapshotFormat {

    /** The Kura component's factory PID (bundle io.cellmail.kura, which no bundle imports). */
    static final String KURA_FACTORY_PID = "io.cellmail.kura.CellularMail";
    static final String ESF = "http://eurotech.com/esf/2.0";
    /** Kura's own properties of an instance: what makes it one, no setting of ours. */
    private static final Set<String> BOOKKEEPING = Set.of("service.factoryPid", "kura.service.pid", "service.pid");

    /**
     * One configuration of a fragment.
     *
     * @param pid its {@code kura.service.pid}
     * @param settings its settings as text, without Kura's bookkeeping and without passwords
     * @param passwordsLeftOut the Password properties it held, not imported
     */
    record Entry(String pid, Map<String, String> settings, List<String> passwordsLeftOut) {
    }

    private KuraSnapshotFormat() {
    }

    static String write(StoredConfiguration configuration, SettingCheck check) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!-- cellmail service ").append(xml(configuration.name())).append(", exported by cellmail:config "
                + "from ").append(xml(configuration.id())).append(". Apply it in Kura's web UI with Settings -> "
                + "Snapshots -> Upload and Apply, or with cellmail:config import. Passwords are left out");
        if (!configuration.passwordsSet().isEmpty()) {
            out.append(" (set on the source: ").append(String.join(", ", configuration.passwordsSet())).append(')');
        }
        out.append(". -->\n");
        out.append("<esf:configurations xmlns:esf=\"").append(ESF)
                .append("\" xmlns:ocd=\"http://www.osgi.org/xmlns/metatype/v1.2.0\">\n");
        out.append("  <esf:configuration pid=\"").append(xml(configuration.name())).append("\">\n");
        out.append("    <esf:properties>\n");
        property(out, "service.factoryPid", "String", KURA_FACTORY_PID);
        property(out, "kura.service.pid", "String", configuration.name());
        for (Map.Entry<String, Object> entry : new TreeMap<>(configuration.values()).entrySet()) {
            String type = check.attribute(entry.getKey()).map(KuraSnapshotFormat::kuraType).orElse("String");
            property(out, entry.getKey(), type, String.valueOf(entry.getValue()));
        }
        out.append("    </esf:properties>\n  </esf:configuration>\n</esf:configurations>\n");
        return out.toString();
    }

    private static void property(StringBuilder out, String name, String type, String value) {
        out.append("      <esf:property array=\"false\" encrypted=\"false\" name=\"").append(xml(name))
                .append("\" type=\"").append(type).append("\">\n        <esf:value>").append(xml(value))
                .append("</esf:value>\n      </esf:property>\n");
    }

    /** @return Kura's name of the metatype type */
    private static String kuraType(AttributeDefinition attribute) {
        switch (attribute.getType()) {
            case AttributeDefinition.INTEGER:
                return "Integer";
            case AttributeDefinition.LONG:
                return "Long";
            case AttributeDefinition.BOOLEAN:
                return "Boolean";
            case AttributeDefinition.PASSWORD:
                return "Password";
            default:
                return "String";
        }
    }

    static boolean looksLikeOne(String text) {
        return text.stripLeading().startsWith("<");
    }

    /** @return every configuration of the fragment */
    static List<Entry> read(String text) throws UsageException {
        Document document = parse(text);
        List<Entry> entries = new ArrayList<>();
        NodeList configurations = document.getElementsByTagNameNS(ESF, "configuration");
        for (int i = 0; i < configurations.getLength(); i++) {
            Element configuration = (Element) configurations.item(i);
            Map<String, String> settings = new LinkedHashMap<>();
            List<String> passwords = new ArrayList<>();
            NodeList properties = configuration.getElementsByTagNameNS(ESF, "property");
            for (int j = 0; j < properties.getLength(); j++) {
                Element property = (Element) properties.item(j);
                String name = property.getAttribute("name");
                if (BOOKKEEPING.contains(name)) {
                    continue;
                }
                if ("Password".equals(property.getAttribute("type"))) {
                    passwords.add(name);
                    continue;
                }
                NodeList values = property.getElementsByTagNameNS(ESF, "value");
                if ("true".equals(property.getAttribute("array")) || values.getLength() > 1) {
                    throw new UsageException(name + ": cellmail settings hold one value, not an array");
                }
                settings.put(name, values.getLength() == 0 ? "" : values.item(0).getTextContent());
            }
            entries.add(new Entry(configuration.getAttribute("pid"), settings, passwords));
        }
        if (entries.isEmpty()) {
            throw new UsageException("the Kura snapshot holds no esf:configuration");
        }
        return entries;
    }

    private static Document parse(String text) throws UsageException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A snapshot is data: no DTD, no external entity may make the parser read a file or the network.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new UsageException("not a Kura snapshot: " + e.getMessage());
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
