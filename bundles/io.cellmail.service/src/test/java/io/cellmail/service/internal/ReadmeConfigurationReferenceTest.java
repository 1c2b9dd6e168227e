package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configuration reference in the repository's README lists every attribute of the generated metatype with its
 * default, and nothing else: operators read the README, so it must not drift from what the component accepts.
 */
class ReadmeConfigurationReferenceTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path METATYPE = Path.of("target/classes/OSGI-INF/metatype/io.cellmail.mail.xml");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (`([^`]*)`|\\(empty\\)) \\|", Pattern.MULTILINE);

    @Test
    void shouldListEveryMetatypeAttributeWithItsDefault() throws Exception {
        assertThat(readmeReference()).isEqualTo(metatypeDefaults());
    }

    private static Map<String, String> readmeReference() throws Exception {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("| attribute | default | meaning |"));
        section = section.substring(0, section.indexOf("\n\n"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            rows.put(row.group(1), row.group(3) == null ? "" : row.group(3));
        }
        return rows;
    }

    private static Map<String, String> metatypeDefaults() throws Exception {
        NodeList ads = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(METATYPE.toFile())
                .getElementsByTagName("AD");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            defaults.put(ad.getAttribute("id"), ad.getAttribute("default"));
        }
        return defaults;
    }
}
