/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SMS outbox as the fallback sees it ({@link SmsJobs}), for unit tests of the fallback: records each decision
 * in order, fails on command as a full disk would, and holds an SMS as pending until a test says it went. The real
 * SMS outbox and its dispatch are tested on their own.
 */
final class RecordingSmsJobs implements SmsJobs {

    private final List<SmsJob> decided = new CopyOnWriteArrayList<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;
    private volatile Runnable onDecide = () -> { };

    /** From now on {@link #decide} fails (true) or stores (false). */
    void failing(boolean value) {
        failing = value;
    }

    /** Runs at each {@link #decide}, before it stores or fails: to look at the mail outbox at that moment. */
    void onDecide(Runnable value) {
        onDecide = value;
    }

    /** The SMS about this mail went: it is no longer pending. */
    void sent(String mailId) {
        sent.add(mailId);
    }

    /** @return every SMS stored, in order */
    List<SmsJob> decided() {
        return List.copyOf(decided);
    }

    @Override
    public void decide(SmsJob job) throws IOException {
        onDecide.run();
        if (failing) {
            throw new IOException("No space left on device (scripted)");
        }
        decided.add(job);
    }

    @Override
    public boolean pendingFor(String mailId) {
        return !sent.contains(mailId) && decided.stream().anyMatch(job -> job.id().equals(mailId));
    }
}
