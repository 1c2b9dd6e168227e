/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.EmulatorSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the modem: answers every byte with the same byte, prefixed once per session by a greeting that
 * names the session, so tests can tell connections apart.
 */
final class EchoSession implements EmulatorSession {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final InputStream in;
    private final OutputStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;

    private EchoSession(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
        int number = SESSIONS.incrementAndGet();
        this.thread = new Thread(() -> echo("session " + number + "\n"), "echo-session-" + number);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return an {@link Attachable} that starts an echo session per connection */
    static Attachable attachable() {
        return EchoSession::new;
    }

    private void echo(String greeting) {
        try {
            out.write(greeting.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // Closed: the session ends.
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Ending anyway.
        }
        try {
            out.close();
        } catch (IOException e) {
            // Ending anyway.
        }
    }

    @Override
    public boolean isRunning() {
        return ended.getCount() > 0;
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
