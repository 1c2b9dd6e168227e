/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;

/**
 * The response of one command as a state machine: which received lines belong to it, when it is complete and
 * with what outcome. It does no I/O and keeps no time: the engine feeds it lines and prompts, tells it when the
 * payload was sent and when the deadline of the current {@link #phase()} ({@link #phaseTimeout()}) passed.
 *
 * <p>A line is offered together with whether it looks like a URC. A line with one of the command's own
 * prefixes belongs to the reply even then ({@code +CREG:} of {@code AT+CREG?}); otherwise a URC is never
 * claimed, so it can never end up in a reply.
 */
final class Exchange {

    enum Mode {
        /** A command with a final result, maybe info lines after {@code OK}, maybe a deferred result. */
        COMMAND,
        /** A data-mode upload. */
        UPLOAD,
        /** An {@code AT} probe of a resynchronisation: consumes late lines, wants {@code OK} then silence. */
        PROBE
    }

    enum Phase {
        /** Waiting for the final (an upload: for its intermediate); a probe: consuming late lines. */
        AWAIT_FINAL,
        /** {@code OK} came before any info line; waiting a little for one. */
        LINGER_INFO,
        /** {@code OK} came; waiting for the deferred result line. */
        AWAIT_DEFERRED,
        /** The intermediate came; the engine sends the payload and ends it. */
        TRANSFER,
        /** The payload was sent; waiting for the upload's result line. */
        AWAIT_RESULT,
        /** The upload's result came; waiting a little for an optional {@code OK}. */
        LINGER_OK,
        /** The probe's {@code OK} came; any further non-URC line makes it dirty. */
        SETTLE,
        /** Complete; see {@link #failure()} and {@link #value()}. */
        DONE
    }

    private final AtCommand command;
    // the masked text is needed for the transcript, the response and any failure: masked once, not each time
    private final String maskedText;
    private final Mode mode;
    private final UploadOptions upload;
    private final Duration finalTimeout;
    private final Duration afterwards;

    private Phase phase = Phase.AWAIT_FINAL;
    private int phaseSerial;
    private final List<InfoLine> info = new ArrayList<>();
    private String finalLine;
    private InfoLine deferred;
    private InfoLine resultLine;
    private int bytesSent = -1;
    private boolean echoSeen;
    private AtException failure;

    private Exchange(AtCommand command, Mode mode, UploadOptions upload, Duration finalTimeout, Duration afterwards) {
        this.command = command;
        this.maskedText = command.maskedText();
        this.mode = mode;
        this.upload = upload;
        this.finalTimeout = finalTimeout;
        this.afterwards = afterwards;
    }

    /**
     * @param command the command
     * @param defaultTimeout its deadline if it declares none
     */
    static Exchange command(AtCommand command, Duration defaultTimeout) {
        return new Exchange(command, Mode.COMMAND, null, command.timeout().orElse(defaultTimeout), null);
    }

    /**
     * @param command the upload command
     * @param options its result and ending
     * @param defaultTimeout deadline for the intermediate if the command declares none
     * @param trailingOkLinger how long to wait for an {@code OK} after the result
     */
    static Exchange upload(AtCommand command, UploadOptions options, Duration defaultTimeout,
            Duration trailingOkLinger) {
        return new Exchange(command, Mode.UPLOAD, options, command.timeout().orElse(defaultTimeout),
                trailingOkLinger);
    }

    /**
     * @param probe the probe command ({@code AT})
     * @param probeTimeout how long to wait for its {@code OK}
     * @param settleTime how long no other line may follow the {@code OK}
     */
    static Exchange probe(AtCommand probe, Duration probeTimeout, Duration settleTime) {
        return new Exchange(probe, Mode.PROBE, null, probeTimeout, settleTime);
    }

    AtCommand command() {
        return command;
    }

    /** @return the command's text as it may be shown ({@link AtCommand#maskedText()}) */
    String maskedText() {
        return maskedText;
    }

    Mode mode() {
        return mode;
    }

    Phase phase() {
        return phase;
    }

    /** @return a number that changes with every phase change, to tell a stale timer from a current one */
    int phaseSerial() {
        return phaseSerial;
    }

    /** @return the deadline of the current phase, measured from its start; empty for phases without one */
    Optional<Duration> phaseTimeout() {
        return switch (phase) {
            case AWAIT_FINAL -> Optional.of(finalTimeout);
            case LINGER_INFO -> command.infoLinger();
            case AWAIT_DEFERRED -> command.deferredTimeout();
            case AWAIT_RESULT -> Optional.of(upload.resultTimeout());
            case LINGER_OK, SETTLE -> Optional.of(afterwards);
            case TRANSFER, DONE -> Optional.empty();
        };
    }

    /** @return true while a {@code >} prompt would be this exchange's intermediate */
    boolean wantsPrompt() {
        return mode == Mode.UPLOAD && phase == Phase.AWAIT_FINAL && intermediate() == AtCommand.Intermediate.PROMPT;
    }

