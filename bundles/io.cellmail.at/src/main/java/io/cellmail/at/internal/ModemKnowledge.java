/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

/**
 * What the engine knows, and does not know, about the modem's state, and so what must happen before the next
 * command: initialise a modem that forgot its settings (or was never set up), resynchronise after a timeout,
 * cancellation or protocol error (a late reply may still come), escape data mode when the modem may be in it,
 * reopen the port after too many timeouts in a row.
 */
final class ModemKnowledge {

    /** What must happen before the next command. */
    enum Next {
        /** Synchronise and set the modem up: it forgot its settings or was never set up. */
        INITIALISE,
        /** Probe until a clean {@code OK}: a late reply may still be on its way. */
        RESYNCHRONISE,
        /** Nothing: send commands. */
        COMMANDS
    }

    private final int maxConsecutiveTimeouts;
    private boolean configured;
    private boolean needsResync;
    private boolean mayBeInDataMode;
    private boolean promptMayBeOpen;
    private int consecutiveTimeouts;

    /** @param maxConsecutiveTimeouts timeouts in a row after which the port is reopened */
    ModemKnowledge(int maxConsecutiveTimeouts) {
        this.maxConsecutiveTimeouts = maxConsecutiveTimeouts;
    }

    Next next() {
        if (!configured) {
            return Next.INITIALISE;
        }
        return needsResync ? Next.RESYNCHRONISE : Next.COMMANDS;
    }

    /** @return true while the modem holds the settings of the current epoch */
    boolean configured() {
        return configured;
    }

    /** @return true if the modem may be in data mode, where it would take a command for payload */
    boolean mayBeInDataMode() {
        return mayBeInDataMode;
    }

    /**
     * @return true if the modem may still hold a text prompt ({@code > }) whose text was never ended: only ESC
     *     leaves it without sending anything, while {@code +++} or a probe would become part of the message
     */
    boolean promptMayBeOpen() {
        return promptMayBeOpen;
    }

    /**
     * A prompt upload ({@code AT+CMGS}) ended before its text and Ctrl-Z were handed to the link: timed out, abandoned,
     * cut or closed. The modem may show the prompt (now or late); until a clean synchronisation, escaping it means ESC.
     */
    void promptAbandoned() {
        promptMayBeOpen = true;
        mayBeInDataMode = true;
        needsResync = true;
    }

    /** @return the timeouts in a row so far */
    int consecutiveTimeouts() {
        return consecutiveTimeouts;
    }

    /**
     * A command got no result in time.
     *
     * @param upload whether it was an upload, which may have left the modem in data mode
     * @return true if that was one timeout too many and the port should be reopened
     */
    boolean timedOut(boolean upload) {
        mayBeInDataMode |= upload;
        needsResync = true;
        return ++consecutiveTimeouts >= maxConsecutiveTimeouts;
    }

    /**
     * A command was abandoned by its caller or failed on a line that did not fit: its reply may still come.
     *
     * @param upload whether it was an upload
     */
    void replyMayStillCome(boolean upload) {
        mayBeInDataMode |= upload;
        needsResync = true;
    }

    /**
     * An upload was cut off by a lost link: the modem may still be in data mode, and stays so across ports (a
     * module keeps its state when the host goes), so the next synchronisation must escape before it probes, or
     * the probes become payload.
     */
    void uploadInterrupted() {
        mayBeInDataMode = true;
    }

    /** A {@code CONNECT} nobody asked for: the modem is in data mode. */
    void enteredDataMode() {
        mayBeInDataMode = true;
        needsResync = true;
    }

    /** The modem answered a command (with a result or an error): it is responsive. */
    void answered() {
        consecutiveTimeouts = 0;
    }

    /** {@code +++} was sent. */
    void escaped() {
        mayBeInDataMode = false;
    }

    /** ESC was sent at a prompt that may have been open; a late prompt is still caught by the next escape. */
    void promptAborted() {
        mayBeInDataMode = false;
    }

    /** A synchronisation ended with a clean {@code OK}; after an initialisation the modem is configured. */
    void synchronised(boolean initialised) {
        needsResync = false;
        mayBeInDataMode = false;
        promptMayBeOpen = false;
        if (initialised) {
            configured = true;
            consecutiveTimeouts = 0;
        }
    }

    /** The modem rebooted or powered down: its settings are gone, and so is any data mode. */
    void forgotEverything() {
        configured = false;
        needsResync = false;
        mayBeInDataMode = false;
        promptMayBeOpen = false;
        consecutiveTimeouts = 0;
    }

    /** The port is gone: the next one starts with an initialisation; data mode may outlive the port. */
    void portClosed() {
        configured = false;
        needsResync = false;
    }
}
