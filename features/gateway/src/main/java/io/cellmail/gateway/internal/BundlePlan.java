/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The bundles a gateway runs, each with its start level, in install order.
 *
 * @param entries the bundles
 */
record BundlePlan(List<Entry> entries) {

    BundlePlan {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a gateway without bundles");
        }
    }

    /** @return the start level the framework must reach so that every bundle runs */
    int highestStartLevel() {
        return entries.stream().mapToInt(Entry::startLevel).max().orElseThrow();
    }

    /**
     * @param more bundles to run as well
     * @return these bundles, then the others
     */
    BundlePlan with(BundlePlan more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries());
        return new BundlePlan(all);
    }

    /** @return the same bundles sorted by start level, keeping the listed order within one level */
    BundlePlan inStartLevelOrder() {
        return new BundlePlan(entries.stream().sorted(Comparator.comparingInt(Entry::startLevel)).toList());
    }

    /**
     * One bundle.
     *
     * @param startLevel its start level, 1 or more
     * @param file its jar
     */
    record Entry(int startLevel, Path file) {
        Entry {
            Objects.requireNonNull(file, "file");
            if (startLevel < 1) {
                throw new IllegalArgumentException("start level must be 1 or more: " + startLevel + " for " + file);
            }
        }
    }
}
