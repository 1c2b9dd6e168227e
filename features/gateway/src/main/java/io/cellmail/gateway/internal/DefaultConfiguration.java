/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration the gateway applies at start.
 *
 * @param factoryPid the factory PID of a factory configuration; empty for a singleton
 * @param name the instance name of a factory configuration, or the PID of a singleton
 * @param properties its properties
 */
record DefaultConfiguration(Optional<String> factoryPid, String name, Map<String, Object> properties) {

    DefaultConfiguration {
        Objects.requireNonNull(factoryPid, "factoryPid");
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
    }

    /** @return the PID ConfigurationAdmin gives it: {@code factoryPid~name} for a factory configuration */
    String pid() {
        return factoryPid.map(factory -> factory + "~" + name).orElse(name);
    }

    /**
     * @param key a property
     * @param value its new value
     * @return a copy with that property set
     */
    DefaultConfiguration with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(properties);
        changed.put(key, value);
        return new DefaultConfiguration(factoryPid, name, changed);
    }
}
