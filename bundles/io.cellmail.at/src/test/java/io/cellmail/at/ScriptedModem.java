/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

/**
 * A fake modem on in-memory streams that reacts to command lines with scripted output. Like a real module it
 * answers one command after the other: a delayed reply holds back the replies to later commands. It starts with
 * echo on, knows the init commands, answers {@code ERROR} to anything unscripted, can stay silent, enter data
 * mode, reboot, drop the link, refuse to open, and cut its output into random chunks.
 */
final class ScriptedModem implements AutoCloseable {

    private static final byte[] ESCAPE = "+++".getBytes(StandardCharsets.US_ASCII);

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-modem");
        t.setDaemon(true);
        return t;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final StringBuilder commandBuffer = new StringBuilder();
    private volatile boolean echo = true;
    private volatile FakeLink link;
    private volatile Random chunker;
    private int opens;
    private int refusals;
    private long busyUntilNanos;

    // data mode
    private Rule dataRule;
    private boolean dataMode;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    private int dataWrites;
    private long lastDataNanos;
    private volatile long escapeGapNanos = -1;
    private final AtomicInteger escapesInDataMode = new AtomicInteger();
    private final AtomicInteger abortedPrompts = new AtomicInteger();
    private final AtomicInteger escBytes = new AtomicInteger();
    private final List<byte[]> held = new ArrayList<>();
    private boolean promptPending;

    /** @return an opener for the engine: each call is a fresh link to this modem */
    LinkOpener opener() {
        return this::open;
    }

    synchronized SerialLink open() throws SerialLinkException {
        if (refusals > 0) {
            refusals--;
            throw new SerialLinkException(SerialLinkException.Reason.NO_SUCH_PORT, "no such port (scripted)");
        }
        opens++;
        link = new FakeLink(opens);
        return link;
    }

    /** A rule for command lines equal to {@code command}; rules added later win. */
    Rule on(String command) {
        return on(command::equals);
    }

    Rule on(Predicate<String> matcher) {
        Rule rule = new Rule(matcher);
        rules.add(0, rule);
        return rule;
    }

    /** Sends URC lines now (after any reply still pending). */
    void emit(String... lines) {
        schedule(Duration.ZERO, List.of(lines));
    }

