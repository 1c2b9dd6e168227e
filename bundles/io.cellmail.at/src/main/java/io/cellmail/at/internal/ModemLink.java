/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtEngineSettings;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

/**
 * The engine's link to the modem across its sessions: opens it (again after a loss, with backoff), writes to it with
 * a budget per write, and tells the {@link Events} what arrives and when the link is gone. In the engine's turn,
 * except {@link #currentSession()}.
 *
 * <p><b>Writes and their budget.</b> A write that outlasts its budget (twice its line time plus
 * {@link AtEngineSettings#writeGrace()}, after the budgets of writes before it) means the link is stuck: a module
 * holding CTS low, a peer that stopped reading. It is reported as a loss like any other. No write ever runs in the
 * engine's turn, so its timers, the URC routing and closing go on whatever a write does. A write that may block
 * goes to the session's writer thread. One that cannot block for long is left to the reader thread when the reader
 * itself asks for it (it handles a reply and sends the next command): it writes once it has let go of the turn and
 * then reads the reply, with no thread woken on the way. Cannot block for long means: no flow control (without it a
 * line takes every byte within its line time, and only flow control — RTS/CTS held by a module asleep or in reset —
 * makes a serial write wait without limit), at most {@link #INLINE_MAX_LINE_NANOS} of line time (every usual command
 * line at 115 200 baud; payloads are written by the writer thread), and every write handed over before already
 * written (its end may not be reported yet: a link that answers inside the write call delivers the reply first). A
 * stuck peer of a socket can still hold such a write; its budget then ends the link, and closing the link ends the
 * write, as for the writer thread.
 */
final class ModemLink {

    /** Receives what happens on the link, in the engine's turn. */
    interface Events {
        /** A session was opened. */
        void opened(LinkSession session);

        /** Bytes arrived, read at the given time. */
        void bytes(byte[] chunk, long arrivalNanos);

        /** The link is lost or stuck; the engine closes it and opens it again. */
        void lost(String reason);
    }

    /** The longest line time a write may have to be written by the reader thread. */
    static final long INLINE_MAX_LINE_NANOS = Duration.ofMillis(20).toNanos();

    private static final Logger LOG = LoggerFactory.getLogger(ModemLink.class);

    private final AtEngineSettings settings;
    private final String name;
    private final EngineLoop loop;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters;
    private final Events events;
    private final Notifier news;
    private final SessionListener sessionListener = new SessionListener();

    private volatile LinkSession currentSession;
    // in the engine's turn
    private LinkSession session;
    private boolean closed;
    private int sessionsOpened;
    private int openFailures;
    // writes handed over and not yet reported done, and what waits for them
    private int pendingWrites;
    private Runnable afterWrites;

    ModemLink(AtEngineSettings settings, EngineLoop loop, TranscriptRecorder transcript, EngineCounters counters,
            Notifier news, Events events) {
        this.news = news;
        this.settings = settings;
        this.name = settings.name();
        this.loop = loop;
        this.transcript = transcript;
        this.counters = counters;
        this.events = events;
    }

    /** @return the open session, if any; any thread, for closing its link from outside the engine's turn */
    LinkSession currentSession() {
        return currentSession;
    }

    /** @return true while a session is open */
    boolean isOpen() {
        return session != null;
    }

    /** @return the open session's timing; only while one is open */
    LinkTiming timing() {
        return session.timing();
    }

    /** @return the open session's line rate in baud; only while one is open */
    int baud() {
        return session.link().settings().baud();
    }

    /** Opens the link now; after a failure, tries again with backoff. */
    void open() {
        if (closed || session != null) {
            return;
        }
        SerialLink link;
        try {
            link = Objects.requireNonNull(settings.opener().open(), "the link opener returned null");
        } catch (SerialLinkException | RuntimeException e) {
            Duration delay = Backoff.delay(settings.reopenBackoffBase(), settings.reopenBackoffCap(), openFailures);
            if (openFailures++ == 0) {
                // once per outage, not per retry: a missing port would otherwise flood the log
                LOG.warn("cannot open the link of {} ({}); retrying with backoff", name, e.getMessage());
            }
            LOG.debug("opening the link of {} failed ({}); next try in {} ms", name, e.getMessage(), delay.toMillis());
            transcript.note("open failed: " + e.getMessage() + "; next try in " + delay.toMillis() + " ms");
            loop.schedule(this::open, delay.toNanos());
            return;
        }
        if (sessionsOpened++ > 0) {
            counters.reopens.incrementAndGet();
        }
        Duration knownJitter = settings.linkJitter();
        LinkSession s = new LinkSession(link, name, settings.writeGrace().toNanos(),
                knownJitter == null ? -1 : knownJitter.toNanos(), sessionListener, news);
        session = s;
        currentSession = s;
        transcript.note("opened " + link.uri());
        LOG.debug("link of {} opened: {}", name, link.uri());
        s.start();
        events.opened(s);
    }

    /** The modem was initialised on this link: the next outage starts its backoff afresh. */
    void initialised() {
        openFailures = 0;
    }

