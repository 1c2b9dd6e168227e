/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.List;
import java.util.Objects;

/**
 * An alarm that arrived more than once, and why each copy but the last was sent again.
 *
 * @param alarmId the alarm
 * @param deliveries how many times it arrived
 * @param copies for each arrival, in time order: the PUT that carried it and why its result did not end the mail,
 *        or that it did
 * @param explained whether all copies but one come from results lost between the SMTP server and the outbox: the
 *        gateway killed during that PUT, the module rebooted during it, or the link dropped under it
 * @param history what else the run knows of the alarm, to find the cause of an unexplained one: the alarm bundle's
 *        journal and the restarts that found it waiting in the outbox
 */
record Duplicate(String alarmId, int deliveries, List<String> copies, boolean explained, List<String> history) {

    Duplicate {
        Objects.requireNonNull(alarmId, "alarmId");
        copies = List.copyOf(copies);
        history = List.copyOf(history);
    }
}
