/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.service.config.ConfigurationEvents;

/**
 * Tells of every configuration change made from the console: one log line saying what changed (a password only as
 * "set" or "cleared", never its value) and one EventAdmin event naming the changed attributes
 * ({@link ConfigurationEvents}). Without EventAdmin the event is dropped; the log line stays.
 */
final class ConfigurationJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationJournal.class);

    private final Supplier<EventAdmin> eventAdmin;

    ConfigurationJournal(Supplier<EventAdmin> eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * One change of one attribute.
     *
     * @param key the attribute
     * @param before the value before, as shown (null: not set)
     * @param after the value after, as shown
     * @param password whether it is a password: then neither value is ever shown
     */
    record Change(String key, Object before, Object after, boolean password) {

        /** @return e.g. {@code smtpPort 25 -> 587}, or {@code .smtpPassword set} */
        String describe() {
            if (password) {
                return key + (after == null || String.valueOf(after).isEmpty() ? " cleared" : " set");
            }
            return key + " " + (before == null ? "(default)" : before) + " -> " + after;
        }
    }

    /** @return the changes, described for the operator and the log */
    static String describe(List<Change> changes) {
        List<String> parts = new ArrayList<>();
        changes.forEach(change -> parts.add(change.describe()));
        return String.join(", ", parts);
    }

    /** @return the settings of a new configuration, {@code key=value} (a password only as set) */
    static String describeSettings(List<Change> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach(setting -> parts.add(setting.password() ? setting.describe()
                : setting.key() + "=" + setting.after()));
        return String.join(", ", parts);
    }

    void created(String platform, String name, String id, List<Change> settings) {
        LOG.info("cellmail:config: created {} ({}, {}): {}", name, id, platform, describeSettings(settings));
        post(ConfigurationEvents.CREATED, platform, name, id, settings);
    }

    void changed(String platform, String name, String id, List<Change> changes) {
        LOG.info("cellmail:config: changed {} ({}, {}): {}", name, id, platform, describe(changes));
        post(ConfigurationEvents.CHANGED, platform, name, id, changes);
    }

    void deleted(String platform, String name, String id) {
        LOG.info("cellmail:config: deleted {} ({}, {})", name, id, platform);
        post(ConfigurationEvents.DELETED, platform, name, id, List.of());
    }

    private void post(String topic, String platform, String name, String id, List<Change> changes) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            LOG.debug("No EventAdmin: {} of {} not posted", topic, name);
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationEvents.SERVICE_NAME, name);
        properties.put(ConfigurationEvents.CONFIGURATION_ID, id);
        properties.put(ConfigurationEvents.PLATFORM, platform);
        TreeSet<String> keys = new TreeSet<>();
        changes.forEach(change -> keys.add(change.key()));
        properties.put(ConfigurationEvents.CHANGED_KEYS, keys.toArray(String[]::new));
        admin.postEvent(new Event(topic, properties));
    }
}
