/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.time.Duration;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for services in tests. */
public final class Services {

    private Services() {
    }

    /**
     * @param context the test's bundle context
     * @param type the service type
     * @param filter an LDAP filter on the service properties, or null
     * @param timeout how long to wait
     * @return the service (the best ranked, if several match)
     * @throws AssertionError when none appears in time
     */
    public static <T> T await(BundleContext context, Class<T> type, String filter, Duration timeout) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open();
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                throw new AssertionError("No " + type.getName() + (filter == null ? "" : " matching " + filter)
                        + " within " + timeout);
            }
            // Got again outside the tracker: closing the tracker ungets its copy, and a service factory such as
            // ConfigAdmin invalidates the object it gave when the last use ends. The test bundle's own use lasts
            // until the framework stops after the test class.
            return context.getService(tracker.getServiceReference());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    /**
     * @param context the test's bundle context
     * @param type the service type
     * @param filter an LDAP filter on the service properties, or null
     * @return how many such services are registered now
     */
    public static int count(BundleContext context, Class<?> type, String filter) {
        try {
            return Objects.requireNonNullElse(context.getServiceReferences(type.getName(), filter), new Object[0])
                    .length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** Object.class stands for any service type: the filter alone selects (e.g. Gogo commands by scope). */
    private static Filter filter(Class<?> type, String filter) {
        String objectClass = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        try {
            if (type == Object.class && filter != null) {
                return FrameworkUtil.createFilter(filter);
            }
            return FrameworkUtil.createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }
}
