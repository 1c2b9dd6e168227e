/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.ComponentConfiguration;
import org.eclipse.kura.configuration.ConfigurationService;

/**
 * Kura's configuration service reduced to what a unit test of one class needs: configurations in memory, factory
 * instances marked with {@code service.factoryPid}, and a count of the snapshots asked for.
 */
final class InMemoryKuraConfigurationService implements ConfigurationService {

    final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    int snapshots;

    InMemoryKuraConfigurationService instance(String pid, String factoryPid, Map<String, Object> properties) {
        Map<String, Object> stored = new HashMap<>(properties);
        stored.put("service.factoryPid", factoryPid);
        stored.put("kura.service.pid", pid);
        stored.put("service.pid", factoryPid + "-" + pid.hashCode());
        configurations.put(pid, stored);
        return this;
    }

    @Override
    public List<ComponentConfiguration> getComponentConfigurations() {
        List<ComponentConfiguration> all = new ArrayList<>();
        configurations.keySet().forEach(pid -> all.add(getComponentConfiguration(pid)));
        return all;
    }

    @Override
    public ComponentConfiguration getComponentConfiguration(String pid) {
        Map<String, Object> properties = configurations.get(pid);
        if (properties == null) {
            return null;
        }
        return new ComponentConfiguration() {
            @Override
            public String getPid() {
                return pid;
            }

            @Override
            public Map<String, Object> getConfigurationProperties() {
                return new HashMap<>(properties);
            }
        };
    }

    @Override
    public void updateConfiguration(String pid, Map<String, Object> properties, boolean takeSnapshot)
            throws KuraException {
        if (!configurations.containsKey(pid)) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        calls.add("update " + pid);
        configurations.put(pid, new HashMap<>(properties));
        snapshots += takeSnapshot ? 1 : 0;
    }

    @Override
    public void createFactoryConfiguration(String factoryPid, String pid, Map<String, Object> properties,
            boolean takeSnapshot) throws KuraException {
        if (configurations.containsKey(pid)) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        calls.add("create " + factoryPid + " " + pid);
        instance(pid, factoryPid, properties);
        snapshots += takeSnapshot ? 1 : 0;
    }

    @Override
    public void deleteFactoryConfiguration(String pid, boolean takeSnapshot) throws KuraException {
        if (configurations.remove(pid) == null) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        calls.add("delete " + pid);
        snapshots += takeSnapshot ? 1 : 0;
    }
}
