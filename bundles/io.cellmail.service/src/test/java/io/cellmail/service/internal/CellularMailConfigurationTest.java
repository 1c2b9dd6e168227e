/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;

/**
 * The one definition ({@link CellularMailConfiguration}) and the metatype bnd generates from it agree with the check
 * that turns a configuration into settings: defaults, passwords, ranges and the setting names problems are reported
 * under.
 */
class CellularMailConfigurationTest {

    @Test
    void shouldReportProblemsOnlyUnderNamesTheDefinitionDeclares() {
        assertThat(attributeIds()).containsAll(namesTheCheckReports());
    }

    @Test
    void shouldMapItsDefaultsToTheSameSettingsAsAnEmptyConfiguration() throws Exception {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : CellularMailConfiguration.class.getDeclaredMethods()) {
            defaults.put(idOf(attribute), attribute.getDefaultValue());
        }
        Path dataArea = Path.of("/data");

        assertThat(ScrConfiguration.settings(defaults, dataArea)).isEqualTo(ScrConfiguration.settings(Map.of(), dataArea));
        assertThat(defaults).containsEntry("dialect", "quectel-gsm").containsEntry("smtpSecurity", "none")
                .containsEntry("verifyServer", true).doesNotContainKey("mailerFactory.target");
    }

    @Test
    void shouldDeclareEverySecretAsAPrivatePasswordAttributeInTheGeneratedMetatype() throws Exception {
        Set<String> passwords = new TreeSet<>();
        for (Element ad : generatedAttributes()) {
            if (ad.getAttribute("type").equals("Password")) {
                passwords.add(ad.getAttribute("id"));
            }
        }

        Set<String> secrets = new TreeSet<>();
        for (var component : CellularMailSecrets.class.getRecordComponents()) {
            secrets.add("." + component.getName());
        }
        assertThat(passwords).isEqualTo(secrets).containsExactlyInAnyOrder(".simPin", ".apnPassword", ".smtpPassword");
    }

    @Test
    void shouldNameInstancesInWebConsolesByDefinedSettingsThatAreNoSecrets() throws Exception {
        Element hint = generatedAttributes().stream()
                .filter(ad -> ad.getAttribute("id").equals("webconsole.configurationFactory.nameHint")).findFirst()
                .orElseThrow(() -> new AssertionError("no web console name hint in the metatype"));
        List<String> placeholders = new ArrayList<>();
        Matcher placeholder = Pattern.compile("\\{([^}]+)}")
                .matcher(hint.getAttribute("default"));
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }

        assertThat(placeholders).containsExactly("cellmail.name", "port", "smtpHost");
        assertThat(attributeIds()).containsAll(placeholders);
        assertThat(placeholders).noneMatch(id -> id.startsWith("."));
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
        assertThatThrownBy(() -> ScrConfiguration.settings(Map.of(id, value), Path.of("/data")))
                .as("%s = %s", id, value).hasMessageContaining(id + " must be from");
    }

    /** The value passes its own property's check; another property's rule may still refuse it (retryCap). */
    private static void assertWithinItsOwnRange(String id, Object value) {
        try {
            ScrConfiguration.settings(Map.of(id, value), Path.of("/data"));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("%s = %s", id, value).doesNotContain(id + " must be from");
        }
    }

    /** @return the AD elements of the metatype bnd generated into this build's classes */
    private static List<Element> generatedAttributes() throws Exception {
        String resource = "OSGI-INF/metatype/" + CellularMailConfiguration.FACTORY_PID + ".xml";
        try (InputStream in = CellularMailConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
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
        return Arrays.stream(CellularMailConfiguration.class.getDeclaredMethods())
                .map(CellularMailConfigurationTest::idOf).collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the setting names the check puts in its problems */
    private static Set<String> namesTheCheckReports() {
        Set<String> names = new TreeSet<>();
        for (Field field : SettingsFromConfiguration.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return names;
    }
}