    /**
     * @return true for an upload after a {@code >} prompt whose payload (and its Ctrl-Z) has not been handed to the
     *     link: if it ends now, the modem may hold an open prompt that only ESC closes without sending
     */
    boolean promptMayBeOpen() {
        return mode == Mode.UPLOAD && intermediate() == AtCommand.Intermediate.PROMPT && !hasWrittenPayload();
    }

    /** @return true once the exchange saw its command echoed */
    boolean echoSeen() {
        return echoSeen;
    }

    /** @return the failure of a completed exchange, or null if it succeeded */
    AtException failure() {
        return failure;
    }

    /** @return what a completed, successful exchange produced: an {@link AtResponse} or an {@link UploadResult} */
    Object value() {
        if (phase != Phase.DONE || failure != null) {
            throw new IllegalStateException("no value in phase " + phase);
        }
        if (mode == Mode.UPLOAD) {
            return new UploadResult(bytesSent, resultLine);
        }
        return new AtResponse(maskedText, finalLine, info, deferred);
    }

    /** The command's echo was seen (and dropped by the engine). */
    void echo() {
        echoSeen = true;
    }

    /**
     * @param line a received line
     * @param urc whether it looks like a URC
     * @return true if the line belongs to this exchange
     */
    boolean offer(String line, boolean urc) {
        return switch (phase) {
            case AWAIT_FINAL -> switch (mode) {
                case COMMAND -> offerToCommand(line, urc);
                case UPLOAD -> offerBeforeTransfer(line, urc);
                case PROBE -> offerToProbe(line, urc);
            };
            case LINGER_INFO -> offerLateInfo(line);
            case AWAIT_DEFERRED -> offerDeferred(line);
            case TRANSFER, AWAIT_RESULT -> offerUploadResult(line, urc);
            case LINGER_OK -> offerTrailingOk(line);
            case SETTLE -> offerDuringSettle(line, urc);
            case DONE -> false;
        };
    }

    /** The {@code >} prompt arrived. */
    void prompt() {
        if (wantsPrompt()) {
            enter(Phase.TRANSFER);
        }
    }

    /**
     * The payload was written to the link; its ending ({@code +++}) may still be pending.
     *
     * @param count payload bytes written
     */
    void payloadWritten(int count) {
        bytesSent = count;
    }

    /** The payload's ending was written; from now on the result line is awaited under its own deadline. */
    void payloadEnded() {
        if (phase == Phase.TRANSFER) {
            enter(Phase.AWAIT_RESULT);
        }
    }

    /** @return true once {@link #payloadWritten(int)} was called */
    boolean hasWrittenPayload() {
        return bytesSent >= 0;
    }

    /** @return true if the exchange still needs its payload ending ({@code +++}) to be written */
    boolean awaitsPayloadEnd() {
        return phase == Phase.TRANSFER;
    }

    /** The deadline of the current phase passed. */
    void deadlinePassed() {
        switch (phase) {
            case AWAIT_FINAL -> fail(AtException.Kind.TIMEOUT, mode == Mode.UPLOAD && intermediateName() != null
                    ? "no " + intermediateName() + " within " + finalTimeout.toMillis() + " ms"
                    : "no final result within " + finalTimeout.toMillis() + " ms");
            case AWAIT_DEFERRED -> fail(AtException.Kind.TIMEOUT, "no " + command.deferredPrefix().orElse("")
                    + " within " + command.deferredTimeout().map(Duration::toMillis).orElse(0L) + " ms after OK");
            case AWAIT_RESULT -> fail(AtException.Kind.TIMEOUT,
                    "no " + upload.resultPrefix() + " within " + upload.resultTimeout().toMillis() + " ms");
            case LINGER_INFO, LINGER_OK, SETTLE -> enter(Phase.DONE);
            case TRANSFER, DONE -> {
                // no deadline in these phases
            }
        }
    }

    /** Ends the exchange with a failure the engine observed (link lost, reboot, overflow). */
    void abort(AtException.Kind kind, String reason) {
        if (phase != Phase.DONE) {
            fail(kind, reason);
        }
    }

    private boolean offerToCommand(String line, boolean urc) {
        if (claimsAsInfo(line)) {
            return true;
        }
        if (command.deferredPrefix().filter(line::startsWith).isPresent()) {
            // The module answers OK first and the result later ("OK" then "+QSMTPPUT: <n>"): a result before this
            // command's OK is the late result of an earlier command (a PUT the host stopped waiting for), never
            // this one's. Left unclaimed, it reaches the URC listeners, where a driver can credit it.
            return false;
        }
        if (urc) {
            return false;
        }
        Optional<FinalResult> result = FinalResult.parse(line);
        if (result.isPresent()) {
            if (result.get().isOk()) {
                afterOk();
            } else {
                failWith(result.get().toException(maskedText));
            }
            return true;
        }
        if (command.extraFinals().contains(line)) {
            finalLine = line;
            enter(Phase.DONE);
            return true;
        }
        if (command.acceptsAnyInfo() && !isConnect(line)) {
            info.add(new InfoLine(line, ""));
            return true;
        }
        return false;
    }

