/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a {@link LineFramer} emits: lines as themselves, lines begun before the last command with an
 * {@value #EARLIER} marker in front, prompts and overflows as markers.
 */
final class RecordingSink implements LineFramer.Sink {

    static final String PROMPT = "<prompt>";
    static final String OVERFLOW = "<overflow>";
    static final String EARLIER = "<earlier>";

    final List<String> tokens = new ArrayList<>();

    @Override
    public void line(String line) {
        tokens.add(line);
    }

    @Override
    public void earlierLine(String line) {
        tokens.add(EARLIER + line);
    }

    @Override
    public void prompt() {
        tokens.add(PROMPT);
    }

    @Override
    public void overflow() {
        tokens.add(OVERFLOW);
    }
}
