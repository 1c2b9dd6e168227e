/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A conversation with one modem in AT commands. Thread-safe; nothing blocks the caller: every command returns a
 * stage, completed on the engine's notification thread (callbacks must not block it).
 *
 * <p>Guarantees:
 * <ul>
 * <li>One command at a time, in submission order. A command with a {@link AtCommand#deferredResult deferred
 *     result} holds the channel until that result arrives or its deadline passes: the module would answer other
 *     commands meanwhile, but a second command's reply could then interleave with the deferred line, and
 *     nothing a mail driver needs is worth that risk.</li>
 * <li>A command's reply is its own: echo is switched off and a line equal to the last command is dropped; URCs
 *     are routed to {@link UrcListener}s, never into a reply; after a timeout or cancellation the engine
 *     resynchronises ({@code AT} probes until a clean {@code OK}) before it sends the next command, so a late
 *     reply is consumed, not handed to the next command.</li>
 * <li>Cancelling a returned future ({@code toCompletableFuture().cancel(true)}, or {@code orTimeout}) withdraws
 *     a queued command, or abandons a running one and resynchronises as after a timeout.</li>
 * <li>If the modem reboots, the running command fails with {@link AtException.Kind#MODEM_REBOOTED}; if the link
 *     breaks, with {@link AtException.Kind#LINK_LOST}. Queued commands stay queued and run after the modem is
 *     initialised again, in a new {@link #epoch()}; pin a command with {@link AtCommand#onlyInEpoch} to have it
 *     fail instead.</li>
 * </ul>
 */
@ProviderType
public interface AtChannel {

    /**
     * Queues a command.
     *
     * @param command the command; must not declare an {@link AtCommand#intermediate intermediate}
     * @return a stage completed with the response, or failed with an {@link AtException}
     * @throws IllegalArgumentException if the command declares an intermediate (use {@link #upload})
     */
    CompletionStage<AtResponse> send(AtCommand command);

    /**
     * Queues a data-mode upload: sends the command, waits for {@code CONNECT} (with or without an {@code OK}
     * before it) or the {@code >} prompt, writes the payload in one go, ends it (guard time, {@code +++}, guard
     * time; or Ctrl-Z) and waits for the result line (with or without a following {@code OK}). A negative result
     * fails with {@link AtException.Kind#RESULT_ERROR} and the code; a length other than the bytes sent fails
     * with {@link AtException.Kind#UPLOAD_MISMATCH}.
     *
     * @param command e.g. {@code AtCommand.of("AT+QSMTPBODY=1,100")}
     * @param payload the bytes to upload; copied
     * @param options the result line and how the payload ends
     * @return a stage completed with the upload result, or failed with an {@link AtException}
     * @throws IllegalArgumentException if the command declares a deferred result, or a Ctrl-Z payload contains
     *     Ctrl-Z or ESC
     */
    CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions options);

    /**
     * Tells the engine that the modem lost the state the engine and its drivers gave it, although nothing on the
     * line said so: a module that rebooted with echo saved off and no boot URCs (autobauding) is silent about it,
     * and only a driver that finds its own volatile setting gone notices. The engine then acts as on a reboot:
     * the running command fails with {@link AtException.Kind#MODEM_REBOOTED}, listeners hear
     * {@link ModemListener#onRebooted}, the modem is initialised again and a new {@link #epoch()} begins.
     * Does nothing before the first initialisation or once closed.
     *
     * @param reason what the driver found, for the transcript and the listeners; must hold no secret
     */
    void modemReset(String reason);

    /** @param listener receives every URC from now on */
    void addUrcListener(UrcListener listener);

    /** @param listener no longer receives URCs */
    void removeUrcListener(UrcListener listener);

    /** @param listener receives lifecycle events from now on */
    void addModemListener(ModemListener listener);

    /** @param listener no longer receives lifecycle events */
    void removeModemListener(ModemListener listener);

    /** @return the current lifecycle state */
    EngineState state();

    /**
     * @return the number of successful (re)initialisations: 0 before the first, then 1, 2, ... A change means
     *     the modem forgot what was configured before (it rebooted, or the port was reopened)
     */
    long epoch();

    /** @return a snapshot of the counters */
    AtCounters counters();

    /** @return a snapshot of the recent traffic, secrets masked */
    Transcript transcript();
}
