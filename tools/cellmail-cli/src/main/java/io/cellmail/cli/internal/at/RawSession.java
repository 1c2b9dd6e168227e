/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.Pause;
import io.cellmail.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal as a plain pipe: each typed line goes out with CR, everything the modem sends is printed (echo,
 * boot URCs, stray bytes escaped), passwords masked. To keep a script's commands from overrunning the modem, the
 * next line waits for a final result ({@code OK}, {@code ERROR}, {@code +CME ERROR}, {@code CONNECT}, {@code >})
 * or the timeout. After {@code CONNECT} the lines are payload (sent with CR LF) until a line {@code +++}, which is
 * sent as the module wants it: silence, {@code +++}, silence.
 */
final class RawSession implements TerminalSession {

    private static final Logger LOG = LoggerFactory.getLogger(RawSession.class);
    private static final Duration READER_STOP_WAIT = Duration.ofSeconds(2);
    private static final int MAX_LINE = 4096;

    private final SerialLink link;
    private final Duration timeout;
    private final Duration guardTime;
    private final TerminalOutput output;
    private final CompletableFuture<Void> stop;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private boolean dataMode;

    /**
     * @param link the open link; the session owns and closes it
     * @param timeout how long to wait for a final result before the next line is sent anyway
     * @param guardTime the silence before and after {@code +++}
     * @param output where the session is shown
     * @param stop ends a wait when complete
     */
    RawSession(SerialLink link, Duration timeout, Duration guardTime, TerminalOutput output,
            CompletableFuture<Void> stop) {
        this.link = Objects.requireNonNull(link, "link");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.guardTime = Objects.requireNonNull(guardTime, "guardTime");
        this.output = Objects.requireNonNull(output, "output");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.reader = new Thread(this::readLoop, "cellmail-cli-raw-reader");
        reader.setDaemon(true);
    }

    @Override
    public void open() {
        reader.start();
    }

    @Override
    public void execute(String line, LineSource input) {
        try {
            if (line.strip().equals("+++")) {
                escape();
                return;
            }
            lines.clear();
            output.sent(line);
            write((line + (dataMode ? "\r\n" : "\r")).getBytes(StandardCharsets.UTF_8));
            if (!dataMode) {
                awaitLine(RawSession::isFinal).filter(RawSession::isConnect).ifPresent(l -> dataMode = true);
            }
        } catch (IOException e) {
            output.note("cannot write to the link: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void escape() throws IOException, InterruptedException {
        output.sent("+++");
        lines.clear();
        pause(guardTime);
        write("+++".getBytes(StandardCharsets.US_ASCII));
        pause(guardTime);
        dataMode = false;
        // The result of a data-mode upload (+QSMTPBODY: n) or the OK of an escaped connection.
        awaitLine(l -> isFinal(l) || l.startsWith("+"));
    }

    /** Waits on purpose: the module only takes {@code +++} as the escape with silence around it. */
    private void pause(Duration duration) {
        Pause.unlessStopped(duration, stop);
    }

    private Optional<String> awaitLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stop.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                output.note("no final result within " + Durations.format(timeout));
                return Optional.empty();
            }
            String line = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private synchronized void write(byte[] bytes) throws IOException {
        OutputStream out = link.output();
        out.write(bytes);
        out.flush();
    }

    static boolean isFinal(String line) {
        String l = line.strip();
        return l.equals("OK") || l.equals("ERROR") || l.equals("NO CARRIER") || l.equals(">")
                || l.startsWith("+CME ERROR") || l.startsWith("+CMS ERROR") || isConnect(l);
    }

    static boolean isConnect(String line) {
        return line.strip().startsWith("CONNECT");
    }

    /** The link's only reader: splits on CR and LF, prints each line, and a {@code >} prompt that has no line end. */
    private void readLoop() {
        InputStream in = link.input();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\r' || b == '\n') {
                        emit(current);
                    } else if (b != 0 && current.size() < MAX_LINE) {
                        current.write(b);
                    }
                }
                String pending = current.toString(StandardCharsets.UTF_8).strip();
                if (pending.equals(">")) {
                    emit(current);
                }
            }
            if (link.isOpen()) {
                output.note("the link was closed at the other end");
            }
        } catch (IOException e) {
            if (link.isOpen()) {
                output.note("link lost: " + e.getMessage());
            }
        } finally {
            emit(current);
        }
    }

    private void emit(ByteArrayOutputStream current) {
        if (current.size() == 0) {
            return;
        }
        String line = printable(current.toString(StandardCharsets.UTF_8));
        current.reset();
        if (line.isBlank()) {
            return;
        }
        output.received(line);
        lines.add(line);
    }

    /** Control characters (other than tab) as {@code \xNN}, so a stray byte shows without breaking the screen. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c != '\t' && Character.isISOControl(c)) {
                shown.append(String.format("\\x%02x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    @Override
    public void close() {
        link.close();
        try {
            reader.join(READER_STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            LOG.debug("The raw reader did not stop within {}", READER_STOP_WAIT);
        }
    }
}
