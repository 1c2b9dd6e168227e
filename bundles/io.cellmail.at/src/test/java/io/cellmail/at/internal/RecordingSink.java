package io.cellmail.at.internal;

import java.util.ArrayList;
import java.util.List;

/** Collects what a {@link LineFramer} emits: lines as themselves, prompts and overflows as markers. */
final class RecordingSink implements LineFramer.Sink {

    static final String PROMPT = "<prompt>";
    static final String OVERFLOW = "<overflow>";

    final List<String> tokens = new ArrayList<>();

    @Override
    public void line(String line) {
        tokens.add(line);
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
