/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.metatype.ObjectClassDefinition;

import io.cellmail.service.config.CellularMailConfigurations;
import io.cellmail.service.config.ConfigurationStoreException;
import io.cellmail.service.config.StoredConfiguration;

/** A configuration store in memory with the service's real metatype; it records every update it was given. */
final class InMemoryConfigurations implements CellularMailConfigurations {

    private final ObjectClassDefinition definition = ServiceMetatype.definition();
    final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
    final List<Map<String, Object>> updates = new ArrayList<>();

    InMemoryConfigurations with(String name, Map<String, Object> properties) {
        Map<String, Object> stored = new LinkedHashMap<>(properties);
        stored.put("cellmail.name", name);
        configurations.put("io.cellmail.mail~" + name, stored);
        return this;
    }

    @Override
    public String platform() {
        return "in memory";
    }

    @Override
    public ObjectClassDefinition definition() {
        return definition;
    }

    @Override
    public List<StoredConfiguration> list() {
        List<StoredConfiguration> list = new ArrayList<>();
        configurations.forEach((id, properties) -> list.add(stored(id, properties)));
        return list;
    }

    @Override
    public StoredConfiguration create(String name, Map<String, Object> properties) throws ConfigurationStoreException {
        String id = "io.cellmail.mail~" + name;
        if (configurations.containsKey(id)) {
            throw new ConfigurationStoreException("exists");
        }
        with(name, properties);
        return stored(id, configurations.get(id));
    }

    @Override
    public void update(String id, Map<String, Object> changes) throws ConfigurationStoreException {
        Map<String, Object> properties = configurations.get(id);
        if (properties == null) {
            throw new ConfigurationStoreException("no configuration " + id);
        }
        updates.add(Map.copyOf(changes));
        properties.putAll(changes);
    }

    @Override
    public void delete(String id) throws ConfigurationStoreException {
        if (configurations.remove(id) == null) {
            throw new ConfigurationStoreException("no configuration " + id);
        }
    }

    private static StoredConfiguration stored(String id, Map<String, Object> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> passwords = new HashSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(".")) {
                if (!String.valueOf(value).isEmpty()) {
                    passwords.add(key);
                }
            } else {
                values.put(key, value);
            }
        });
        return new StoredConfiguration(id, String.valueOf(properties.get("cellmail.name")), values, passwords);
    }
}
