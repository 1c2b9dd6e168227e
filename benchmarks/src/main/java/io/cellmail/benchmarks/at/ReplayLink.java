/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/**
 * A link to a modem that answers from a {@link SessionRecording}, at once and without a line rate: it shows what
 * the host side costs when the modem and the wire cost nothing. A command line (up to CR) is answered with the
 * recorded reply for the same text (replies of a text repeat in recorded order); an upload's reply is split at
 * {@code CONNECT}, its rest sent when {@code +++} arrives. Commands the recording lacks (the engine's own
 * initialisation) get {@code OK}, {@code AT+CMEE?} its {@code +CMEE: 1}. Echo is off.
 *
 * <p>The reply is queued in the writing thread (the engine's), and read by the engine's reader thread, so every
 * hand-over between the engine's threads is measured as it happens with a real port.
 */
public final class ReplayLink implements SerialLink {

    /** A line rate high enough that the engine's drain-time estimate of a write is nil. */
    private static final PortSettings UNLIMITED = new PortSettings(Integer.MAX_VALUE, 8, PortSettings.Parity.NONE,
            PortSettings.StopBits.ONE, PortSettings.FlowControl.NONE);
    private static final byte[] OK = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CMEE = "\r\n+CMEE: 1\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = new byte[0];

    private final Map<String, Deque<SessionRecording.Reply>> replies = new HashMap<>();
    // replies on their way to the host; the reader parks when there is none (cheaper than a blocking queue's lock
    // and condition, whose cost would be counted as the engine's)
    private final Queue<byte[]> toHost = new ConcurrentLinkedQueue<>();
    private volatile Thread waitingReader;
    // bytes queued in toHost: what available() reports without walking the queue
    private final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<LinkLost> lost = new CompletableFuture<>();
    private final InputStream input = new ReplayInput();
    private final OutputStream output = new ReplayOutput();

    /** @param recording the replies to give */
    public ReplayLink(SessionRecording recording) {
        for (SessionRecording.Reply reply : recording.replies()) {
            replies.computeIfAbsent(reply.command(), c -> new ArrayDeque<>()).add(reply);
        }
    }

    @Override
    public URI uri() {
        return URI.create("replay:session");
    }

    @Override
    public PortSettings settings() {
        return UNLIMITED;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public CompletionStage<LinkLost> lost() {
        return lost.minimalCompletionStage();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            toHost.add(END);
            LockSupport.unpark(waitingReader);
        }
    }

    private void send(byte[] reply) {
        queuedBytes.addAndGet(reply.length);
        toHost.add(reply);
        Thread reader = waitingReader;
        if (reader != null && reader != Thread.currentThread()) {
            LockSupport.unpark(reader);
        }
    }

    /** The modem side: turns command lines into replies. Called by one writer at a time. */
    private final class ReplayOutput extends OutputStream {
        private byte[] line = new byte[256];
        private int lineLength;
        private SessionRecording.Reply upload;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed.get()) {
                throw new IOException("replay link closed");
            }
            if (upload != null) {
                // the engine writes the payload in one go and +++ alone, after its guard time
                if (length == 3 && bytes[offset] == '+' && bytes[offset + 1] == '+' && bytes[offset + 2] == '+') {
                    send(upload.afterData());
                    upload = null;
                }
                return;
            }
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\r') {
                    answer(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                    lineLength = 0;
                } else {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, 2 * line.length);
                    }
                    line[lineLength++] = bytes[i];
                }
            }
        }

        private void answer(String command) {
            Deque<SessionRecording.Reply> recorded = replies.get(command);
            if (recorded == null) {
                send(command.equals("AT+CMEE?") ? CMEE : OK);
                return;
            }
            SessionRecording.Reply reply = recorded.poll();
            recorded.add(reply);
            send(reply.beforeData());
            if (reply.afterData().length > 0) {
                upload = reply;
            }
        }
    }

    /** The host side: the engine's reader thread blocks here for the next reply. */
    private final class ReplayInput extends InputStream {
        private byte[] chunk = END;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int available() {
            return chunk.length - position + queuedBytes.get();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position >= chunk.length) {
                if (closed.get() && toHost.isEmpty()) {
                    return -1;
                }
                chunk = nextReply();
                queuedBytes.addAndGet(-chunk.length);
                position = 0;
                if (chunk == END) {
                    return -1;
                }
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        private byte[] nextReply() throws IOException {
            byte[] next = toHost.poll();
            while (next == null) {
                // announced before the last look: a reply queued after it unparks this thread
                waitingReader = Thread.currentThread();
                next = toHost.poll();
                if (next == null) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new IOException("interrupted");
                    }
                    next = toHost.poll();
                }
                waitingReader = null;
            }
            return next;
        }
    }
}
