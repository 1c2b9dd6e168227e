/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A group of related commands, each under its upper-case name (e.g. {@code +QSMTPDST}, {@code E}, {@code &W}). */
public interface CommandFamily {

    /** @return the handlers of this family by command name */
    Map<String, CommandHandler> handlers();

    /**
     * @param names commands another module of the family does not have (or has in another form)
     * @return this family without them
     */
    default CommandFamily without(String... names) {
        Map<String, CommandHandler> kept = new HashMap<>(handlers());
        List.of(names).forEach(kept::remove);
        return () -> Map.copyOf(kept);
    }
}
