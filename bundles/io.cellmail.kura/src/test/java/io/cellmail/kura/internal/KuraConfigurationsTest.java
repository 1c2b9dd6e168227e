/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.apache.felix.metatype.DefaultMetaTypeProvider;
import org.apache.felix.metatype.MetaDataReader;
import org.eclipse.kura.configuration.Password;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.service.config.ConfigurationStoreException;
import io.cellmail.service.config.StoredConfiguration;

/**
 * The console's way into Kura's configuration service: instances of the Kura component listed without their
 * passwords, created and changed with passwords encrypted by the CryptoService as the web UI stores them, every
 * change followed by a snapshot, other components left alone.
 */
class KuraConfigurationsTest {

    private static final String SMTP_PASSWORD = "Kura-Console-Pw-4";

    private final InMemoryKuraConfigurationService kura = new InMemoryKuraConfigurationService();
    private final KuraConfigurations store = new KuraConfigurations(kura, new ReversingCrypto(), kuraMetatype());

    @Test
    void shouldListOnlyInstancesOfTheCellmailComponentWithoutPasswords() throws Exception {
        kura.instance("cellmail-modem1", CellularMailComponent.PID, Map.of("cellmail.name", "modem1",
                "smtpPort", 587, ".smtpPassword", new Password(ReversingCrypto.encrypt(SMTP_PASSWORD)),
                ".apnPassword", new Password("")));
        kura.instance("other", "org.eclipse.kura.clock.ClockService", Map.of("enabled", true));

        assertThat(store.list()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo("cellmail-modem1");
            assertThat(stored.name()).isEqualTo("modem1");
            assertThat(stored.values()).containsOnly(Map.entry("cellmail.name", "modem1"), Map.entry("smtpPort", 587));
            assertThat(stored.passwordsSet()).containsExactly(".smtpPassword");
            assertThat(stored.toString()).doesNotContain(SMTP_PASSWORD).doesNotContain(
                    ReversingCrypto.encrypt(SMTP_PASSWORD));
        });
    }

    @Test
    void shouldCreateAnInstanceOfTheFactoryWithPasswordsEncryptedAndTakeASnapshot() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("port", "serial:/dev/ttyUSB2");
        settings.put(".smtpPassword", SMTP_PASSWORD);

        StoredConfiguration created = store.create("modem2", settings);

        assertThat(kura.calls).containsExactly("create " + CellularMailComponent.PID + " modem2");
        Map<String, Object> stored = kura.configurations.get("modem2");
        assertThat(stored).containsEntry("port", "serial:/dev/ttyUSB2").containsEntry("cellmail.name", "modem2");
        assertThat(stored.get(".smtpPassword")).isInstanceOf(Password.class).hasToString(
                ReversingCrypto.encrypt(SMTP_PASSWORD));
        assertThat(kura.snapshots).isEqualTo(1);
        assertThat(created.passwordsSet()).containsExactly(".smtpPassword");
        assertThat(created.values()).doesNotContainKey(".smtpPassword");
    }

    @Test
    void shouldChangeOnlyTheGivenSettingsAndKeepTheOthersAsKuraHoldsThem() throws Exception {
        Password stored = new Password(ReversingCrypto.encrypt("old-secret"));
        kura.instance("cellmail-modem1", CellularMailComponent.PID, Map.of("cellmail.name", "modem1",
                "smtpPort", 25, "smtpHost", "mail.example.com", ".apnPassword", stored));

        store.update("cellmail-modem1", Map.of("smtpPort", 587, ".smtpPassword", SMTP_PASSWORD));

        Map<String, Object> after = kura.configurations.get("cellmail-modem1");
        assertThat(after).containsEntry("smtpPort", 587).containsEntry("smtpHost", "mail.example.com")
                .containsEntry(".apnPassword", stored).containsEntry("service.factoryPid", CellularMailComponent.PID);
        assertThat(after.get(".smtpPassword")).hasToString(ReversingCrypto.encrypt(SMTP_PASSWORD));
        assertThat(kura.snapshots).isEqualTo(1);
    }

    @Test
    void shouldDeleteTheInstanceAndRefuseAnUnknownOneWithoutAPassword() throws Exception {
        kura.instance("cellmail-modem1", CellularMailComponent.PID, Map.of("cellmail.name", "modem1"));

        store.delete("cellmail-modem1");

        assertThat(kura.configurations).isEmpty();
        assertThat(kura.snapshots).isEqualTo(1);
        assertThatThrownBy(() -> store.update("nothing", Map.of(".smtpPassword", SMTP_PASSWORD)))
                .isInstanceOf(ConfigurationStoreException.class).hasMessageContaining("no Kura component nothing")
                .hasMessageNotContaining(SMTP_PASSWORD);
    }

    @Test
    void shouldReadItsOwnMetatypeAndNameThePlatform() {
        assertThat(store.definition().getID()).isEqualTo(CellularMailComponent.PID);
        assertThat(store.platform()).contains("Kura").contains(CellularMailComponent.PID);
    }

    /** The bundle's Kura metatype, read by Felix's MetaType implementation. */
    @SuppressWarnings("JdkObsolete") // Bundle.getHeaders returns a Dictionary
    private static ObjectClassDefinition kuraMetatype() {
        String resource = "OSGI-INF/metatype/" + CellularMailComponent.PID + ".xml";
        try (InputStream in = KuraConfigurationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                    new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getState" -> Bundle.ACTIVE;
                        case "getBundleId", "getLastModified" -> 1L;
                    case "getHeaders" -> new java.util.Hashtable<String, String>();
                        case "hashCode" -> 1;
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            return new DefaultMetaTypeProvider(bundle, new MetaDataReader().parse(in))
                    .getObjectClassDefinition(CellularMailComponent.PID, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
