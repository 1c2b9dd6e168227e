/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.config.StoredConfiguration;

/**
 * A configuration as a {@code .cfg} file, the format Karaf and FileInstall read ({@code io.cellmail.mail-<name>.cfg}):
 * Java properties, one setting a line, sorted. Passwords are left out: the file says which were set.
 */
final class CfgFormat {

    private CfgFormat() {
    }

    static String write(StoredConfiguration configuration) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(CellularMailConfiguration.FACTORY_PID).append('-').append(configuration.name())
                .append(".cfg, exported by cellmail:config from ").append(configuration.id()).append('\n');
        if (!configuration.passwordsSet().isEmpty()) {
            out.append("# Passwords left out (set on the source: ").append(String.join(", ",
                    configuration.passwordsSet())).append("); set them with cellmail:config password <service> "
                    + "<name>\n");
        }
        for (Map.Entry<String, Object> entry : new TreeMap<>(configuration.values()).entrySet()) {
            out.append(escape(entry.getKey(), true)).append('=').append(escape(String.valueOf(entry.getValue()),
                    false)).append('\n');
        }
        return out.toString();
    }

    /** @return the settings of a {@code .cfg} file, as text, sorted by name */
    static Map<String, String> read(String text) throws UsageException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("not a .cfg file: " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : new TreeMap<>(properties).keySet().stream().map(String::valueOf).toList()) {
            settings.put(key, properties.getProperty(key));
        }
        return settings;
    }

    /** Java properties escaping: backslash, line breaks, leading blanks, separators in keys, non-ASCII. */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