    /** Sends raw bytes now. */
    void emitRaw(String raw) {
        FakeLink l = link;
        if (l != null) {
            l.push(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reboots: echo on, boot URCs. */
    void reboot() {
        synchronized (this) {
            echo = true;
            dataMode = false;
        }
        emit("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
    }

    void echo(boolean on) {
        echo = on;
    }

    /** The device vanishes: the link reports its loss and ends. */
    void dropLink() {
        FakeLink l = link;
        if (l != null) {
            l.drop();
        }
    }

    synchronized void refuseNextOpens(int count) {
        refusals = count;
    }

    void chunkRandomly(long seed) {
        chunker = new Random(seed);
    }

    synchronized int opens() {
        return opens;
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    /** @return {@code >> command} and {@code << line} entries in the order the modem saw and sent them */
    List<String> log() {
        return List.copyOf(log);
    }

    List<byte[]> uploads() {
        return List.copyOf(uploads);
    }

    synchronized int dataWrites() {
        return dataWrites;
    }

    synchronized byte[] dataSoFar() {
        return data.toByteArray();
    }

    long escapeGapNanos() {
        return escapeGapNanos;
    }

    /** @return how many prompts ESC closed without sending their text */
    int abortedPrompts() {
        return abortedPrompts.get();
    }

    /** @return how many ESC bytes the modem received */
    int escBytes() {
        return escBytes.get();
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    int escapesInDataMode() {
        return escapesInDataMode.get();
    }

    @Override
    public void close() {
        clock.shutdownNow();
        FakeLink l = link;
        if (l != null) {
            l.close();
        }
    }

    // ---------------------------------------------------------------- what the engine writes

    private synchronized void received(FakeLink from, byte[] bytes) {
        if (from != link) {
            return;
        }
        for (byte b : bytes) {
            if (b == 0x1B) {
                escBytes.incrementAndGet();
            }
        }
        dispatch(bytes);
    }

    private void dispatch(byte[] bytes) {
        if (promptPending) {
            // busy with a command that will prompt: the module reads nothing else until the prompt is shown
            held.add(bytes);
            return;
        }
        if (dataMode) {
            receivedData(bytes);
            return;
        }
        commandBytes(bytes);
    }

    private void commandBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0x1B) {
                // a module in command state takes ESC for nothing
                continue;
            }
            if (b == '\r') {
                String line = commandBuffer.toString();
                commandBuffer.setLength(0);
                onCommand(line);
            } else if (b != '\n') {
                commandBuffer.append((char) (b & 0xff));
            }
        }
    }

    private void receivedData(byte[] bytes) {
        long now = System.nanoTime();
        if (dataRule != null && dataRule.length > 0) {
            int take = Math.min(bytes.length, dataRule.length - data.size());
            data.write(bytes, 0, take);
            dataWrites++;
            lastDataNanos = now;
            if (data.size() == dataRule.length) {
                // what follows the counted bytes is a command again
                endData();
                if (take < bytes.length) {
                    received(link, Arrays.copyOfRange(bytes, take, bytes.length));
                }
            }
            return;
        }
        if (Arrays.equals(bytes, ESCAPE) && (dataRule == null || !dataRule.prompt)) {
            escapeGapNanos = now - lastDataNanos;
            escapesInDataMode.incrementAndGet();
            endData();
            return;
        }
        int esc = indexOf(bytes, (byte) 0x1B);
        if (dataRule != null && dataRule.prompt && esc >= 0) {
            // ESC at a text prompt: the message is discarded, nothing is sent, and the module answers OK; what
            // follows goes to the command line
            dataMode = false;
            dataRule = null;
            data.reset();
            abortedPrompts.incrementAndGet();
            schedule(Duration.ZERO, List.of("OK"));
            commandBytes(Arrays.copyOfRange(bytes, esc + 1, bytes.length));
            return;
        }
        if (dataRule != null && dataRule.ctrlZ && bytes.length > 0 && bytes[bytes.length - 1] == 0x1A) {
            data.write(bytes, 0, bytes.length - 1);
            dataWrites++;
            endData();
            return;
        }
        if (dataRule != null && dataRule.endsAfter >= 0) {
            // a module that leaves data mode by itself at the announced length: what follows is command input
            int take = Math.min(bytes.length, dataRule.endsAfter - data.size());
            data.write(bytes, 0, take);
            dataWrites++;
            lastDataNanos = now;
            if (data.size() >= dataRule.endsAfter) {
                endData();
                commandBytes(Arrays.copyOfRange(bytes, take, bytes.length));
            }
            return;
        }
        data.write(bytes, 0, bytes.length);
        dataWrites++;
        lastDataNanos = now;
    }

    private void endData() {
        dataMode = false;
        byte[] payload = data.toByteArray();
        uploads.add(payload);
        Rule rule = dataRule;
        dataRule = null;
        if (rule != null && rule.onData != null) {
            schedule(rule.resultDelay, rule.onData.apply(payload));
        }
    }

    // rules is a CopyOnWriteArrayList: the loop runs over a snapshot, and it returns after the removal anyway.
    @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
    private void onCommand(String received) {
        // as V.250 says and modules do, what comes before the AT prefix is ignored: a +++ that found the modem in
        // command mode waits in the line buffer and prefixes the next command
        int prefix = received.toUpperCase(Locale.ROOT).indexOf("AT");
        String line = prefix > 0 ? received.substring(prefix) : received;
        commands.add(line);
        log.add(">> " + received);
        if (echo) {
            link.push((received + "\r").getBytes(StandardCharsets.UTF_8));
        }
        for (Rule rule : rules) {
            if (rule.matcher.test(line)) {
                if (rule.once) {
                    rules.remove(rule);
                }
                react(rule);
                return;
            }
        }
        builtIn(line);
    }

    private void react(Rule rule) {
        if (rule.onData != null) {
            List<String> lines = new ArrayList<>(rule.lines);
            if (!rule.prompt) {
                lines.add("CONNECT");
            }
            promptPending = rule.prompt;
            schedule(rule.delay, lines, () -> {
                if (rule.prompt) {
                    link.push("\r\n> ".getBytes(StandardCharsets.US_ASCII));
                }
                enterDataMode(rule);
                promptPending = false;
                List<byte[]> waiting = List.copyOf(held);
                held.clear();
                for (byte[] chunk : waiting) {
                    dispatch(chunk);
                }
            });
        } else if (!rule.silent) {
            schedule(rule.delay, rule.lines);
        }
        if (rule.action != null) {
            var unused = clock.schedule(rule.action, rule.actionDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Puts the modem in data mode now, as if an upload had started (e.g. before a host restart). */
    synchronized void enterDataMode(Rule rule) {
        dataMode = true;
        dataRule = rule;
        data.reset();
        lastDataNanos = System.nanoTime();
    }

    private void builtIn(String line) {
        switch (line) {
            case "AT", "ATV1", "AT+CMEE=1" -> schedule(Duration.ZERO, List.of("OK"));
            case "ATE0" -> {
                echo = false;
                schedule(Duration.ZERO, List.of("OK"));
            }
            case "AT+CMEE?" -> schedule(Duration.ZERO, List.of("+CMEE: 1", "OK"));
            default -> schedule(Duration.ZERO, List.of("ERROR"));
        }
    }

    private void schedule(Duration delay, List<String> lines) {
        schedule(delay, lines, null);
    }

    /** Sends the lines after the delay, but never before replies scheduled earlier (one command at a time). */
    private synchronized void schedule(Duration delay, List<String> lines, Runnable afterSending) {
        long now = System.nanoTime();
        long at = Math.max(now + delay.toNanos(), busyUntilNanos);
        busyUntilNanos = at;
        FakeLink target = link;
        var unused = clock.schedule(() -> {
            // under the lock, so the host cannot write between CONNECT and the switch to data mode
            synchronized (ScriptedModem.this) {
                for (String line : lines) {
                    log.add("<< " + line);
                    target.push(("\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                if (afterSending != null) {
                    afterSending.run();
                }
            }
        }, at - now, TimeUnit.NANOSECONDS);
    }

    /** What the modem does with a matching command line. */
    static final class Rule {
        private final Predicate<String> matcher;
        private List<String> lines = List.of();
        private Duration delay = Duration.ZERO;
        private boolean silent;
        private boolean once;
        private boolean ctrlZ;
        private int length;
        private boolean prompt;
        private int endsAfter = -1;
        private Duration resultDelay = Duration.ZERO;
        private Function<byte[], List<String>> onData;
        private Runnable action;
        private Duration actionDelay = Duration.ZERO;

        Rule() {
            this(line -> false);
        }

        private Rule(Predicate<String> matcher) {
            this.matcher = matcher;
        }

        /** Answers with these lines. */
        Rule reply(String... replyLines) {
            this.lines = List.of(replyLines);
            return this;
        }

        /** Answers (or enters data mode) this late. */
        Rule after(Duration value) {
            this.delay = value;
            return this;
        }

        /** Never answers. */
        Rule silently() {
            this.silent = true;
            return this;
        }

        /** Applies to the next matching command only. */
        Rule once() {
            this.once = true;
            return this;
        }

        /**
         * Sends the reply lines, then {@code CONNECT}, enters data mode, and answers the payload (ended by
         * {@code +++} in one write, or by Ctrl-Z) with what {@code onPayload} returns.
         */
        Rule connect(Function<byte[], List<String>> onPayload) {
            this.onData = onPayload;
            return this;
        }

        /** Like {@link #connect}, but sends the {@code > } prompt (no line end) instead of CONNECT. */
        Rule prompt(Function<byte[], List<String>> onPayload) {
            this.onData = onPayload;
            this.prompt = true;
            return this;
        }

        /** Leaves data mode by itself once {@code length} payload bytes came ({@code +++} still ends it earlier). */
        Rule endsAfter(int length) {
            this.endsAfter = length;
            return this;
        }

        /** Answers the payload this long after it ended. */
        Rule resultAfter(Duration value) {
            this.resultDelay = value;
            return this;
        }

        Rule endedByCtrlZ() {
            this.ctrlZ = true;
            return this;
        }

        /** Leaves data mode by itself after this many payload bytes, as an LTE module does ({@code +++} is data). */
        Rule endedByLength(int bytes) {
            this.length = bytes;
            return this;
        }

        /** Also runs this, after the delay, on the modem's clock (e.g. a reboot). */
        Rule then(Duration after, Runnable value) {
            this.action = value;
            this.actionDelay = after;
            return this;
        }
    }

    /** One opened link to the modem. */
    final class FakeLink implements SerialLink {
        private final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        private final CompletableFuture<LinkLost> lost = new CompletableFuture<>();
        private final URI uri;
        private volatile boolean open = true;
        private final InputStream in = new ChunkInput();
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!open) {
                    throw new IOException("link closed");
                }
                received(FakeLink.this, Arrays.copyOfRange(b, off, off + len));
            }
        };

        FakeLink(int number) {
            this.uri = URI.create("fake:modem/" + number);
        }

        void push(byte[] bytes) {
            if (!open) {
                return;
            }
            Random cuts = chunker;
            if (cuts == null) {
                incoming.add(bytes);
                return;
            }
            synchronized (cuts) {
                int offset = 0;
                while (offset < bytes.length) {
                    int length = 1 + cuts.nextInt(Math.min(6, bytes.length - offset));
                    incoming.add(Arrays.copyOfRange(bytes, offset, offset + length));
                    offset += length;
                }
            }
        }

        void drop() {
            open = false;
            lost.complete(new LinkLost("device unplugged (scripted)", null));
            incoming.add(new byte[0]);
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public PortSettings settings() {
            return PortSettings.DEFAULT;
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public CompletionStage<LinkLost> lost() {
            return lost;
        }

        @Override
        public void close() {
            open = false;
            incoming.add(new byte[0]);
        }

        /** Hands out the pushed chunks one per read, so the engine sees exactly the scripted splits. */
        private final class ChunkInput extends InputStream {
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position == current.length) {
                    try {
                        current = incoming.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted");
                    }
                    position = 0;
                    if (current.length == 0) {
                        incoming.add(current);
                        return -1;
                    }
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        }
    }
}
