/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtCounters;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Transcript;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.at.UrcListener;

/**
 * The caller's side of the engine: checks requests, hands them to the {@link Conversation} on the engine thread
 * and returns their futures; starts and stops the threads. Callable from any thread; never runs engine work on the
 * caller's thread.
 */
public final class EngineCore implements AtChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;

    private final String name;
    private final EngineLoop loop;
    private final Notifier notifier;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters = new EngineCounters();
    private final Conversation conversation;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();

    /** @param settings the engine's settings */
    public EngineCore(AtEngineSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.name = settings.name();
        this.loop = new EngineLoop(name);
        this.notifier = new Notifier(name);
        this.transcript = new TranscriptRecorder(settings.transcriptCapacity(), Clock.systemUTC());
        this.conversation = new Conversation(settings, loop, notifier, transcript, counters);
    }

    /** Opens the link and initialises the modem, in the background. */
    public void start() {
        if (closing.get()) {
            throw new IllegalStateException("engine " + name + " is closed");
        }
        if (started.compareAndSet(false, true)) {
            LOG.debug("starting AT engine {}", name);
            loop.post(conversation::openLink);
        }
    }

    /** Fails every pending command with {@code CLOSED}, closes the link, stops all threads. */
    public void close() {
        if (closing.compareAndSet(false, true)) {
            LOG.debug("closing AT engine {}", name);
            LinkSession session = conversation.currentSession();
            if (session != null && !conversation.promptUnderWay()) {
                // ends the reader's wait and a write in progress at once; the engine thread itself never waits for
                // a write, so the shutdown task gets its turn even if a write ignores the close. Not while a prompt
                // upload is under way: the shutdown first closes the modem's prompt with ESC (waiting for that write
                // a short, bounded time), then the link
                session.closeLink();
            }
            if (!loop.post(conversation::shutdown)) {
                loop.shutdown();
            }
        }
        if (!loop.isLoopThread()) {
            loop.awaitStop(STOP_PATIENCE);
        }
        notifier.close();
    }

    @Override
    public CompletionStage<AtResponse> send(AtCommand command) {
        Objects.requireNonNull(command, "command");
        if (command.intermediate().isPresent()) {
            throw new IllegalArgumentException("a command with an intermediate is an upload: " + command);
        }
        return submit(new Job<>(command, null, null, AtResponse.class));
    }

    @Override
    public CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(options, "options");
        if (command.deferredPrefix().isPresent()) {
            throw new IllegalArgumentException("an upload has a result line, not a deferred result: " + command);
        }
        if (options.ending() == UploadOptions.Ending.CTRL_Z) {
            for (byte b : payload) {
                if (b == CTRL_Z || b == ESC) {
                    throw new IllegalArgumentException("a Ctrl-Z payload must not contain Ctrl-Z or ESC");
                }
            }
        }
        return submit(new Job<>(command, payload.clone(), options, UploadResult.class));
    }

    @Override
    public void modemReset(String reason) {
        Objects.requireNonNull(reason, "reason");
        loop.post(() -> conversation.modemReset(reason));
    }

    @Override
    public void addUrcListener(UrcListener listener) {
        notifier.addUrcListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeUrcListener(UrcListener listener) {
        notifier.removeUrcListener(listener);
    }

    @Override
    public void addModemListener(ModemListener listener) {
        notifier.addModemListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeModemListener(ModemListener listener) {
        notifier.removeModemListener(listener);
    }

    @Override
    public EngineState state() {
        return conversation.state();
    }

    @Override
    public long epoch() {
        return conversation.epoch();
    }

    @Override
    public AtCounters counters() {
        return counters.snapshot();
    }

    @Override
    public Transcript transcript() {
        return transcript.snapshot();
    }

    // The stage whenComplete returns only mirrors job.future, which the caller holds and sees fail.
    @SuppressWarnings("FutureReturnValueIgnored")
    private <T> CompletionStage<T> submit(Job<T> job) {
        // the caller may cancel (or otherwise complete) the future; the conversation then withdraws the job. A job the
        // engine finished needs nothing more (no hand-over to the engine thread for every command).
        job.future.whenComplete((value, failure) -> {
            if (!job.finished) {
                loop.post(() -> conversation.abandoned(job));
            }
        });
        if (closing.get() || !loop.postUnhurried(() -> conversation.enqueue(job))) {
            job.finished = true;
            job.future.completeExceptionally(Conversation.closedFailure(job.command));
        }
        return job.future;
    }
}
