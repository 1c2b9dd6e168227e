/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates configurations through the framework's ConfigurationAdmin service, from outside the framework. */
final class ConfigAdminClient {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminClient.class);
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    private static final Class<?>[] STRINGS_2 = {String.class, String.class};
    private static final Class<?>[] STRINGS_3 = {String.class, String.class, String.class};

    private final Object admin;
    private final ServiceInterface adminType;
    private final ServiceInterface configurationType;

    private ConfigAdminClient(Object admin, ServiceInterface adminType) throws GatewayException {
        this.admin = admin;
        this.adminType = adminType;
        this.configurationType = adminType.sibling(CONFIGURATION);
    }

    /**
     * @param waiter finds the service
     * @param timeout how long ConfigurationAdmin may take to appear
     * @return a client of the framework's ConfigurationAdmin
     * @throws GatewayException when there is none
     * @throws InterruptedException when interrupted
     */
    static ConfigAdminClient connect(ServiceWaiter waiter, Duration timeout)
            throws GatewayException, InterruptedException {
        ServiceReference<?> reference = waiter.await("(objectClass=" + CONFIGURATION_ADMIN + ")", timeout,
                "ConfigurationAdmin");
        return new ConfigAdminClient(waiter.get(reference, "ConfigurationAdmin"),
                ServiceInterface.of(reference, CONFIGURATION_ADMIN));
    }

    /**
     * Creates or replaces one configuration. Left unbound to a bundle location, so that whichever bundle's
     * component asks for it gets it (ConfigurationAdmin binds it then). A configuration that a kept framework
     * storage already holds with the same properties is left alone: re-applying it at every start would make
     * every component using it reconfigure itself for nothing.
     *
     * @param configuration what to apply
     * @return whether ConfigurationAdmin changed anything
     * @throws GatewayException when ConfigurationAdmin refuses it
     */
    boolean apply(DefaultConfiguration configuration) throws GatewayException {
        Objects.requireNonNull(configuration, "configuration");
        Object target = configuration.factoryPid()
                .isPresent()
                ? adminType.call(admin, "getFactoryConfiguration", STRINGS_3, configuration.factoryPid().get(),
                        configuration.name(), null)
                : adminType.call(admin, "getConfiguration", STRINGS_2, configuration.pid(), null);
        // Configuration Admin 1.6 (OSGi R7), which the gateway ships.
        boolean changed = (Boolean) configurationType.call(target, "updateIfDifferent",
                new Class<?>[] {Dictionary.class}, dictionary(configuration.properties()));
        LOG.debug("configuration {} {}", configuration.pid(), changed ? "applied" : "unchanged");
        return changed;
    }

    // ConfigAdmin's API takes a Dictionary, and Hashtable is the JDK's only implementation of it.
    @SuppressWarnings("JdkObsolete")
    private static Dictionary<String, Object> dictionary(Map<String, Object> properties) {
        return new Hashtable<>(properties);
    }
}
