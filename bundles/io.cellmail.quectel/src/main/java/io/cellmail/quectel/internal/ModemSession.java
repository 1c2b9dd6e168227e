/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
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
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;

/**
 * One piece of work on the modem (a send, an SMS, a health check, a probe): every command pinned to the epoch the
 * work began in, so that none of it runs against a module that rebooted and forgot what came before; every answer
 * awaited no longer than the work's deadline; every failure a {@link MailException}, read by the work's
 * {@link CommandFailures} (the mail's result codes, or the SMS's {@code +CMS ERROR}).
 *
 * <p>A command still pending at the deadline is cancelled: the AT engine then resynchronises before its next
 * command, so a late answer reaches nobody. The exceptions are {@link #resultBeyondDeadline} and
 * {@link #uploadBeyondDeadline}: once the module may be sending a mail or a short message, its result is awaited
 * as long as the command itself allows.
 *
 * <p>Public for the SMS package only (this package is not exported).
 */
public final class ModemSession {

    /**
     * The answer to a command that may fail on the modem's side without that being an error of the work.
     *
     * @param response the response, or null if the modem answered with an error final
     * @param error the modem's error final ({@code ERROR}, {@code +CME ERROR: n}, {@code +CMS ERROR: n}), or null
     */
    public record Reply(AtResponse response, AtException error) {

        /** @return true if the modem answered {@code OK} */
        public boolean ok() {
            return response != null;
        }
    }

    /** What a failed command means for the work: its {@link MailException}. */
    @FunctionalInterface
    public interface CommandFailures {

        /**
         * @param failure what the AT engine reported
         * @param command the masked command text, and what it was for where that helps
         * @param resultPrefix the prefix of the command's result line ({@code +QSMTPBODY:}), or null
         * @return the failure to report
         */
        MailException toMailException(AtException failure, String command, String resultPrefix);
    }

    /** Beyond a command's own timeouts, so that the engine's timeout (which resynchronises) fires first. */
    private static final Duration ENGINE_FIRST = Duration.ofSeconds(5);

    private final AtChannel channel;
    private final OptionalLong epoch;
    private final Deadline deadline;
    private final CommandFailures failures;

    /**
     * A session whose failures are read as the mail's ({@link AtFailures}).
     *
     * @param channel the AT engine
     * @param epoch the epoch every command is pinned to, or empty for none (diagnostics)
     * @param deadline when the work must be done
     */
    ModemSession(AtChannel channel, OptionalLong epoch, Deadline deadline) {
        this(channel, epoch, deadline, AtFailures::toMailException);
    }

    private ModemSession(AtChannel channel, OptionalLong epoch, Deadline deadline, CommandFailures failures) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * @param channel the AT engine
     * @param epoch the epoch every command is pinned to
     * @param deadline how long the work may take from now
     * @param failures what a failed command means for the work
     * @return the session
     */
    public static ModemSession pinned(AtChannel channel, long epoch, Duration deadline, CommandFailures failures) {
        return new ModemSession(channel, OptionalLong.of(epoch), Deadline.after(deadline), failures);
    }

    /** @return the deadline of this work */
    Deadline deadline() {
        return deadline;
    }

    /** @return the time left until the deadline, never negative */
    public Duration remaining() {
        return deadline.remaining();
    }

    /**
     * @param command a command
     * @return its response
     * @throws MailException when it fails in any way
     */
    public AtResponse run(AtCommand command) {
        AtCommand pinned = pin(command);
        try {
            return await(channel.send(pinned), pinned);
        } catch (AtException e) {
            throw failures.toMailException(e, pinned.maskedText(), null);
        }
    }

    /**
     * @param command a command the modem may refuse (e.g. {@code AT+CPIN?} without a SIM, {@code AT+QCMGS=?} on a
     *     module without it)
     * @return its response, or the modem's error final
     * @throws MailException when it fails otherwise (timeout, reboot, lost link)
     */
    public Reply attempt(AtCommand command) {
        AtCommand pinned = pin(command);
        try {
            return new Reply(await(channel.send(pinned), pinned), null);
        } catch (AtException e) {
            if (e.kind() == AtException.Kind.ERROR || e.kind() == AtException.Kind.CME_ERROR
                    || e.kind() == AtException.Kind.CMS_ERROR) {
                return new Reply(null, e);
            }
            throw failures.toMailException(e, pinned.maskedText(), null);
        }
    }

