/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a module said about itself.
 *
 * @param identity the lines {@code ATI} printed, in order (empty if it printed none)
 * @param model what {@code AT+CGMM} printed; empty where the module does not know the command (the M95)
 * @param family its SMTP client, from its answer to {@code AT+QSMTPCFG=?}
 */
public record ModuleIdentity(List<String> identity, Optional<String> model, ModuleFamily family) {

    private static final String CONFIG_PREFIX = "+QSMTPCFG:";
    private static final String REVISION = "Revision:";

    public ModuleIdentity {
        identity = List.copyOf(identity);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(family, "family");
    }

    /**
     * Tells the family from the answer to {@code AT+QSMTPCFG=?}. The GSM manual's test form answers
     * {@code +QSMTPCFG: (1)}, the range of its one numeric setting; the LTE client lists its settings by quoted
     * string keys, {@code +QSMTPCFG: "contextid",(1-16)} first. A module without an SMTP client answers
     * {@code ERROR}. A module that answers {@code OK} with no key counts as GSM: it knows the command, and the
     * GSM form is the one with no keys.
     *
     * @param testAnswer the info lines of {@code AT+QSMTPCFG=?}, or empty when the module answered with an error
     * @return the family
     */
    public static ModuleFamily familyOf(Optional<List<String>> testAnswer) {
        if (testAnswer.isEmpty()) {
            return ModuleFamily.NONE;
        }
        boolean keyed = testAnswer.get().stream()
                .filter(line -> line.startsWith(CONFIG_PREFIX))
                .map(line -> line.substring(CONFIG_PREFIX.length()).strip())
                .anyMatch(value -> value.startsWith("\""));
        return keyed ? ModuleFamily.LTE : ModuleFamily.GSM;
    }

    /** @return the module's name: its model, else the {@code ATI} line that names it, else {@code unknown module} */
    public String name() {
        if (model.isPresent() && !model.get().isBlank()) {
            return model.get().strip();
        }
        List<String> names = identity.stream().filter(line -> !line.startsWith(REVISION)).toList();
        return names.isEmpty() ? "unknown module" : names.get(names.size() - 1);
    }

    /** @return the name and, when {@code ATI} printed anything, its lines: {@code EG25 (Quectel EG25 Revision: ...)} */
    public String describe() {
        return identity.isEmpty() ? name() : name() + " (" + String.join(" ", identity) + ")";
    }
}
