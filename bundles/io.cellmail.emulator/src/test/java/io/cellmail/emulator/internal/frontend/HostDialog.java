/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A host talking to the modem through some front end: sends text and waits, bounded, for text to arrive after
 * what was already matched.
 */
final class HostDialog {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HostReader reader;
    private final OutputStream out;
    private int matched;

    HostDialog(InputStream in, OutputStream out, String name) {
        this.reader = HostReader.follow(in, name);
        this.out = out;
    }

    /** Sends the text as it is (add {@code \r} for a command line). */
    HostDialog send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Waits until the fragment arrives after the previous match, and moves past it. */
    HostDialog expect(String fragment) {
        await().atMost(WAIT).until(() -> reader.text().indexOf(fragment, matched) >= 0);
        matched = reader.text().indexOf(fragment, matched) + fragment.length();
        return this;
    }

    /** @return everything received so far */
    String received() {
        return reader.text();
    }

    /** @return whether the connection has ended for the reader */
    boolean ended() {
        return reader.ended();
    }
}
