package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.service.MailServiceProperties;

/** The metatype (as bnd generates it) describes exactly the properties the shared mapping reads, with the same defaults. */
class MailServiceConfigurationTest {

    @Test
    void shouldDescribeEveryPropertyOfTheMappingAndNoOther() {
        assertThat(attributeIds()).isEqualTo(propertyNames());
    }

    @Test
    void shouldMapItsDefaultsToTheSameSettingsAsAnEmptyConfiguration() throws Exception {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : MailServiceConfiguration.class.getDeclaredMethods()) {
            defaults.put(idOf(attribute), attribute.getDefaultValue());
        }
        Path dataArea = Path.of("/data");

        assertThat(MailServiceProperties.toSettings(defaults, dataArea))
                .isEqualTo(MailServiceProperties.toSettings(Map.of(), dataArea));
        assertThat(defaults).containsEntry(MailServiceProperties.MAILER_FACTORY_TARGET, "(dialect=quectel-gsm)");
    }

    @Test
    void shouldDeclareBothPasswordsAsPasswordAttributesInTheGeneratedMetatype() throws Exception {
        Set<String> passwords = new TreeSet<>();
        for (Element ad : generatedAttributes()) {
            if (ad.getAttribute("type").equals("Password")) {
                passwords.add(ad.getAttribute("id"));
            }
        }

        assertThat(passwords).isEqualTo(MailServiceProperties.PASSWORDS);
    }

    @Test
    void shouldGiveEveryGeneratedAttributeANameADescriptionAndADefault() throws Exception {
        List<Element> attributes = generatedAttributes();

        assertThat(attributes).extracting(ad -> ad.getAttribute("id")).containsExactlyInAnyOrderElementsOf(
                attributeIds());
        assertThat(attributes).allSatisfy(ad -> {
            assertThat(ad.getAttribute("name")).as(ad.getAttribute("id")).isNotBlank();
            assertThat(ad.getAttribute("description")).as(ad.getAttribute("id")).isNotBlank();
            assertThat(ad.hasAttribute("default")).as(ad.getAttribute("id")).isTrue();
        });
    }

    @Test
    void shouldRefuseValuesOutsideTheDeclaredRangesAndKeepTheBoundsThemselves() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Element ad : generatedAttributes()) {
            String id = ad.getAttribute("id");
            String type = ad.getAttribute("type");
            if (ad.hasAttribute("min")) {
                long min = Long.parseLong(ad.getAttribute("min"));
                assertRefused(id, typed(type, min - 1));
                assertWithinItsOwnRange(id, typed(type, min));
                checked.add(id + " min");
            }
            if (ad.hasAttribute("max")) {
                long max = Long.parseLong(ad.getAttribute("max"));
                assertRefused(id, typed(type, max + 1));
                assertWithinItsOwnRange(id, typed(type, max));
                checked.add(id + " max");
            }
        }

        assertThat(checked).contains("maxMessages min", "maxMessages max", "maxBytes min", "maxBytes max");
    }

    private static Object typed(String type, long value) {
        return type.equals("Integer") ? (Object) (int) value : (Object) value;
    }

    private static void assertRefused(String id, Object value) {
        assertThatThrownBy(() -> MailServiceProperties.toSettings(Map.of(id, value), Path.of("/data")))
                .as("%s = %s", id, value).hasMessageContaining(id + " must be from");
    }

    /** The value passes its own property's check; another property's rule may still refuse it (retryCap). */
    private static void assertWithinItsOwnRange(String id, Object value) {
        try {
            MailServiceProperties.toSettings(Map.of(id, value), Path.of("/data"));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("%s = %s", id, value).doesNotContain(id + " must be from");
        }
    }

    /** @return the AD elements of the metatype bnd generated into this build's classes */
    private static List<Element> generatedAttributes() throws Exception {
        String resource = "OSGI-INF/metatype/" + MailServiceProperties.FACTORY_PID + ".xml";
        try (InputStream in = MailServiceConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("AD");
            List<Element> attributes = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                attributes.add((Element) nodes.item(i));
            }
            return attributes;
        }
    }

    /** The Declarative Services name mapping this project uses: {@code _} stands for {@code .}. */
    private static String idOf(Method attribute) {
        return attribute.getName().replace('_', '.');
    }

    private static Set<String> attributeIds() {
        return Arrays.stream(MailServiceConfiguration.class.getDeclaredMethods())
                .map(MailServiceConfigurationTest::idOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> propertyNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : MailServiceProperties.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().startsWith("DEFAULT_") && !field.getName().equals("FACTORY_PID")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return names;
    }
}
