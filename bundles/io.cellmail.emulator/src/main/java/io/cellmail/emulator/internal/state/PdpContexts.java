/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The LTE module's PDP contexts 1-16 ({@code AT+QICSGP}, {@code AT+QIACT}): how each is defined and which are
 * active. Volatile: a boot forgets both, as the emulator does not model saving them to NVRAM.
 */
public final class PdpContexts {

    /** Lowest context id. */
    public static final int FIRST = 1;
    /** Highest context id. */
    public static final int LAST = 16;

    /**
     * A context's definition.
     *
     * @param type 1 IPv4, 2 IPv6, 3 IPv4v6
     * @param apn the access point name
     * @param user the user name
     * @param password the password; shown by the query form as the real module does, masked in the transcript
     * @param authentication 0 none, 1 PAP, 2 CHAP, 3 PAP or CHAP
     */
    public record Definition(int type, String apn, String user, String password, int authentication) {

        /** What an undefined context reports: IPv4, no APN, no credentials. */
        public static final Definition DEFAULT = new Definition(1, "", "", "", 0);
    }

    private final Map<Integer, Definition> definitions = new TreeMap<>();
    private final Map<Integer, Boolean> active = new TreeMap<>();

    /** Forgets every definition and deactivates every context. */
    public void reset() {
        definitions.clear();
        active.clear();
    }

    public Definition definition(int id) {
        return definitions.getOrDefault(id, Definition.DEFAULT);
    }

    public void define(int id, Definition definition) {
        definitions.put(id, definition);
    }

    public boolean active(int id) {
        return active.getOrDefault(id, false);
    }

    public void activate(int id) {
        active.put(id, true);
    }

    public void deactivate(int id) {
        active.remove(id);
    }

    /** @return the active context ids, lowest first */
    public Iterable<Integer> activeIds() {
        return Map.copyOf(active).keySet().stream().sorted().toList();
    }

    /** @return the lowest active context id, if any */
    public Optional<Integer> anyActive() {
        return active.keySet().stream().findFirst();
    }

    /** @return the address the network gave an active context: IPv4 for types 1 and 3, IPv6 for type 2 */
    public String address(int id) {
        return definition(id).type() == 2 ? "fd00:0:0:1::" + Integer.toHexString(id) : "10.64.0." + (id + 1);
    }
}
