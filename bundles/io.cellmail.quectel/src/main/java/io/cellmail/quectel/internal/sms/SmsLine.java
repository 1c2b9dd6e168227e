/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.UploadOptions;

/**
 * The SMS attempt's commands on the AT engine, pinned to one epoch. Commands before the first part are bound by the
 * attempt's deadline; a part's text is bound by its prompt wait and the network's 120 s, whatever the deadline, so
 * that a part the module may be sending is never given up early. A prompt the engine gives up on is closed with ESC
 * by the engine itself.
 */
final class SmsLine {

    /** Beyond a command's own timeouts, so that the engine's timeout (which resynchronises) fires first. */
    private static final Duration ENGINE_FIRST = Duration.ofSeconds(5);

    private final AtChannel channel;
    private final long epoch;
    private final long deadlineNanos;

    /**
     * @param channel the AT engine
     * @param epoch the epoch every command is pinned to
     * @param deadline how long the attempt may take until the module starts sending
     */
    SmsLine(AtChannel channel, long epoch, Duration deadline) {
        this.channel = channel;
        this.epoch = epoch;
        this.deadlineNanos = System.nanoTime() + Math.min(deadline.toNanos(), Duration.ofDays(1).toNanos());
    }

    /** Runs a command within the deadline. */
    void run(AtCommand command) {
        AtCommand pinned = command.onlyInEpoch(epoch);
        try {
            await(channel.send(pinned), remainingNanos(), pinned);
        } catch (AtException e) {
            throw SmsFailures.toMailException(e, pinned.maskedText());
        }
    }

    /**
     * @param command a command the module may refuse
     * @return true if it answered {@code OK}, false for an error final
     */
    boolean accepts(AtCommand command) {
        AtCommand pinned = command.onlyInEpoch(epoch);
        try {
            await(channel.send(pinned), remainingNanos(), pinned);
            return true;
        } catch (AtException e) {
            if (e.kind() == AtException.Kind.ERROR || e.kind() == AtException.Kind.CME_ERROR
                    || e.kind() == AtException.Kind.CMS_ERROR) {
                return false;
            }
            throw SmsFailures.toMailException(e, pinned.maskedText());
        }
    }

    /**
     * @param first true for the first part: its prompt must come before the deadline
     * @return how long to wait for the prompt
     * @throws MailException {@link MailErrorCode#MODEM_TIMEOUT} if the first part would start after the deadline
     */
    Duration promptWait(boolean first) {
        if (!first) {
            return SmsCommands.PROMPT_TIMEOUT;
        }
        long left = remainingNanos();
        if (left < Duration.ofMillis(1).toNanos()) {
            throw new MailException(MailErrorCode.MODEM_TIMEOUT, "The deadline passed before the SMS was handed to "
                    + "the module; nothing was sent");
        }
        return Duration.ofNanos(Math.min(left, SmsCommands.PROMPT_TIMEOUT.toNanos()));
    }

    /**
     * @param command a prompt command with its prompt wait as timeout
     * @param text what follows the prompt, without Ctrl-Z
     * @param options its result
     * @param what the part, for messages
     * @return the message reference the module reported
     */
    int submit(AtCommand command, byte[] text, UploadOptions options, String what) {
        AtCommand pinned = command.onlyInEpoch(epoch);
        long patience = command.timeout().orElseThrow().plus(options.resultTimeout()).plus(ENGINE_FIRST).toNanos();
        try {
            return await(channel.upload(pinned, text, options), patience, pinned).reportedLength();
        } catch (AtException e) {
            throw SmsFailures.toMailException(e, pinned.maskedText() + " (" + what + ")");
        }
    }

    private long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    private static <T> T await(CompletionStage<T> stage, long nanos, AtCommand command) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new MailException(MailErrorCode.MODEM_TIMEOUT, command.maskedText() + ": no answer in time");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, null, command.maskedText()
                    + ": interrupted while waiting for the modem", e);
        } catch (ExecutionException e) {
            throw AtException.from(e);
        }
    }
}
