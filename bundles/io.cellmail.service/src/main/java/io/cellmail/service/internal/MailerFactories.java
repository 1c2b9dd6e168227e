/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.framework.Constants;

import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The dialect drivers registered now ({@link ModemMailerFactory} services), and the one rule by which a configured
 * service chooses its driver: the factory whose {@value ModemMailerFactory#DIALECT_PROPERTY} property equals the
 * configured {@code dialect}; of several, the best ranked ({@value Constants#SERVICE_RANKING}, then the oldest), as
 * OSGi chooses among services. The plain component and the factory service the Kura component uses each fill one
 * from a dynamic reference, so both follow the dialect setting alone. Services that depend on it are told of every
 * change, so one that waits for its driver starts when the driver's bundle does.
 *
 * Thread-safe.
 */
final class MailerFactories {

    /** One registered factory with the properties it was registered with. */
    private record Registration(ModemMailerFactory factory, String dialect, int ranking, long serviceId) {
    }

    private static final Comparator<Registration> BEST_FIRST = Comparator.comparingInt(Registration::ranking)
            .reversed().thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    /**
     * @param factory a driver that came
     * @param properties its service properties
     */
    void add(ModemMailerFactory factory, Map<String, ?> properties) {
        Object dialect = properties.get(ModemMailerFactory.DIALECT_PROPERTY);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        registrations.add(new Registration(Objects.requireNonNull(factory, "factory"),
                dialect == null ? "" : String.valueOf(dialect), ranking instanceof Integer value ? value : 0,
                serviceId instanceof Long value ? value : Long.MAX_VALUE));
        changed();
    }

    /** @param factory a driver that went */
    void remove(ModemMailerFactory factory) {
        if (registrations.removeIf(registration -> registration.factory() == factory)) {
            changed();
        }
    }

    /**
     * @param dialect a configured dialect
     * @return its driver's factory, or empty while none is registered
     */
    Optional<ModemMailerFactory> forDialect(String dialect) {
        return registrations.stream().filter(registration -> registration.dialect().equals(dialect))
                .min(BEST_FIRST).map(Registration::factory);
    }

    /** @return the dialects of the drivers registered now, sorted, each once: for telling an operator */
    List<String> dialects() {
        List<String> dialects = new ArrayList<>();
        registrations.stream().map(Registration::dialect).filter(d -> !d.isEmpty()).distinct().sorted()
                .forEach(dialects::add);
        return dialects;
    }

    /** @param listener told, on the registering thread, after every driver that came or went; once if added twice */
    void listen(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener no longer told */
    void ignore(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
