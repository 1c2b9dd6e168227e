/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The base of every cellmail integration test: one OSGi framework with SCR, ConfigAdmin, Metatype, EventAdmin,
 * Gogo, SPI Fly and every cellmail bundle (see {@link ItestBundles}) — Apache Felix in {@code itests}, Eclipse
 * Equinox with the services Kura ships in {@code itests/equinox}, whichever the test class path carries. Before each test it fails the run when a
 * bundle is not active (naming what did not resolve) or a cellmail component failed to activate; after each
 * test it deletes the configurations the test created.
 */
public abstract class CellmailTestSupport {

    /** Where Felix keeps its cache; set by the failsafe configuration, inside target/. */
    private static final String WORK_DIRECTORY_PROPERTY = "cellmail.itest.workdir";
    private static final String CELLMAIL_BUNDLE_PREFIX = "io.cellmail.";

    /** How long a test waits for a service the framework should register. */
    protected static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);

    // Only the framework's own types are injected: a field of a type from a bundle that did not resolve would fail
    // the test class before requireAHealthyFramework() could say which bundle is at fault.
    @Inject
    protected BundleContext bundleContext;

    private Configurations configurations;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    /** @return the framework every test class shares; subclasses add to it in their own configuration */
    protected Option baseConfiguration() {
        String workDirectory = System.getProperty(WORK_DIRECTORY_PROPERTY, "target/itest-work");
        return composite(
                workingDirectory(workDirectory + "/" + getClass().getSimpleName()),
                cleanCaches(true),
                systemTimeout(30_000),
                frameworkStartLevel(100),
                // Gogo's shell would otherwise read the test JVM's stdin.
                frameworkProperty("gosh.args").value("--nointeractive"),
                frameworkProperty("felix.log.level").value("1"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
                systemProperty("org.slf4j.simpleLogger.showDateTime").value("true"),
                junitBundles(),
                ItestBundles.all());
    }

    @Before
    public final void requireAHealthyFramework() {
        requireEveryBundleActive();
        requireNoFailedComponent();
        configurations = new Configurations(service(ConfigurationAdmin.class));
    }

    @After
    public final void deleteTestConfigurations() throws Exception {
        if (configurations != null) {
            configurations.deleteAll();
        }
    }

    /**
     * @param type a service type
     * @return the service, waiting up to {@link #SERVICE_TIMEOUT} for it
     * @throws AssertionError when no such service appears
     */
    protected <T> T service(Class<T> type) {
        return service(type, null);
    }

    /**
     * @param type a service type
     * @param filter an LDAP filter on its properties, or null
     * @return the service, waiting up to {@link #SERVICE_TIMEOUT} for it
     * @throws AssertionError when no such service appears
     */
    protected <T> T service(Class<T> type, String filter) {
        return Services.await(bundleContext, type, filter, SERVICE_TIMEOUT);
    }

    /** @return the gateway of this test: emulators and mail services configured through ConfigAdmin */
    protected TestGateway gateway() {
        return new TestGateway(configurations);
    }

    /** @return the configurations of this test, deleted after it */
    protected Configurations configurations() {
        return configurations;
    }

    private void requireEveryBundleActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (isFragment(bundle)) {
                if (bundle.getState() != Bundle.RESOLVED) {
                    problems.add(describe(bundle) + " is a fragment that did not attach" + resolutionError(bundle));
                }
            } else if (bundle.getState() != Bundle.ACTIVE) {
                problems.add(describe(bundle) + " is " + stateName(bundle.getState()) + resolutionError(bundle));
            }
        }
        if (!problems.isEmpty()) {
            fail("Bundles not active:\n  " + String.join("\n  ", problems));
        }
    }

    private void requireNoFailedComponent() {
        ServiceComponentRuntime componentRuntime = service(ServiceComponentRuntime.class);
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : componentRuntime.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith(CELLMAIL_BUNDLE_PREFIX)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration
                    : componentRuntime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add(description.name + ": " + configuration.failure);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("Components that failed to activate:\n  " + String.join("\n  ", problems));
        }
    }

    /** @return why the bundle does not start, from the framework itself (Felix names the missing requirement) */
    private static String resolutionError(Bundle bundle) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return "";
        }
        try {
            if (isFragment(bundle)) {
                return "";
            }
            bundle.start(Bundle.START_TRANSIENT);
            return " (it started when asked again)";
        } catch (BundleException e) {
            return ": " + e.getMessage();
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED:
                return "INSTALLED (not resolved)";
            case Bundle.RESOLVED:
                return "RESOLVED (not started)";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.UNINSTALLED:
                return "UNINSTALLED";
            default:
                return "in state " + state;
        }
    }
}
