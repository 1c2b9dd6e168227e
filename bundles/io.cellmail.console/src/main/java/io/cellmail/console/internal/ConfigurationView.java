/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.metatype.AttributeDefinition;

import io.cellmail.service.config.StoredConfiguration;

/**
 * How {@code cellmail:config} shows configurations: a table of the services, or one service's settings with their
 * metatype names, defaults marked, and of each password only whether it is set.
 */
final class ConfigurationView {

    private ConfigurationView() {
    }

    /**
     * One row of the list.
     *
     * @param configuration the configuration
     * @param state the running service's state, or why it does not run
     */
    record Row(StoredConfiguration configuration, String state) {
    }

    static String list(String platform, List<Row> rows, SettingCheck check) {
        if (rows.isEmpty()) {
            return "No mail service is configured (" + platform + "); create one with cellmail:config create <name> "
                    + "port=... smtpHost=...\n";
        }
        StringBuilder out = new StringBuilder();
        String format = "%-16s  %-12s  %-40s  %-14s  %s%n";
        out.append(String.format(format, "NAME", "DIALECT", "PORT", "STATE", "ID"));
        for (Row row : rows) {
            StoredConfiguration configuration = row.configuration();
            out.append(String.format(format, configuration.name(), effective(configuration, check, "dialect"),
                    effective(configuration, check, "port"), row.state(), configuration.id()));
        }
        return out.append("(").append(platform).append(")\n").toString();
    }

    static String show(String platform, StoredConfiguration configuration, String state, SettingCheck check) {
        StringBuilder out = new StringBuilder();
        out.append(configuration.name()).append(" (").append(configuration.id()).append(", ").append(platform)
                .append("): ").append(state).append('\n');
        for (AttributeDefinition attribute : check.attributes()) {
            String id = attribute.getID();
            String shown;
            if (SettingCheck.isPassword(attribute)) {
                shown = configuration.passwordsSet().contains(id) ? "set" : "not set";
            } else if (configuration.values().containsKey(id)) {
                shown = String.valueOf(configuration.values().get(id));
            } else {
                shown = defaultOf(attribute) + "  (default)";
            }
            out.append(String.format("  %-42s %-26s %s%n", id, attribute.getName(), shown));
        }
        return out.toString();
    }

    /** @return the value set, or the default */
    static String effective(StoredConfiguration configuration, SettingCheck check, String id) {
        Map<String, Object> values = configuration.values();
        if (values.containsKey(id)) {
            return String.valueOf(values.get(id));
        }
        return check.attribute(id).map(ConfigurationView::defaultOf).orElse("");
    }

    static String defaultOf(AttributeDefinition attribute) {
        String[] defaults = attribute.getDefaultValue();
        return defaults == null || defaults.length == 0 ? "" : defaults[0];
    }
}
