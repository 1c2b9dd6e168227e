/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LTE module's SSL contexts 0-5 ({@code AT+QSSLCFG}): each key's value as the query form prints it. Volatile
 * (chosen: a boot goes back to the defaults).
 */
public final class SslContexts {

    /** Lowest context id. */
    public static final int FIRST = 0;
    /** Highest context id. */
    public static final int LAST = 5;

    /** Every key with its power-on value, in the order the test form lists them. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<Integer, Map<String, String>> values = new HashMap<>();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("sslversion", "4");
        defaults.put("ciphersuite", "0xFFFF");
        defaults.put("seclevel", "0");
        defaults.put("cacert", "\"\"");
        defaults.put("clientcert", "\"\"");
        defaults.put("clientkey", "\"\"");
        defaults.put("ignorelocaltime", "1");
        defaults.put("negotiatetime", "300");
        defaults.put("sni", "0");
        return java.util.Collections.unmodifiableMap(defaults);
    }

    public void reset() {
        values.clear();
    }

    /** @return the value of {@code key} in context {@code id} as printed (strings quoted) */
    public String value(int id, String key) {
        return values.getOrDefault(id, Map.of()).getOrDefault(key, DEFAULTS.get(key));
    }

    public void set(int id, String key, String printed) {
        values.computeIfAbsent(id, k -> new HashMap<>()).put(key, printed);
    }

    /** @return a number-valued key of a context */
    public int number(int id, String key) {
        return Integer.parseInt(value(id, key));
    }

    /** @return a string-valued key of a context, without its quotes */
    public String text(int id, String key) {
        String printed = value(id, key);
        return printed.substring(1, printed.length() - 1);
    }
}
