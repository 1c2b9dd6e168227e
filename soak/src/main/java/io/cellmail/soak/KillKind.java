/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

/** When in a gateway's life the soak sends SIGKILL. */
enum KillKind {
    /** While it starts: the framework, the bundles, the outbox being read. */
    DURING_STARTUP("during start-up"),
    /** At a random moment of its run. */
    TIMED("at a random moment"),
    /** Just after the module took a PUT on. */
    AT_PUT_START("while a PUT runs"),
    /** The moment the SMTP server has the mail, before the module's result is on the gateway's disk. */
    AFTER_DELIVERY("after the SMTP server got the mail, before the result was recorded");

    private final String description;

    KillKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
