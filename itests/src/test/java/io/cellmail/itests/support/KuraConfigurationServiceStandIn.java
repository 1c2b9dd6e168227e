/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

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
 * The test's stand-in for Kura's ConfigurationService (Kura itself cannot run here): configurations in memory, each
 * factory instance marked with {@code service.factoryPid} and {@code kura.service.pid}, and a count of the snapshots
 * asked for. It applies nothing to ConfigAdmin; tests check what the caller handed it.
 */
public final class KuraConfigurationServiceStandIn implements ConfigurationService {

    private final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
    private int snapshots;

    /** @return the configuration of an instance as handed over, or null */
    public synchronized Map<String, Object> configuration(String pid) {
        Map<String, Object> properties = configurations.get(pid);
        return properties == null ? null : new HashMap<>(properties);
    }

    /** @return how many changes asked for a snapshot */
    public synchronized int snapshots() {
        return snapshots;
    }

    @Override
    public synchronized List<ComponentConfiguration> getComponentConfigurations() {
        List<ComponentConfiguration> all = new ArrayList<>();
        configurations.keySet().forEach(pid -> all.add(getComponentConfiguration(pid)));
        return all;
    }

    @Override
    public synchronized ComponentConfiguration getComponentConfiguration(String pid) {
        Map<String, Object> properties = configuration(pid);
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
                return properties;
            }
        };
    }

    @Override
    public synchronized void updateConfiguration(String pid, Map<String, Object> properties, boolean takeSnapshot)
            throws KuraException {
        if (!configurations.containsKey(pid)) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        configurations.put(pid, new HashMap<>(properties));
        snapshots += takeSnapshot ? 1 : 0;
    }

    @Override
    public synchronized void createFactoryConfiguration(String factoryPid, String pid, Map<String, Object> properties,
            boolean takeSnapshot) throws KuraException {
        if (configurations.containsKey(pid)) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        Map<String, Object> stored = new HashMap<>(properties);
        stored.put("service.factoryPid", factoryPid);
        stored.put("kura.service.pid", pid);
        configurations.put(pid, stored);
        snapshots += takeSnapshot ? 1 : 0;
    }

    @Override
    public synchronized void deleteFactoryConfiguration(String pid, boolean takeSnapshot) throws KuraException {
        if (configurations.remove(pid) == null) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, pid);
        }
        snapshots += takeSnapshot ? 1 : 0;
    }
}
