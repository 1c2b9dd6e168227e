/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads standard input on its own daemon thread, so that the terminal can stop on Ctrl-C or SIGTERM while nobody
 * types (a read from stdin cannot be interrupted). The thread ends at the end of input.
 */
final class InputLines implements LineSource {

    private static final Logger LOG = LoggerFactory.getLogger(InputLines.class);

    /** Marks the end of input in the queue. */
    // A marker no line read can be: the queue holds strings, and this one is told apart by identity.
    private static final String END = new String("end of input");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(1024);
    private final CompletableFuture<Void> stop;
    private boolean ended;

    private InputLines(CompletableFuture<Void> stop) {
        this.stop = stop;
    }

    /**
     * @param in the input to read
     * @param charset its encoding
     * @param stop ends {@link #next()} when complete
     * @return the running reader
     */
    static InputLines start(InputStream in, Charset charset, CompletableFuture<Void> stop) {
        InputLines source = new InputLines(Objects.requireNonNull(stop, "stop"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
        Thread thread = new Thread(() -> source.readAll(reader), "cellmail-cli-stdin");
        thread.setDaemon(true);
        thread.start();
        return source;
    }

    private void readAll(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.put(line);
            }
        } catch (IOException e) {
            LOG.debug("Reading standard input failed; treating it as its end", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endOfInput();
        }
    }

    private void endOfInput() {
        try {
            lines.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    // END is compared by identity on purpose: a line that reads "end of input" is a line.
    @SuppressWarnings("ReferenceEquality")
    public Optional<String> next() {
        while (!ended && !stop.isDone()) {
            String line;
            try {
                line = lines.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (line == END) {
                ended = true;
            } else if (line != null) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
