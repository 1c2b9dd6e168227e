/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Draws kinds at random without starving any: the cards are shuffled with the soak's seeded random source and
 * dealt one by one, then shuffled again, so that even a short run meets every kind.
 *
 * @param <T> what the cards are
 */
final class Deck<T> {

    private final List<T> cards;
    private final Random random;
    private final List<T> left = new ArrayList<>();

    /**
     * @param cards the cards; a kind that appears twice is drawn twice as often
     * @param random the soak's random source
     */
    Deck(List<T> cards, Random random) {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("an empty deck");
        }
        this.cards = List.copyOf(cards);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the next card */
    synchronized T draw() {
        if (left.isEmpty()) {
            left.addAll(cards);
            Collections.shuffle(left, random);
        }
        return left.remove(left.size() - 1);
    }
}
