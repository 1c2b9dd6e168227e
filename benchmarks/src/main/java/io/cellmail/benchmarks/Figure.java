/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.util.Objects;

/**
 * One row of the results table: what was measured, against what, and whether it meets its target.
 *
 * @param id the item and figure, e.g. {@code 1a}
 * @param name what the figure is
 * @param measured the measured value with its unit (and spread)
 * @param reference what it is compared with, or empty
 * @param ratio measured ÷ reference (or the other way round, as the name says), or empty
 * @param target the target, or empty
 * @param verdict whether the target is met
 */
public record Figure(String id, String name, String measured, String reference, String ratio, String target,
        Verdict verdict) {

    /** Whether a figure meets its target. */
    public enum Verdict {
        /** The target is met. */
        MET("met"),
        /** The target is missed; BENCHMARKS.md explains why. */
        MISSED("**missed**"),
        /** No target: the figure is for information. */
        INFO("—");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** @return how the table shows it */
        public String text() {
            return text;
        }

        /**
         * @param met whether the target is met
         * @return {@link #MET} or {@link #MISSED}
         */
        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
    }
}
