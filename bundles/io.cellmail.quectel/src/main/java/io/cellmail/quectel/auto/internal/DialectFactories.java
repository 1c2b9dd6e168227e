/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The factories of the dialects the {@code auto} dialect can hand a module to, by their dialect name. Under OSGi
 * they come and go (a dialect bundle installed or stopped); every live mailer hears of each change. Thread-safe.
 */
public final class DialectFactories {

    /** A mailer that wants to hear when the factories change. */
    @FunctionalInterface
    interface Listener {
        /** The factories changed; called on the thread that changed them, must not block long. */
        void dialectsChanged();
    }

    private final ConcurrentMap<String, ModemMailerFactory> byDialect = new ConcurrentHashMap<>();
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /** No factory yet. */
    public DialectFactories() {
    }

    /** @param factories the factories by dialect name, e.g. {@code quectel-gsm} */
    public DialectFactories(Map<String, ModemMailerFactory> factories) {
        factories.forEach(this::add);
    }

    /**
     * @param dialect the factory's dialect name
     * @param factory the factory
     */
    public void add(String dialect, ModemMailerFactory factory) {
        byDialect.put(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(factory, "factory"));
        listeners.forEach(Listener::dialectsChanged);
    }

    /**
     * @param dialect the factory's dialect name
     * @param factory the factory that is gone
     */
    public void remove(String dialect, ModemMailerFactory factory) {
        if (byDialect.remove(dialect, factory)) {
            listeners.forEach(Listener::dialectsChanged);
        }
    }

    /**
     * @param dialect a dialect name
     * @return its factory, if one is there now
     */
    Optional<ModemMailerFactory> find(String dialect) {
        return Optional.ofNullable(byDialect.get(dialect));
    }

    /**
     * @param dialect a dialect name
     * @param factory a factory
     * @return true if that factory is still the dialect's
     */
    boolean holds(String dialect, ModemMailerFactory factory) {
        return byDialect.get(dialect) == factory;
    }

    void listen(Listener listener) {
        listeners.add(listener);
    }

    void unlisten(Listener listener) {
        listeners.remove(listener);
    }
}
