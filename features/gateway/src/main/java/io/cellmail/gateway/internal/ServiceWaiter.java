/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Waits for a service that bundles inside the framework register. The launcher sees framework types only: it
 * names services by filter and handles them as plain objects, because their classes live in bundles.
 */
final class ServiceWaiter {

    private final BundleContext context;

    ServiceWaiter(BundleContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * @param filter an LDAP filter, e.g. {@code (objectClass=org.osgi.service.cm.ConfigurationAdmin)}
     * @param timeout how long to wait
     * @param what the service's name in the error message
     * @return a reference to a matching service
     * @throws GatewayException when none appears in time
     * @throws InterruptedException when interrupted
     */
    ServiceReference<?> await(String filter, Duration timeout, String what)
            throws GatewayException, InterruptedException {
        CountDownLatch registered = new CountDownLatch(1);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        try {
            // Listen first, then look: a registration between the two is not lost.
            context.addServiceListener(listener, filter);
            ServiceReference<?> found = first(filter);
            if (found == null && registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                found = first(filter);
            }
            if (found == null) {
                throw new GatewayException(what + " did not appear within " + timeout.toSeconds() + " s (" + filter
                        + ")");
            }
            return found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /**
     * @param reference a service
     * @return the service object, seen by the launcher as a plain object
     * @throws GatewayException when the service went away
     */
    Object get(ServiceReference<?> reference, String what) throws GatewayException {
        Object service = context.getService(reference);
        if (service == null) {
            throw new GatewayException(what + " went away");
        }
        return service;
    }

    private ServiceReference<?> first(String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] found = context.getServiceReferences((String) null, filter);
        return found == null || found.length == 0 ? null : found[0];
    }
}