    /** Closes the session, if any; writes still pending belong to it and their ends, if they ever come, are ignored. */
    void closeSession() {
        LinkSession s = session;
        session = null;
        currentSession = null;
        pendingWrites = 0;
        afterWrites = null;
        if (s != null) {
            s.close();
        }
    }

    /** Opens the link again after the backoff delay; the session must be closed. */
    void reopenAfterBackoff(String reason) {
        Duration delay = Backoff.delay(settings.reopenBackoffBase(), settings.reopenBackoffCap(), openFailures++);
        transcript.note("reopening in " + delay.toMillis() + " ms: " + reason);
        loop.schedule(this::open, delay.toNanos());
    }

    /** Closes the session for good; nothing is opened again. */
    void close() {
        closed = true;
        closeSession();
    }

    /**
     * Writes the bytes without waiting for them (see the class comment for who writes them). If the write has not
     * finished by its deadline the link counts as lost.
     *
     * @param bytes what to write
     * @param then runs in the engine's turn once the write finished, given when it ended; not if the link is lost
     */
    void write(byte[] bytes, LongConsumer then) {
        write(bytes, true, then);
    }

    /**
     * Like {@link #write(byte[], LongConsumer)}.
     *
     * @param readerMayWrite false to have the writer thread write it in any case: it is woken for the write and
     *     stamps its end at once, while a reader that has just handled a reply may lose the processor between its
     *     write and the stamp, which then comes late by up to a time slice. The writes whose end starts a round-trip
     *     measurement want the exact stamp.
     */
    void write(byte[] bytes, boolean readerMayWrite, LongConsumer then) {
        LinkSession s = session;
        LinkWriter.Write w = new LinkWriter.Write(bytes, then);
        long now = System.nanoTime();
        long budget = s.timing().handedOver(bytes.length, now) - now;
        boolean byReader = readerMayWrite && s.isReaderThread() && cannotBlockForLong(s, bytes.length)
                && (pendingWrites == 0 || s.writesDoneSoon());
        pendingWrites++;
        w.deadline = loop.schedule(() -> writeOverdue(s, w, budget), budget);
        if (byReader) {
            s.reserve(w);
        } else {
            s.write(w);
        }
    }

    /** Runs the task once every write handed over so far has finished (now, if none is pending). */
    void afterWrites(Runnable task) {
        if (pendingWrites == 0) {
            task.run();
        } else if (afterWrites == null) {
            afterWrites = task;
        } else {
            Runnable earlier = afterWrites;
            afterWrites = () -> {
                earlier.run();
                task.run();
            };
        }
    }

    private static boolean cannotBlockForLong(LinkSession s, int bytes) {
        return s.link().settings().flowControl() == PortSettings.FlowControl.NONE
                && s.timing().lineNanos(bytes) <= INLINE_MAX_LINE_NANOS;
    }

    private void onWritten(LinkSession s, LinkWriter.Write w, long startNanos, long endNanos) {
        if (s != session || w.finished) {
            return;
        }
        w.finished = true;
        w.deadline.cancel();
        pendingWrites--;
        s.timing().written(w.bytes.length, startNanos);
        w.then.accept(endNanos);
        if (session == s && pendingWrites == 0 && afterWrites != null) {
            Runnable next = afterWrites;
            afterWrites = null;
            next.run();
        }
    }

    private void writeOverdue(LinkSession s, LinkWriter.Write w, long budgetNanos) {
        if (s != session || w.finished || closed) {
            return;
        }
        String reason = "a write of " + w.bytes.length + " bytes did not finish within "
                + Duration.ofNanos(budgetNanos).toMillis() + " ms (flow control held by the modem, or a peer that"
                + " stopped reading)";
        LOG.warn("link of {} is stuck: {}; reopening it", name, reason);
        onLost(s, reason);
    }

    private void onBytes(LinkSession s, byte[] chunk, long arrivalNanos) {
        if (s == session) {
            events.bytes(chunk, arrivalNanos);
        }
    }

    private void onLost(LinkSession s, String reason) {
        if (s != session || closed) {
            return;
        }
        LOG.debug("link of {} lost: {}", name, reason);
        transcript.note("link lost: " + reason);
        events.lost(reason);
    }

    /** The session's reports, run in the engine's turn by the reporting thread when it is free, else by its holder. */
    private final class SessionListener implements LinkSession.Listener {
        @Override
        public void bytes(LinkSession s, byte[] chunk, long arrivalNanos) {
            if (!loop.runOrPost(() -> onBytes(s, chunk, arrivalNanos))) {
                throw new RejectedExecutionException("engine stopped");
            }
        }

        @Override
        public void lost(LinkSession s, String reason) {
            loop.runOrPost(() -> onLost(s, reason));
        }

        @Override
        public void written(LinkSession s, LinkWriter.Write w, long startNanos, long endNanos) {
            if (!loop.runOrPost(() -> onWritten(s, w, startNanos, endNanos))) {
                throw new RejectedExecutionException("engine stopped");
            }
        }

        @Override
        public void writeFailed(LinkSession s, LinkWriter.Write w, String reason) {
            loop.runOrPost(() -> onLost(s, reason));
        }
    }
}
