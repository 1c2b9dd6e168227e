/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.config.CellularMailConfigurations;
import io.cellmail.service.config.ConfigurationStoreException;
import io.cellmail.service.config.StoredConfiguration;

/**
 * The configurations of the plain mail service in ConfigAdmin: factory configurations of
 * {@value CellularMailConfiguration#FACTORY_PID}, checked against this bundle's metatype. New ones are named
 * factory configurations ({@code io.cellmail.mail~<name>}, as the {@code .cfg} files of Karaf and FileInstall are
 * named) bound to any location, so whichever bundle runs the component receives them. Karaf's FileInstall writes a
 * change back to the {@code .cfg} file it came from.
 */
@Component(service = CellularMailConfigurations.class, property = Constants.SERVICE_RANKING + ":Integer=0")
public final class ConfigAdminConfigurations implements CellularMailConfigurations {

    /** Any bundle may receive the configuration: the one that runs the component of the factory PID. */
    private static final String ANY_LOCATION = "?";
    /** ConfigAdmin's and FileInstall's own properties: no setting of ours. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private final ConfigurationAdmin configurationAdmin;
    private final MetaTypeService metaType;
    private final Bundle bundle;

    /**
     * @param configurationAdmin where the configurations live
     * @param metaType reads this bundle's metatype
     * @param context this bundle's context
     */
    @Activate
    public ConfigAdminConfigurations(@Reference ConfigurationAdmin configurationAdmin,
            @Reference MetaTypeService metaType, BundleContext context) {
        this.configurationAdmin = Objects.requireNonNull(configurationAdmin, "configurationAdmin");
        this.metaType = Objects.requireNonNull(metaType, "metaType");
        this.bundle = context.getBundle();
    }

    @Override
    public String platform() {
        return "ConfigAdmin, factory PID " + CellularMailConfiguration.FACTORY_PID;
    }

    @Override
    public ObjectClassDefinition definition() {
        MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
        ObjectClassDefinition definition = information == null ? null
                : information.getObjectClassDefinition(CellularMailConfiguration.FACTORY_PID, null);
        if (definition == null) {
            throw new IllegalStateException("the metatype of " + CellularMailConfiguration.FACTORY_PID
                    + " is missing from " + bundle.getSymbolicName());
        }
        return definition;
    }

    @Override
    public List<StoredConfiguration> list() throws ConfigurationStoreException {
        List<StoredConfiguration> stored = new ArrayList<>();
        for (Configuration configuration : configurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                + CellularMailConfiguration.FACTORY_PID + ")")) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties != null) {
                stored.add(stored(configuration.getPid(), properties));
            }
        }
        return stored;
    }

    @SuppressWarnings("JdkObsolete") // ConfigurationAdmin takes a Dictionary: Hashtable is the one at hand
    @Override
    public StoredConfiguration create(String name, Map<String, Object> properties)
            throws ConfigurationStoreException {
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(
                    CellularMailConfiguration.FACTORY_PID, name, ANY_LOCATION);
            if (configuration.getProperties() != null) {
                throw new ConfigurationStoreException("a configuration " + configuration.getPid() + " exists");
            }
            Hashtable<String, Object> dictionary = new Hashtable<>(properties);
            dictionary.put("cellmail.name", name);
            configuration.update(dictionary);
            return stored(configuration.getPid(), dictionary);
        } catch (IOException e) {
            throw new ConfigurationStoreException("ConfigAdmin could not store the configuration: " + e.getMessage(),
                    e);
        }
    }

    @SuppressWarnings("JdkObsolete") // ConfigurationAdmin takes a Dictionary: Hashtable is the one at hand
    @Override
    public void update(String id, Map<String, Object> changes) throws ConfigurationStoreException {
        Configuration configuration = existing(id);
        Dictionary<String, Object> properties = configuration.getProperties();
        Hashtable<String, Object> changed = new Hashtable<>();
        for (String key : Collections.list(properties.keys())) {
            changed.put(key, properties.get(key));
        }
        changed.putAll(changes);
        try {
            configuration.updateIfDifferent(changed);
        } catch (IOException e) {
            throw new ConfigurationStoreException("ConfigAdmin could not store " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String id) throws ConfigurationStoreException {
        try {
            existing(id).delete();
        } catch (IOException e) {
            throw new ConfigurationStoreException("ConfigAdmin could not delete " + id + ": " + e.getMessage(), e);
        }
    }

    private Configuration existing(String id) throws ConfigurationStoreException {
        for (Configuration configuration : configurations("(" + Constants.SERVICE_PID + "=" + id + ")")) {
            if (CellularMailConfiguration.FACTORY_PID.equals(configuration.getFactoryPid())
                    && configuration.getProperties() != null) {
                return configuration;
            }
        }
        throw new ConfigurationStoreException("no configuration " + id);
    }

    private Configuration[] configurations(String filter) throws ConfigurationStoreException {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (IOException | InvalidSyntaxException e) {
            throw new ConfigurationStoreException("ConfigAdmin could not list configurations: " + e.getMessage(), e);
        }
    }

    /** @return the configuration without its passwords and ConfigAdmin's bookkeeping */
    private StoredConfiguration stored(String id, Dictionary<String, Object> properties) {
        Set<String> passwords = new HashSet<>();
        for (AttributeDefinition attribute : definition().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                passwords.add(attribute.getID());
            }
        }
        Map<String, Object> values = new TreeMap<>();
        Set<String> passwordsSet = new HashSet<>();
        for (String key : Collections.list(properties.keys())) {
            Object value = properties.get(key);
            if (passwords.contains(key) || key.startsWith(".")) {
                // A private property holds a secret whether or not the metatype declares it.
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

    private String defaultName() {
        for (AttributeDefinition attribute : definition().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getID().equals("cellmail.name") && attribute.getDefaultValue() != null) {
                return attribute.getDefaultValue()[0];
            }
        }
        return "";
    }
}
