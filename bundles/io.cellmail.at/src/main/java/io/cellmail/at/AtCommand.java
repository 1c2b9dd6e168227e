/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.serial.SecretText;

/**
 * One AT command line and what its response looks like. Immutable: every {@code with}-style method returns a
 * new command.
 *
 * <pre>{@code
 * AtCommand.of("AT+CSQ").expecting("+CSQ:").timeout(Duration.ofSeconds(2));
 * AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:").infoMayFollowOk(Duration.ofMillis(300));
 * AtCommand.of("AT+QSMTPPUT=300").deferredResult("+QSMTPPUT:", Duration.ofSeconds(330));
 * AtCommand.of("AT+QSMTPPWD=\"" + pwd + "\"").maskingParameter(0);
 * }</pre>
 *
 * <p>The text is checked when the command is made: it must start with {@code AT} and contain no control
 * character (CR, LF, NUL, Ctrl-Z, ESC, ...), so that a value spliced into a command can never end it early,
 * start another command or end a data upload.
 */
@ProviderType
public final class AtCommand {

    /** The intermediate result a data-mode upload waits for before it sends its payload. */
    public enum Intermediate {
        /** {@code CONNECT} (optionally after {@code OK}): a data-mode upload ended by the escape sequence. */
        CONNECT,
        /** The {@code >} prompt (with or without a trailing space), sent without a line end. */
        PROMPT
    }

    private final String text;
    private final List<String> infoPrefixes;
    private final boolean anyInfo;
    private final List<String> extraFinals;
    private final Intermediate intermediate;
    private final String deferredPrefix;
    private final Duration deferredTimeout;
    private final Duration timeout;
    private final Duration infoLinger;
    private final UnaryOperator<String> mask;
    // masked at the first call, not in every step of a builder chain; a race only masks twice, to the same text
    private String maskedText;
    private final Long requiredEpoch;

    private AtCommand(Parts p) {
        this.text = p.text;
        this.infoPrefixes = List.copyOf(p.infoPrefixes);
        this.anyInfo = p.anyInfo;
        this.extraFinals = List.copyOf(p.extraFinals);
        this.intermediate = p.intermediate;
        this.deferredPrefix = p.deferredPrefix;
        this.deferredTimeout = p.deferredTimeout;
        this.timeout = p.timeout;
        this.infoLinger = p.infoLinger;
        this.mask = p.mask;
        this.requiredEpoch = p.requiredEpoch;
    }

