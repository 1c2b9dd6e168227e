/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Pins the bnd-generated component XML that SCR reads: the provider waits for the probe to enable it. */
class ComponentDescriptionsTest {

    @Test
    void shouldDeclareTheProviderDisabledUntilTheProbeEnablesIt() throws Exception {
        Element component = componentXml(JSerialCommLinkProvider.NAME);

        assertThat(component.getAttribute("name")).isEqualTo(JSerialCommLinkProvider.NAME);
        assertThat(component.getAttribute("enabled")).isEqualTo("false");
        Element property = (Element) component.getElementsByTagName("property").item(0);
        assertThat(property.getAttribute("name")).isEqualTo("cellmail.serial.scheme");
        assertThat(property.getAttribute("value")).isEqualTo("serial");
        Element provide = (Element) component.getElementsByTagName("provide").item(0);
        assertThat(provide.getAttribute("interface")).isEqualTo("io.cellmail.serial.SerialLinkProvider");
    }

    @Test
    void shouldDeclareTheProbeImmediateWithoutAService() throws Exception {
        Element component = componentXml(NativeLibraryProbe.class.getName());

        assertThat(component.getAttribute("immediate")).isEqualTo("true");
        assertThat(component.getAttribute("enabled")).isNotEqualTo("false");
        assertThat(component.getElementsByTagName("service").getLength()).isZero();
    }

    private static Element componentXml(String name) throws Exception {
        String resource = "/OSGI-INF/" + name + ".xml";
        try (InputStream in = ComponentDescriptionsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("bnd-generated " + resource).isNotNull();
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            return xml.getDocumentElement();
        }
    }
}
