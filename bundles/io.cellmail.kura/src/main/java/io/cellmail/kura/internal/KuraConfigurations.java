/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.ComponentConfiguration;
import org.eclipse.kura.configuration.ConfigurationService;
import org.eclipse.kura.configuration.Password;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.service.config.CellularMailConfigurations;
import io.cellmail.service.config.ConfigurationStoreException;
import io.cellmail.service.config.StoredConfiguration;

/**
 * The configurations of the Kura component ({@value CellularMailComponent#PID} instances) through Kura's
 * {@link ConfigurationService}, so that the console, the web UI and the snapshots agree: every change is validated
 * by Kura, written to ConfigAdmin and followed by a snapshot. Passwords are encrypted with Kura's
 * {@link CryptoService} before they leave this class, as the web UI stores them. Ranked above the service bundle's
 * ConfigAdmin store, so that on Kura the console configures the Kura instances. An instance's
 * {@code kura.service.pid} is its id; {@code create} gives it the service's name.
 */
@Component(service = CellularMailConfigurations.class, property = Constants.SERVICE_RANKING + ":Integer=100")
public final class KuraConfigurations implements CellularMailConfigurations {

    /** Kura's and ConfigAdmin's own properties of an instance: no setting of ours. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, "service.factoryPid",
            CellularMailOptions.KURA_SERVICE_PID, "component.id", "component.name", Constants.OBJECTCLASS,
            Constants.SERVICE_ID, "service.bundleid", "service.scope", "service.bundleLocation");

    private final ConfigurationService configurations;
    private final CryptoService crypto;
    private final ObjectClassDefinition definition;

    /**
     * For Declarative Services.
     *
     * @param configurations Kura's configuration service
     * @param crypto encrypts passwords
     * @param metaType reads this bundle's metatype
     * @param context this bundle's context
     */
    @Activate
    public KuraConfigurations(@Reference ConfigurationService configurations, @Reference CryptoService crypto,
            @Reference MetaTypeService metaType, BundleContext context) {
        this(configurations, crypto, definitionOf(metaType, context));
    }

    /** For tests: the metatype given. */
    KuraConfigurations(ConfigurationService configurations, CryptoService crypto, ObjectClassDefinition definition) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    private static ObjectClassDefinition definitionOf(MetaTypeService metaType, BundleContext context) {
        MetaTypeInformation information = metaType.getMetaTypeInformation(context.getBundle());
        ObjectClassDefinition found = information == null ? null
                : information.getObjectClassDefinition(CellularMailComponent.PID, null);
        if (found == null) {
            throw new IllegalStateException("the metatype of " + CellularMailComponent.PID + " is missing");
        }
        return found;
    }

    @Override
    public String platform() {
        return "Kura ConfigurationService, factory PID " + CellularMailComponent.PID;
    }

    @Override
    public ObjectClassDefinition definition() {
        return definition;
    }

    @Override
    public List<StoredConfiguration> list() throws ConfigurationStoreException {
        List<StoredConfiguration> stored = new ArrayList<>();
        try {
            for (ComponentConfiguration configuration : configurations.getComponentConfigurations()) {
                Map<String, Object> properties = configuration.getConfigurationProperties();
                if (properties != null && CellularMailComponent.PID.equals(properties.get("service.factoryPid"))) {
                    stored.add(stored(configuration.getPid(), properties));
                }
            }
        } catch (KuraException e) {
            throw failure("list the configurations", e);
        }
        return stored;
    }

    @Override
    public StoredConfiguration create(String name, Map<String, Object> properties)
            throws ConfigurationStoreException {
        Map<String, Object> kura = encrypted(properties);
        kura.put("cellmail.name", name);
        try {
            if (configurations.getComponentConfiguration(name) != null) {
                throw new ConfigurationStoreException("a Kura component " + name + " exists");
            }
            configurations.createFactoryConfiguration(CellularMailComponent.PID, name, kura, true);
        } catch (KuraException e) {
            throw failure("create " + name, e);
        }
        return stored(name, kura);
    }

    @Override
    public void update(String id, Map<String, Object> changes) throws ConfigurationStoreException {
        try {
            ComponentConfiguration current = configurations.getComponentConfiguration(id);
            if (current == null || current.getConfigurationProperties() == null) {
                throw new ConfigurationStoreException("no Kura component " + id);
            }
            // The whole configuration goes back, so that the result does not depend on whether this Kura release
            // merges a partial one; the untouched passwords go back as Kura gave them, still encrypted.
            Map<String, Object> properties = new HashMap<>(current.getConfigurationProperties());
            properties.putAll(encrypted(changes));
            configurations.updateConfiguration(id, properties, true);
        } catch (KuraException e) {
            throw failure("change " + id, e);
        }
    }

    @Override
    public void delete(String id) throws ConfigurationStoreException {
        try {
            configurations.deleteFactoryConfiguration(id, true);
        } catch (KuraException e) {
            throw failure("delete " + id, e);
        }
    }

    /** @return the properties with every Password attribute encrypted as a {@link Password}, as the web UI does */
    private Map<String, Object> encrypted(Map<String, Object> properties) throws ConfigurationStoreException {
        Set<String> passwords = passwordIds();
        Map<String, Object> kura = new HashMap<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            if (passwords.contains(entry.getKey())) {
                String plain = String.valueOf(entry.getValue());
                try {
                    kura.put(entry.getKey(), new Password(plain.isEmpty() ? new char[0]
                            : crypto.encryptAes(plain.toCharArray())));
                } catch (KuraException e) {
                    // Never the value: only which attribute and Kura's code.
                    throw new ConfigurationStoreException("Kura's CryptoService could not encrypt " + entry.getKey()
                            + " (" + e.getCode() + ")");
                }
            } else {
                kura.put(entry.getKey(), entry.getValue());
            }
        }
        return kura;
    }

    private StoredConfiguration stored(String id, Map<String, Object> properties) {
        Set<String> passwords = passwordIds();
        Map<String, Object> values = new TreeMap<>();
        Set<String> passwordsSet = new HashSet<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (passwords.contains(key) || value instanceof Password || key.startsWith(".")) {
                if (value != null && !String.valueOf(value).isEmpty()) {
                    passwordsSet.add(key);
                }
            } else if (!BOOKKEEPING.contains(key)) {
                values.put(key, value);
            }
        }
        Object name = values.get("cellmail.name");
        return new StoredConfiguration(id, name == null ? defaultName() : String.valueOf(name), values,
                passwordsSet);
    }

    private Set<String> passwordIds() {
        Set<String> ids = new HashSet<>();
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                ids.add(attribute.getID());
            }
        }
        return ids;
    }

    private String defaultName() {
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getID().equals("cellmail.name") && attribute.getDefaultValue() != null) {
                return attribute.getDefaultValue()[0];
            }
        }
        return "";
    }

    private static ConfigurationStoreException failure(String what, KuraException e) {
        // Kura's code only: its message may quote a value, and a value may be an (encrypted) password.
        return new ConfigurationStoreException("Kura could not " + what + ": " + e.getCode(), e);
    }
}