    private void afterOk() {
        finalLine = "OK";
        if (command.deferredPrefix().isPresent() && deferred == null) {
            enter(Phase.AWAIT_DEFERRED);
        } else if (command.infoLinger().isPresent() && info.isEmpty()) {
            enter(Phase.LINGER_INFO);
        } else {
            enter(Phase.DONE);
        }
    }

    private boolean offerLateInfo(String line) {
        if (matchingPrefix(line) == null) {
            return false;
        }
        info.add(new InfoLine(line, matchingPrefix(line)));
        enter(Phase.DONE);
        return true;
    }

    private boolean offerDeferred(String line) {
        String prefix = command.deferredPrefix().orElseThrow();
        if (!line.startsWith(prefix)) {
            return false;
        }
        deferred = new InfoLine(line, prefix);
        enter(Phase.DONE);
        return true;
    }

    private boolean offerBeforeTransfer(String line, boolean urc) {
        if (line.startsWith(upload.resultPrefix())) {
            // the module refused the upload with a result instead of CONNECT, e.g. +QSMTPBODY: -3 while busy
            takeResult(line);
            return true;
        }
        if (claimsAsInfo(line)) {
            return true;
        }
        if (urc) {
            return false;
        }
        if (intermediate() == AtCommand.Intermediate.CONNECT && isConnect(line)) {
            enter(Phase.TRANSFER);
            return true;
        }
        Optional<FinalResult> result = FinalResult.parse(line);
        if (result.isPresent()) {
            if (!result.get().isOk()) {
                failWith(result.get().toException(maskedText));
            }
            // an OK before CONNECT is part of the Quectel form "OK, CONNECT"
            return true;
        }
        return false;
    }

    private boolean offerUploadResult(String line, boolean urc) {
        if (line.startsWith(upload.resultPrefix())) {
            takeResult(line);
            return true;
        }
        if (urc) {
            return false;
        }
        Optional<FinalResult> result = FinalResult.parse(line);
        if (result.isPresent()) {
            if (!result.get().isOk()) {
                failWith(result.get().toException(maskedText));
            }
            return true;
        }
        return false;
    }

    private void takeResult(String line) {
        resultLine = new InfoLine(line, upload.resultPrefix());
        int reported;
        try {
            reported = resultLine.intField(0);
        } catch (AtException e) {
            failure = new AtException(AtException.Kind.PROTOCOL, maskedText + ": malformed result " + line);
            enter(Phase.LINGER_OK);
            return;
        }
        if (reported < 0) {
            failure = new AtException(AtException.Kind.RESULT_ERROR, reported, maskedText + ": " + line,
                    null);
        } else if (bytesSent < 0) {
            failure = new AtException(AtException.Kind.PROTOCOL, maskedText + ": " + line
                    + " before any data was sent");
        } else if (upload.verifyLength() && reported != bytesSent) {
            failure = new AtException(AtException.Kind.UPLOAD_MISMATCH, reported, maskedText
                    + ": modem took " + reported + " bytes, " + bytesSent + " were sent", null);
        }
        // the result may be followed by OK; wait for it so it cannot reach the next command
        enter(Phase.LINGER_OK);
    }

    private boolean offerTrailingOk(String line) {
        if (!line.equals("OK")) {
            return false;
        }
        enter(Phase.DONE);
        return true;
    }

    private boolean offerToProbe(String line, boolean urc) {
        if (urc || isConnect(line)) {
            // a late CONNECT means data mode: the engine must see it and escape
            return false;
        }
        // "0" is OK in numeric mode (ATV0), which a modem may be in before it is initialised
        if (line.equals("OK") || line.equals("0")) {
            finalLine = "OK";
            enter(Phase.SETTLE);
        }
        // anything else is the late reply of an abandoned command: consumed here, never passed on
        return true;
    }

    private boolean offerDuringSettle(String line, boolean urc) {
        if (urc || isConnect(line)) {
            return false;
        }
        fail(AtException.Kind.PROTOCOL, "a line followed the probe's OK");
        return true;
    }

    private boolean claimsAsInfo(String line) {
        String prefix = matchingPrefix(line);
        if (prefix == null) {
            return false;
        }
        info.add(new InfoLine(line, prefix));
        return true;
    }

    private String matchingPrefix(String line) {
        for (String prefix : command.infoPrefixes()) {
            if (line.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private AtCommand.Intermediate intermediate() {
        return command.intermediate().orElse(AtCommand.Intermediate.CONNECT);
    }

    private String intermediateName() {
        return intermediate() == AtCommand.Intermediate.CONNECT ? "CONNECT" : "prompt";
    }

    private void fail(AtException.Kind kind, String reason) {
        failWith(new AtException(kind, maskedText + ": " + reason));
    }

    private void failWith(AtException e) {
        failure = e;
        enter(Phase.DONE);
    }

    private void enter(Phase next) {
        phase = next;
        phaseSerial++;
    }

    /**
     * @param line a received line
     * @return true for {@code CONNECT} and {@code CONNECT <rate>}: the modem is entering data mode
     */
    static boolean isConnect(String line) {
        return line.equals("CONNECT") || line.startsWith("CONNECT ");
    }
}
