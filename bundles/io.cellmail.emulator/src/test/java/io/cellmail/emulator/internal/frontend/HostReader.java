/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what a host-side stream delivers on a background thread, so tests can await text with a bound instead
 * of blocking in read(). The thread ends when the stream ends or fails (close the stream or its source to stop it).
 */
final class HostReader {

    // Appended by the reading thread, read by the test's: StringBuffer's locking is what is wanted here.
    @SuppressWarnings("JdkObsolete")
    private final StringBuffer received = new StringBuffer();
    private final Thread thread;

    private HostReader(InputStream in, String name) {
        thread = new Thread(() -> collect(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    static HostReader follow(InputStream in, String name) {
        return new HostReader(in, name);
    }

    private void collect(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // The stream is gone: nothing more will come.
        }
    }

    /** @return everything received so far */
    String text() {
        return received.toString();
    }

    /** @return whether the reading thread has ended (end of stream or failure) */
    boolean ended() {
        return !thread.isAlive();
    }

    /** Waits (bounded) for the reading thread to end. */
    void awaitEnd() throws InterruptedException {
        thread.join(5_000);
    }
}
