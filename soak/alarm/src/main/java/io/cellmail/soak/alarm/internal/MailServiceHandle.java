/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.ComponentServiceObjects;

import io.cellmail.api.CellularMailService;

/**
 * How the alarm bundle holds the mail service: got when a request waits, and, unless told to hold it, let go once
 * the spool has been empty for a while. Getting and letting go are journalled: while nobody holds a delayed
 * component's service, Declarative Services deactivates it.
 */
final class MailServiceHandle {

    private final ComponentServiceObjects<CellularMailService> objects;
    private final Journal journal;
    private CellularMailService held;

    MailServiceHandle(ComponentServiceObjects<CellularMailService> objects, Journal journal) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * @return the service, got now if not held yet; empty when the framework cannot give it (it went away)
     * @throws IOException when the journal cannot be written
     */
    Optional<CellularMailService> get() throws IOException {
        if (held == null) {
            held = objects.getService();
            if (held != null) {
                journal.append("ACQUIRED", "-", "");
            }
        }
        return Optional.ofNullable(held);
    }

    /**
     * Lets the service go, if held.
     *
     * @throws IOException when the journal cannot be written
     */
    void release() throws IOException {
        if (held != null) {
            CellularMailService service = held;
            held = null;
            objects.ungetService(service);
            journal.append("RELEASED", "-", "");
        }
    }

    boolean isHeld() {
        return held != null;
    }
}
