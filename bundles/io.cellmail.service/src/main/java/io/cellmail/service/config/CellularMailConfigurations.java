/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.config;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The configurations of the cellmail services of this gateway, where the platform keeps them: a service of this
 * type reads and writes them so that the platform's own tools (a web console, Kura's web UI and snapshots) and the
 * caller always agree. The service bundle registers one on ConfigAdmin (factory PID {@code io.cellmail.mail},
 * {@code service.ranking} 0); the Kura bundle registers one on Kura's configuration service with a higher ranking,
 * so that where Kura runs, the best-ranked one is Kura's.
 *
 * <p>Passwords go in and never come out: {@link StoredConfiguration} tells only which are set. A change applies
 * to the running service as a change from the platform's own tools does: at once, queued mail kept.
 */
@ProviderType
public interface CellularMailConfigurations {

    /** @return where the configurations live, for people, e.g. {@code ConfigAdmin, factory PID io.cellmail.mail} */
    String platform();

    /**
     * @return the metatype of a configuration: every attribute's id, name, type, default, range and options, the
     *     Password attributes marked by type
     */
    ObjectClassDefinition definition();

    /**
     * @return every configuration, in no particular order
     * @throws ConfigurationStoreException when the platform cannot list them
     */
    List<StoredConfiguration> list() throws ConfigurationStoreException;

    /**
     * Creates a configuration, which starts a service.
     *
     * @param name the new service's name ({@code cellmail.name}), unique on the gateway; the platform may use it
     *     in the configuration's id
     * @param properties the attributes to set, typed as the metatype says (String, Integer, Long, Boolean),
     *     passwords in clear; attributes not given take their defaults
     * @return the configuration as stored
     * @throws ConfigurationStoreException when one of that name exists or the platform refuses
     */
    StoredConfiguration create(String name, Map<String, Object> properties) throws ConfigurationStoreException;

    /**
     * Changes some attributes of a configuration and leaves every other as it is. The running service follows at
     * once, as it does for a change from the platform's own tools.
     *
     * @param id the configuration's {@link StoredConfiguration#id() id}
     * @param changes the attributes to change, typed as the metatype says, passwords in clear (empty: not set)
     * @throws ConfigurationStoreException when there is no such configuration or the platform refuses
     */
    void update(String id, Map<String, Object> changes) throws ConfigurationStoreException;

    /**
     * Deletes a configuration: its service stops; the mail in its outbox stays on disk.
     *
     * @param id the configuration's {@link StoredConfiguration#id() id}
     * @throws ConfigurationStoreException when there is no such configuration or the platform refuses
     */
    void delete(String id) throws ConfigurationStoreException;
}
