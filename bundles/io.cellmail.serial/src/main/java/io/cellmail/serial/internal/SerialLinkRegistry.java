/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.LinkUri;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.SerialLinks;

/**
 * The {@link SerialLinks} registry: picks the provider by the URI's scheme. Providers come and go at any time
 * (a native-backed provider may never appear), so the reference is dynamic and greedy. Without OSGi, construct it
 * with the providers to use.
 */
@Component(service = SerialLinks.class)
public final class SerialLinkRegistry implements SerialLinks {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLinkRegistry.class);

    /**
     * Scheme to the providers serving it, in bind order; the first one serves. Usually one per scheme; keeping the
     * others lets a second provider take over when the first goes away.
     */
    private final ConcurrentMap<String, List<SerialLinkProvider>> providers = new ConcurrentHashMap<>();

    /** For Declarative Services: providers arrive through {@link #bindProvider(SerialLinkProvider)}. */
    public SerialLinkRegistry() {
    }

    /**
     * For use without OSGi (command line, tests).
     *
     * @param providers the providers to serve, at most one per scheme taking effect
     */
    public SerialLinkRegistry(Collection<? extends SerialLinkProvider> providers) {
        providers.forEach(this::bindProvider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(SerialLinkProvider provider) {
        String scheme = schemeOf(provider);
        providers.compute(scheme, (key, present) -> {
            List<SerialLinkProvider> list = present == null ? new ArrayList<>() : new ArrayList<>(present);
            if (!list.isEmpty()) {
                LOG.warn("Two providers serve the scheme '{}'; {} stays in use, {} is kept as a standby",
                        scheme, list.get(0).getClass().getName(), provider.getClass().getName());
            }
            list.add(provider);
            return List.copyOf(list);
        });
        LOG.debug("Bound link provider for scheme '{}': {}", scheme, provider.getClass().getName());
    }

    void unbindProvider(SerialLinkProvider provider) {
        String scheme = schemeOf(provider);
        providers.computeIfPresent(scheme, (key, present) -> {
            List<SerialLinkProvider> list = new ArrayList<>(present);
            list.removeIf(p -> p == provider);
            return list.isEmpty() ? null : List.copyOf(list);
        });
        LOG.debug("Unbound link provider for scheme '{}': {}", scheme, provider.getClass().getName());
    }

    @Override
    public SerialLink open(String uri) throws SerialLinkException {
        LinkUri link = LinkUri.parse(uri);
        List<SerialLinkProvider> serving = providers.get(link.scheme());
        if (serving == null) {
            Set<String> available = schemes();
            throw new SerialLinkException(Reason.UNSUPPORTED_SCHEME, "no link provider serves the scheme '"
                    + link.scheme() + "'; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        SerialLinkProvider provider = serving.get(0);
        try {
            return Objects.requireNonNull(provider.open(link.uri(), link.settings()),
                    () -> provider.getClass().getName() + " returned no link");
        } catch (RuntimeException e) {
            // A buggy provider must not break the caller's error handling, which only expects typed failures.
            throw new SerialLinkException(Reason.IO_ERROR, "opening " + link.uri() + " failed: " + e, e);
        }
    }

    @Override
    public Set<String> schemes() {
        return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
    }

    private static String schemeOf(SerialLinkProvider provider) {
        return Objects.requireNonNull(provider.scheme(), "scheme").toLowerCase(Locale.ROOT);
    }
}