    /**
     * @param text the command line without its terminating CR, e.g. {@code AT+CSQ}
     * @return a command that expects no info lines and ends with {@code OK}, {@code ERROR}, {@code +CME ERROR}
     *     or {@code +CMS ERROR}
     * @throws IllegalArgumentException if the text does not start with {@code AT} or contains a control character
     */
    public static AtCommand of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() < 2 || !text.regionMatches(true, 0, "AT", 0, 2)) {
            throw new IllegalArgumentException("an AT command starts with AT");
        }
        requireNoControlCharacters(text, "command text");
        Parts p = new Parts();
        p.text = text;
        return new AtCommand(p);
    }

    /**
     * @param prefixes info-line prefixes this command answers with, e.g. {@code +CSQ:}; a line starting with one
     *     of them belongs to the reply even if it also looks like a URC ({@code +CREG:} of {@code AT+CREG?})
     * @return a command that also collects lines with these prefixes
     */
    public AtCommand expecting(String... prefixes) {
        Parts p = parts();
        for (String prefix : prefixes) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("use expectingAnyInfo() for lines without a prefix");
            }
            requireNoControlCharacters(prefix, "prefix");
            p.infoPrefixes.add(prefix);
        }
        return new AtCommand(p);
    }

    /**
     * For commands whose info lines carry no prefix ({@code AT+GSN}, {@code ATI}): every line that is neither a
     * final, nor a URC, nor a line with a declared prefix belongs to the reply.
     *
     * @return a command that collects unprefixed lines
     */
    public AtCommand expectingAnyInfo() {
        Parts p = parts();
        p.anyInfo = true;
        return new AtCommand(p);
    }

    /**
     * @param finalLines command-specific final lines, matched as whole lines (e.g. {@code NO CARRIER}); the
     *     response completes normally and {@link AtResponse#finalLine()} tells which one came
     * @return a command with these extra finals
     */
    public AtCommand finals(String... finalLines) {
        Parts p = parts();
        for (String line : finalLines) {
            Objects.requireNonNull(line, "final line");
            requireNoControlCharacters(line, "final line");
            p.extraFinals.add(line);
        }
        return new AtCommand(p);
    }

    /**
     * @param value the intermediate an {@link AtChannel#upload upload} waits for; uploads without one wait for
     *     {@link Intermediate#CONNECT}
     * @return a command with this intermediate
     */
    public AtCommand intermediate(Intermediate value) {
        Parts p = parts();
        p.intermediate = Objects.requireNonNull(value, "intermediate");
        return new AtCommand(p);
    }

    /**
     * Declares a result that comes after {@code OK}, e.g. {@code OK} now and {@code +QSMTPPUT: 0} minutes later.
     * The command completes only when that line arrives; until then the channel sends nothing else.
     *
     * @param prefix the deferred line's prefix, e.g. {@code +QSMTPPUT:}
     * @param deadline how long to wait for it after {@code OK}
     * @return a command with a deferred result
     */
    public AtCommand deferredResult(String prefix, Duration deadline) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("empty deferred result prefix");
        }
        requireNoControlCharacters(prefix, "prefix");
        Parts p = parts();
        p.deferredPrefix = prefix;
        p.deferredTimeout = requirePositive(deadline, "deferred result deadline");
        return new AtCommand(p);
    }

    /**
     * @param deadline how long to wait for the final result (for uploads: for the intermediate); without it the
     *     engine's default applies
     * @return a command with this deadline
     */
    public AtCommand timeout(Duration deadline) {
        Parts p = parts();
        p.timeout = requirePositive(deadline, "timeout");
        return new AtCommand(p);
    }

    /**
     * For commands that may send their info line after {@code OK} ({@code AT+QSMTPSRV?}): when {@code OK} comes
     * before any info line, wait up to {@code linger} for one.
     *
     * @param linger how long to wait after {@code OK}
     * @return a command that lingers after {@code OK}
     */
    public AtCommand infoMayFollowOk(Duration linger) {
        Parts p = parts();
        p.infoLinger = requirePositive(linger, "linger");
        return new AtCommand(p);
    }

    /**
     * Hides one parameter in the transcript, logs and exception messages: {@code AT+QSMTPPWD="secret"} with
     * index 0 shows as {@code AT+QSMTPPWD="****"}, {@code AT+QICSGP=1,"apn","user","secret"} with index 3 as
     * {@code AT+QICSGP=1,"apn","user","****"}. May be called for several indexes. If the parameter cannot be
     * found, everything after {@code =} is hidden.
     *
     * @param index zero-based index of the parameter after {@code =}
     * @return a command with this parameter masked
     */
    public AtCommand maskingParameter(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative parameter index");
        }
        return maskedBy(new ParameterMask(index));
    }

    /** @return a command whose parameters (everything after {@code =}) never appear in the transcript */
    public AtCommand maskingAllParameters() {
        return maskedBy(new ParameterMask(ParameterMask.ALL));
    }

    /**
     * @param masking turns the command text into its displayable form; composed after earlier masks
     * @return a command masked by this function as well
     */
    public AtCommand maskedBy(UnaryOperator<String> masking) {
        Objects.requireNonNull(masking, "masking");
        Parts p = parts();
        UnaryOperator<String> before = p.mask;
        p.mask = before == null ? masking : t -> masking.apply(before.apply(t));
        return new AtCommand(p);
    }

    /**
     * Pins the command to one modem session: if the engine's {@link AtChannel#epoch() epoch} differs when the
     * command is about to be sent (the modem rebooted or the port was reopened and the modem forgot its
     * settings), it fails with {@link AtException.Kind#MODEM_REBOOTED} instead of being sent.
     *
     * @param epoch the epoch the command belongs to
     * @return a pinned command
     */
    public AtCommand onlyInEpoch(long epoch) {
        Parts p = parts();
        p.requiredEpoch = epoch;
        return new AtCommand(p);
    }

    /** @return the command line as sent, without CR; may contain secrets, never log it */
    public String text() {
        return text;
    }

    /**
     * @return the command line with its secrets masked, safe for logs: by the one rule set ({@link SecretText}),
     *     after any mask given to this command
     */
    public String maskedText() {
        String masked = maskedText;
        if (masked == null) {
            masked = SecretText.mask(mask == null ? text : mask.apply(text));
            maskedText = masked;
        }
        return masked;
    }

    /** @return the info-line prefixes, in declaration order */
    public List<String> infoPrefixes() {
        return infoPrefixes;
    }

    /** @return true if unprefixed lines belong to the reply */
    public boolean acceptsAnyInfo() {
        return anyInfo;
    }

    /** @return the command-specific final lines */
    public List<String> extraFinals() {
        return extraFinals;
    }

    /** @return the intermediate an upload waits for, if declared */
    public Optional<Intermediate> intermediate() {
        return Optional.ofNullable(intermediate);
    }

    /** @return the prefix of the deferred result line, if declared */
    public Optional<String> deferredPrefix() {
        return Optional.ofNullable(deferredPrefix);
    }

    /** @return how long to wait for the deferred result after {@code OK}, if declared */
    public Optional<Duration> deferredTimeout() {
        return Optional.ofNullable(deferredTimeout);
    }

    /** @return the command's own deadline, if declared */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return how long to wait for an info line after {@code OK}, if declared */
    public Optional<Duration> infoLinger() {
        return Optional.ofNullable(infoLinger);
    }

    /** @return the epoch the command is pinned to, if any */
    public OptionalLong requiredEpoch() {
        return requiredEpoch == null ? OptionalLong.empty() : OptionalLong.of(requiredEpoch);
    }

    /** @return the masked text */
    @Override
    public String toString() {
        return maskedText();
    }

    private Parts parts() {
        Parts p = new Parts();
        p.text = text;
        p.infoPrefixes.addAll(infoPrefixes);
        p.anyInfo = anyInfo;
        p.extraFinals.addAll(extraFinals);
        p.intermediate = intermediate;
        p.deferredPrefix = deferredPrefix;
        p.deferredTimeout = deferredTimeout;
        p.timeout = timeout;
        p.infoLinger = infoLinger;
        p.mask = mask;
        p.requiredEpoch = requiredEpoch;
        return p;
    }

    private static void requireNoControlCharacters(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                // the message names the position, never the value: it may hold a secret
                throw new IllegalArgumentException(what + " contains a control character at index " + i);
            }
        }
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return d;
    }

    /** The mutable copy a derived command is made from. */
    private static final class Parts {
        String text;
        final List<String> infoPrefixes = new ArrayList<>();
        boolean anyInfo;
        final List<String> extraFinals = new ArrayList<>();
        Intermediate intermediate;
        String deferredPrefix;
        Duration deferredTimeout;
        Duration timeout;
        Duration infoLinger;
        UnaryOperator<String> mask;
        Long requiredEpoch;
    }
}
