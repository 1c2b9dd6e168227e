/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cellmail.api.CellularMailService;
import io.cellmail.service.CellularMailAdmin;

/**
 * The mail services the console knows, by their {@value CellularMailService#NAME_PROPERTY}, each with the admin
 * interface registered under the same name if there is one. Services come and go at any time. Thread-safe.
 */
final class MailServices {

    /**
     * One mail service.
     *
     * @param name its name
     * @param service what sends
     * @param admin the operator's view of it, if it offers one
     */
    record Entry(String name, CellularMailService service, Optional<CellularMailAdmin> admin) {
    }

    private final ConcurrentMap<String, CellularMailService> services = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CellularMailAdmin> admins = new ConcurrentHashMap<>();

    void addService(Map<String, ?> properties, CellularMailService service) {
        services.put(nameOf(properties), Objects.requireNonNull(service, "service"));
    }

    void removeService(Map<String, ?> properties, CellularMailService service) {
        services.remove(nameOf(properties), service);
    }

    void addAdmin(Map<String, ?> properties, CellularMailAdmin admin) {
        admins.put(nameOf(properties), Objects.requireNonNull(admin, "admin"));
    }

    void removeAdmin(Map<String, ?> properties, CellularMailAdmin admin) {
        admins.remove(nameOf(properties), admin);
    }

    /** @return every service, by name */
    List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        for (String name : new TreeSet<>(services.keySet())) {
            CellularMailService service = services.get(name);
            if (service != null) {
                entries.add(new Entry(name, service, Optional.ofNullable(admins.get(name))));
            }
        }
        return entries;
    }

    /**
     * @param requested a service name, or blank for "the only one"
     * @return the services a command acts on: the named one, or all of them
     * @throws UsageException when the named service is unknown or there is none at all
     */
    List<Entry> select(String requested) throws UsageException {
        List<Entry> all = all();
        if (all.isEmpty()) {
            throw new UsageException("no mail service is running; configure one (factory PID io.cellmail.mail)");
        }
        if (requested == null || requested.isBlank()) {
            return all;
        }
        return all.stream().filter(e -> e.name().equals(requested.strip())).findFirst().map(List::of)
                .orElseThrow(() -> new UsageException("no mail service named '" + requested.strip()
                        + "'; there are: " + names(all)));
    }

    /**
     * @param requested a service name, or blank when there is only one
     * @return the one service a command acts on
     * @throws UsageException when it is unknown, or when none is named and there are several
     */
    Entry one(String requested) throws UsageException {
        List<Entry> selected = select(requested);
        if (selected.size() > 1) {
            throw new UsageException("there are several mail services (" + names(selected)
                    + "); choose one with --service <name>");
        }
        return selected.get(0);
    }

    private static String names(List<Entry> entries) {
        return String.join(", ", entries.stream().map(Entry::name).toList());
    }

    /** @return the service's name; a service without one is known by its service id */
    static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(CellularMailService.NAME_PROPERTY);
        if (name != null && !String.valueOf(name).isBlank()) {
            return String.valueOf(name).strip();
        }
        return "service." + properties.get("service.id");
    }
}