    /**
     * @param command a command with a deferred result, e.g. {@code AT+QSMTPDST=...} declaring {@code +QSMTPDST:}
     * @return the first field of the deferred result: 0 or a negative code
     * @throws MailException when the command fails or the result is not a number
     */
    int result(AtCommand command) {
        AtResponse response = run(command);
        String prefix = command.deferredPrefix().orElseThrow();
        try {
            return response.deferredResult().orElseThrow().intField(0);
        } catch (AtException e) {
            throw failures.toMailException(e, command.maskedText(), prefix);
        }
    }

    /**
     * Like {@link #result}, but waits as long as the command declares (its own timeout for {@code OK}, then its
     * deferred result's), not only until the work's deadline: for {@code AT+QSMTPPUT}, whose module may be sending
     * the mail when the deadline passes.
     *
     * @param command a command with a timeout and a deferred result
     * @return the deferred result's fields
     * @throws MailException when the command fails; {@link MailErrorCode#MODEM_TIMEOUT} when its result did not
     *     come in that time
     */
    PutResult resultBeyondDeadline(AtCommand command) {
        Duration longest = command.timeout().orElseThrow().plus(command.deferredTimeout().orElseThrow())
                .plus(ENGINE_FIRST);
        AtCommand pinned = pin(command);
        AtResponse response;
        try {
            response = await(channel.send(pinned), pinned, Deadline.after(longest));
        } catch (AtException e) {
            throw failures.toMailException(e, pinned.maskedText(), null);
        }
        try {
            return PutResult.of(response.deferredResult().orElseThrow());
        } catch (AtException e) {
            throw failures.toMailException(e, command.maskedText(), command.deferredPrefix().orElseThrow());
        }
    }

    /**
     * @param command an upload command, e.g. {@code AT+QSMTPBODY=1,30}
     * @param payload the bytes
     * @param options its result line and deadline
     * @return the upload's result
     * @throws MailException when the upload fails, with the module's result code mapped
     */
    UploadResult upload(AtCommand command, byte[] payload, UploadOptions options) {
        AtCommand pinned = pin(command);
        try {
            return await(channel.upload(pinned, payload, options), pinned);
        } catch (AtException e) {
            throw failures.toMailException(e, pinned.maskedText(), options.resultPrefix());
        }
    }

    /**
     * Like {@link #upload}, but waits as long as the command and its result allow (the command's own timeout, for a
     * prompt, then the result's), not only until the work's deadline: for a short message, which the module may be
     * sending when the deadline passes.
     *
     * @param command a prompt command with its timeout, e.g. {@code AT+CMGS="+41791234567"}
     * @param payload the bytes after the prompt
     * @param options its result line and the result's timeout
     * @param what what the upload is, for messages, e.g. {@code part 2 of 3}
     * @return the upload's result
     * @throws MailException when the upload fails, or its result did not come in that time
     */
    public UploadResult uploadBeyondDeadline(AtCommand command, byte[] payload, UploadOptions options, String what) {
        Duration longest = command.timeout().orElseThrow().plus(options.resultTimeout()).plus(ENGINE_FIRST);
        AtCommand pinned = pin(command);
        try {
            return await(channel.upload(pinned, payload, options), pinned, Deadline.after(longest));
        } catch (AtException e) {
            throw failures.toMailException(e, pinned.maskedText() + " (" + what + ")", options.resultPrefix());
        }
    }

    private AtCommand pin(AtCommand command) {
        return epoch.isPresent() ? command.onlyInEpoch(epoch.getAsLong()) : command;
    }

    private <T> T await(CompletionStage<T> stage, AtCommand command) {
        return await(stage, command, deadline);
    }

    private <T> T await(CompletionStage<T> stage, AtCommand command, Deadline until) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(Math.max(0, until.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw deadlinePassed(command);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, null, command.maskedText()
                    + ": interrupted while waiting for the modem", e);
        } catch (ExecutionException e) {
            throw AtException.from(e);
        }
    }

    private MailException deadlinePassed(AtCommand command) {
        EngineState state = channel.state();
        if (state == EngineState.READY || state == EngineState.RESYNCING) {
            return new MailException(MailErrorCode.MODEM_TIMEOUT, command.maskedText()
                    + ": no answer before the deadline");
        }
        return new MailException(MailErrorCode.MODEM_UNAVAILABLE, command.maskedText()
                + ": the modem is not ready (" + state + ") and the deadline passed");
    }
}
