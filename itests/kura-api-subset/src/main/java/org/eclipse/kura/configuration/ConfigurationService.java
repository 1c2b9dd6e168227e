/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura.configuration;

import java.util.List;
import java.util.Map;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kura's configuration service: the configurations of every {@link ConfigurableComponent}, kept in ConfigAdmin and
 * in Kura's snapshots, validated against their metatype. The subset holds only the methods cellmail calls, with
 * the signatures of Kura 5.0.
 */
@ProviderType
public interface ConfigurationService {

    /**
     * @return the configuration of every configurable component, Password attributes as {@link Password} (encrypted)
     * @throws KuraException when Kura cannot read them
     */
    List<ComponentConfiguration> getComponentConfigurations() throws KuraException;

    /**
     * @param pid the component's {@code kura.service.pid}
     * @return its configuration, or null when there is none
     * @throws KuraException when Kura cannot read it
     */
    ComponentConfiguration getComponentConfiguration(String pid) throws KuraException;

    /**
     * Replaces a component's configuration, validated against its metatype.
     *
     * @param pid the component's {@code kura.service.pid}
     * @param properties the new configuration
     * @param takeSnapshot whether Kura writes a snapshot afterwards
     * @throws KuraException when the properties do not validate or Kura cannot store them
     */
    void updateConfiguration(String pid, Map<String, Object> properties, boolean takeSnapshot) throws KuraException;

    /**
     * Creates an instance of a factory component.
     *
     * @param factoryPid the factory component's PID
     * @param pid the new instance's {@code kura.service.pid}
     * @param properties its configuration
     * @param takeSnapshot whether Kura writes a snapshot afterwards
     * @throws KuraException when an instance of that pid exists or Kura cannot create it
     */
    void createFactoryConfiguration(String factoryPid, String pid, Map<String, Object> properties,
            boolean takeSnapshot) throws KuraException;

    /**
     * Deletes an instance of a factory component.
     *
     * @param pid the instance's {@code kura.service.pid}
     * @param takeSnapshot whether Kura writes a snapshot afterwards
     * @throws KuraException when Kura cannot delete it
     */
    void deleteFactoryConfiguration(String pid, boolean takeSnapshot) throws KuraException;
}
