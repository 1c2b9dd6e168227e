/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Creates the ConfigAdmin configurations of one test and deletes them afterwards. */
public final class Configurations {

    /** Any bundle may receive the configuration (multi-location), as a management agent would bind it. */
    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configurationAdmin;
    private final List<Configuration> created = new ArrayList<>();

    Configurations(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = Objects.requireNonNull(configurationAdmin, "configurationAdmin");
    }

    /**
     * Creates a factory configuration.
     *
     * @param factoryPid the factory PID
     * @param properties its properties
     * @return the configuration, to update or delete
     */
    public Configuration createFactory(String factoryPid, Map<String, ?> properties) throws IOException {
        Configuration configuration = configurationAdmin.createFactoryConfiguration(factoryPid, ANY_LOCATION);
        created.add(configuration);
        configuration.update(dictionary(properties));
        return configuration;
    }

    /** Replaces the properties of a configuration. */
    public static void update(Configuration configuration, Map<String, ?> properties) throws IOException {
        configuration.update(dictionary(properties));
    }

    /** Deletes a configuration now (it is not deleted again after the test). */
    public void delete(Configuration configuration) throws IOException {
        created.remove(configuration);
        configuration.delete();
    }

    /** Deletes every configuration of the test now. */
    public void deleteAll() throws IOException {
        IOException first = null;
        for (Configuration configuration : created) {
            try {
                configuration.delete();
            } catch (IllegalStateException e) {
                // Already deleted by the test.
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        created.clear();
        if (first != null) {
            throw first;
        }
    }

    // ConfigAdmin takes a Dictionary, and Hashtable is the JDK's only implementation of it.
    @SuppressWarnings("JdkObsolete")
    private static Dictionary<String, Object> dictionary(Map<String, ?> properties) {
        Hashtable<String, Object> dictionary = new Hashtable<>();
        properties.forEach(dictionary::put);
        return dictionary;
    }
}
