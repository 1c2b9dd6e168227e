/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configuration table of the repository's README is the metatype generated from {@code CellularMailConfiguration},
 * rendered: every attribute in order with its type, range, default and description, and nothing else. Operators read
 * the README, so it must not drift from what the component accepts. The table this build expects is written to
 * {@code target/configuration-table.md}; after changing the definition, paste it into the README.
 */
class ReadmeConfigurationReferenceTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path METATYPE = Path.of("target/classes/OSGI-INF/metatype/io.cellmail.mail.xml");
    private static final Path RENDERED = Path.of("target/configuration-table.md");
    private static final String HEADER = "| attribute | type | default | meaning |";

    @Test
    void shouldShowEveryAttributeOfTheDefinitionWithItsTypeRangeDefaultAndDescription() throws Exception {
        String expected = renderedTable();
        Files.writeString(RENDERED, expected);

        assertThat(readmeTable()).as("README's configuration table; the expected one is in " + RENDERED.toAbsolutePath())
                .isEqualTo(expected);
    }

    private static String readmeTable() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf(HEADER);
        assertThat(start).as("README has a table starting with " + HEADER).isNotNegative();
        int end = readme.indexOf("\n\n", start);
        return readme.substring(start, end < 0 ? readme.length() : end) + "\n";
    }

    private static String renderedTable() throws Exception {
        NodeList ads = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(METATYPE.toFile())
                .getElementsByTagName("AD");
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add("|---|---|---|---|");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            String value = unescape(ad.getAttribute("default"));
            rows.add("| `" + ad.getAttribute("id") + "` | " + type(ad) + " | "
                    + (value.isEmpty() ? "(empty)" : "`" + value + "`") + " | " + markdown(ad.getAttribute("description"))
                    + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    /** @return the type with its range or choices, e.g. {@code Integer 1–65535}, {@code String: none, rtscts} */
    private static String type(Element ad) {
        String type = ad.getAttribute("type");
        NodeList options = ad.getElementsByTagName("Option");
        if (options.getLength() > 0) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < options.getLength(); i++) {
                values.add(((Element) options.item(i)).getAttribute("value"));
            }
            return type + ": " + String.join(", ", values);
        }
        String min = ad.getAttribute("min");
        String max = ad.getAttribute("max");
        if (!min.isEmpty() && !max.isEmpty()) {
            return type + " " + min + "–" + max;
        }
        return min.isEmpty() ? type : type + " ≥ " + min;
    }

    /** Metatype defaults escape blanks and commas with a backslash; the README shows the value. */
    private static String unescape(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }

    private static String markdown(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
