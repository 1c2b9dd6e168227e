/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.concurrent.CompletionStage;

import io.cellmail.at.internal.EngineCore;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The AT engine: an {@link AtChannel} over a link that {@link AtEngineSettings#opener()} opens. Plain Java, no
 * statics: make one per modem, {@link #start()} it, {@link #close()} it. It owns four threads, all named after
 * the settings' name and all stopped by {@code close()}: {@code cellmail-at-reader-<name>} reads the link,
 * {@code cellmail-at-writer-<name>} writes to it, {@code cellmail-at-engine-<name>} runs the protocol and never
 * waits for a write, {@code cellmail-at-notify-<name>} completes futures and calls listeners. A writer stuck in a
 * native write that ignores the closing of its port cannot be stopped from Java; it holds nothing the engine needs
 * and ends when the write returns.
 *
 * <pre>{@code
 * AtEngine engine = new AtEngine(AtEngineSettings.builder("modem0", () -> serialLinks.open(uri)).build());
 * engine.start();
 * engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"))
 *       .thenAccept(r -> r.firstInfo("+CSQ:").ifPresent(l -> log(l.intField(0))));
 * }</pre>
 *
 * <p>Lifecycle: {@code start()} returns at once; the engine opens the link, synchronises, initialises the modem
 * and becomes {@link EngineState#READY}. Commands sent before that wait in the queue. If the link cannot be
 * opened or breaks, the engine retries with exponential backoff for as long as it is open.
 */
@ProviderType
public final class AtEngine implements AtChannel, AutoCloseable {

    private final EngineCore core;

    /** @param settings the engine's settings */
    public AtEngine(AtEngineSettings settings) {
        this.core = new EngineCore(settings);
    }

    /** Opens the link and initialises the modem, in the background; idempotent. */
    public void start() {
        core.start();
    }

    /**
     * Fails every pending command with {@link AtException.Kind#CLOSED}, closes the link and stops the engine's
     * threads, waiting (bounded) for them. Idempotent.
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public CompletionStage<AtResponse> send(AtCommand command) {
        return core.send(command);
    }

    @Override
    public CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions options) {
        return core.upload(command, payload, options);
    }

    @Override
    public void modemReset(String reason) {
        core.modemReset(reason);
    }

    @Override
    public void addUrcListener(UrcListener listener) {
        core.addUrcListener(listener);
    }

    @Override
    public void removeUrcListener(UrcListener listener) {
        core.removeUrcListener(listener);
    }

    @Override
    public void addModemListener(ModemListener listener) {
        core.addModemListener(listener);
    }

    @Override
    public void removeModemListener(ModemListener listener) {
        core.removeModemListener(listener);
    }

    @Override
    public EngineState state() {
        return core.state();
    }

    @Override
    public long epoch() {
        return core.epoch();
    }

    @Override
    public AtCounters counters() {
        return core.counters();
    }

    @Override
    public Transcript transcript() {
        return core.transcript();
    }
}
