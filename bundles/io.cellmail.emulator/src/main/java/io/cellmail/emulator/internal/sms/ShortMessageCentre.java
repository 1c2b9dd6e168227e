/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.errorprone.annotations.concurrent.GuardedBy;

import io.cellmail.emulator.DeliveredSms;
import io.cellmail.emulator.SmsCentre;

/**
 * The network side of the emulated module's short messages: refuses a destination the network cannot route,
 * reassembles concatenated messages by (number, reference) and keeps what was delivered. The modem thread submits,
 * tests read from any thread.
 */
public final class ShortMessageCentre implements SmsCentre {

    /** RP cause 1, "unassigned (unallocated) number": what the network answers for a number it cannot route. */
    public static final int UNASSIGNED_NUMBER = 1;

    private static final int MAX_INTERNATIONAL_DIGITS = 15;

    private record Key(String number, int reference, boolean sixteenBit) {
    }

    private record Group(int total, TreeMap<Integer, DeliveredSms.Part> parts) {
    }

    @GuardedBy("this")
    private final List<DeliveredSms> delivered = new ArrayList<>();
    @GuardedBy("this")
    private final Map<Key, Group> waiting = new HashMap<>();
    @GuardedBy("this")
    private final List<String> anomalies = new ArrayList<>();

    /**
     * Takes one SMS-SUBMIT from the module.
     *
     * @param submission the part or message
     * @param messageReference the TP-MR the module gave it
     * @return 0 when the network accepted it, else the RP cause it refused it with
     */
    public synchronized int submit(Submission submission, int messageReference) {
        // E.164 allows 15 digits; a longer international number reaches nobody.
        if (submission.number().startsWith("+") && submission.digits().length() > MAX_INTERNATIONAL_DIGITS) {
            return UNASSIGNED_NUMBER;
        }
        DeliveredSms.Part part = new DeliveredSms.Part(messageReference, submission.text(),
                submission.alphabet().encoding(), submission.length());
        if (submission.concatenation().isEmpty()) {
            deliver(new DeliveredSms(submission.number(), part.text(), part.encoding(), OptionalInt.empty(),
                    List.of(part)));
            return 0;
        }
        Concatenation header = submission.concatenation().get();
        if (!header.usable()) {
            anomalies.add("part " + header.sequence() + "/" + header.total() + " of reference " + header.reference()
                    + " to " + submission.number() + ": header ignored, shown as a message of its own");
            deliver(new DeliveredSms(submission.number(), part.text(), part.encoding(), OptionalInt.empty(),
                    List.of(part)));
            return 0;
        }
        collect(submission.number(), header, part);
        return 0;
    }

    @GuardedBy("this")
    private void collect(String number, Concatenation header, DeliveredSms.Part part) {
        Key key = new Key(number, header.reference(), header.sixteenBit());
        Group group = waiting.computeIfAbsent(key, k -> new Group(header.total(), new TreeMap<>()));
        String which = "part " + header.sequence() + "/" + header.total() + " of reference " + header.reference()
                + " to " + number;
        if (group.total() != header.total()) {
            anomalies.add(which + ": the message has " + group.total() + " parts, dropped");
            return;
        }
        if (group.parts().containsKey(header.sequence())) {
            anomalies.add(which + ": duplicate, dropped");
            return;
        }
        group.parts().put(header.sequence(), part);
        if (group.parts().size() < group.total()) {
            return;
        }
        waiting.remove(key);
        List<DeliveredSms.Part> parts = List.copyOf(group.parts().values());
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        if (parts.stream().map(DeliveredSms.Part::encoding).distinct().count() > 1) {
            anomalies.add("message of reference " + header.reference() + " to " + number + ": parts in different "
                    + "encodings");
        }
        deliver(new DeliveredSms(number, text.toString(), parts.get(0).encoding(), OptionalInt.of(header.reference()),
                parts));
    }

    @GuardedBy("this")
    private void deliver(DeliveredSms message) {
        delivered.add(message);
        notifyAll();
    }

    @Override
    public synchronized List<DeliveredSms> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public synchronized List<DeliveredSms> awaitDelivered(int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (delivered.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(delivered.size() + " of " + count + " messages delivered within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(delivered);
    }

    @Override
    public synchronized int waitingParts() {
        return waiting.values().stream().mapToInt(group -> group.parts().size()).sum();
    }

    @Override
    public synchronized List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    @Override
    public synchronized void clear() {
        delivered.clear();
        waiting.clear();
        anomalies.clear();
    }
}
