/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A host talking to a module: collects what arrives on a thread of its own, so a test awaits text with a bound
 * instead of blocking in read(). The thread ends with the stream (close the link or socket to stop it).
 */
final class TextFollower {

    private static final Duration WAIT = Duration.ofSeconds(10);

    // Appended by the reading thread, read by the test's: StringBuffer's locking is what is wanted here.
    @SuppressWarnings("JdkObsolete")
    private final StringBuffer received = new StringBuffer();
    private final OutputStream out;
    private final Thread reader;

    TextFollower(InputStream in, OutputStream out) {
        this.out = out;
        this.reader = new Thread(() -> collect(in), "test-host-reader");
        reader.setDaemon(true);
        reader.start();
    }

    TextFollower command(String line) throws IOException {
        out.write((line + "\r").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Waits until the fragment has arrived. */
    TextFollower expect(String fragment) {
        await().atMost(WAIT).until(() -> received.indexOf(fragment) >= 0);
        return this;
    }

    /** Waits until the stream has ended. */
    void awaitEnd() throws InterruptedException {
        reader.join(WAIT.toMillis());
    }

    boolean ended() {
        return !reader.isAlive();
    }

    private void collect(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // The connection is gone: nothing more will come.
        }
    }
}
