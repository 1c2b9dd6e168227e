/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.internal.transcript.TranscriptLog;

/**
 * Everything the modem says goes through here: V.250 framing ({@code \r\nOK\r\n} in verbose mode, {@code 0\r}
 * after {@code ATV0}), the line rate, and the transcript. With no host connected the output is recorded and
 * dropped, as on a serial line nobody listens to. A write that fails hangs the session up.
 */
public final class ResponseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

    private final TranscriptLog transcript;
    private final LineRate rate;
    private final BooleanSupplier verbose;
    private OutputStream sink;
    private Runnable hangUp = () -> { };

    /**
     * @param transcript where every sent line is recorded
     * @param rate the modem-to-host line rate
     * @param verbose true for text result codes ({@code ATV1}), false for numeric ones
     */
    public ResponseWriter(TranscriptLog transcript, LineRate rate, BooleanSupplier verbose) {
        this.transcript = Objects.requireNonNull(transcript, "transcript");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.verbose = Objects.requireNonNull(verbose, "verbose");
    }

    /** Sends from now on to {@code toHost}; {@code onBroken} is run when a write to it fails. */
    public synchronized void attach(OutputStream toHost, Runnable onBroken) {
        sink = Objects.requireNonNull(toHost, "toHost");
        hangUp = Objects.requireNonNull(onBroken, "onBroken");
    }

    /** Stops sending to {@code toHost}, if it is the current host. */
    public synchronized void detach(OutputStream toHost) {
        if (sink == toHost) {
            sink = null;
            hangUp = () -> { };
        }
    }

    /** Sends an information line, a URC or a result line. */
    public void line(String text) {
        transcript.sent(text);
        send(verbose.getAsBoolean() ? "\r\n" + text + "\r\n" : text + "\r\n");
    }

    /** Sends a final result code, text or numeric as {@code ATV} says. */
    public void finalCode(FinalCode code) {
        transcript.sent(code.text());
        send(verbose.getAsBoolean() ? "\r\n" + code.text() + "\r\n" : code.numeric() + "\r");
    }

    /** Echoes a command line back with the terminator it came with. */
    public void echo(String line, char terminator) {
        transcript.sent(line);
        send(line + terminator);
    }

    /**
     * Sends the prompt for a short message's text: its bytes as they are, no line framing, so a host reading lines
     * never gets it as one.
     */
    public void prompt(String bytes) {
        transcript.sent(bytes.strip());
        send(bytes);
    }

    /** Echoes bytes of a short message's text as they come ({@code ATE1}); the transcript gets the whole text. */
    public void echoText(byte[] bytes) {
        send(bytes);
    }

    /** Puts raw bytes on the line (injected noise). */
    public void noise(byte[] bytes) {
        transcript.noise(bytes);
        send(bytes);
    }

    private void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void send(byte[] bytes) {
        Runnable broken = null;
        synchronized (this) {
            if (sink == null) {
                return;
            }
            try {
                int chunk = rate.chunkSize();
                for (int off = 0; off < bytes.length; off += chunk) {
                    int len = Math.min(chunk, bytes.length - off);
                    sink.write(bytes, off, len);
                    sink.flush();
                    // the rest of a line follows its first chunk back to back
                    rate.pace(len, off > 0);
                }
            } catch (IOException e) {
                LOG.debug("the host stopped listening: {}", e.toString());
                broken = hangUp;
                sink = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broken != null) {
            broken.run();
        }
    }
}
