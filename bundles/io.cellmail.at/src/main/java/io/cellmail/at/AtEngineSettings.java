/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything an {@link AtEngine} needs. Build with {@link #builder(String, LinkOpener)}; the defaults suit a
 * Quectel M-series module on a real UART; tests shorten the durations.
 *
 * @param name short name for thread names and logs, e.g. {@code modem0}
 * @param opener opens the link, again for every reopen
 * @param commandTimeout deadline of commands that declare none
 * @param guardTime silence before and after {@code +++} (at least 1 s on real modules)
 * @param probeTimeout how long an {@code AT} probe waits for {@code OK}
 * @param settleTime quiet time after a probe's {@code OK} before it counts as clean
 * @param syncAttempts probes per synchronisation before the port is reopened
 * @param trailingOkLinger how long an upload waits for an optional {@code OK} after its result line
 * @param bootUrcWindow boot URCs ({@code +CFUN: 1}, {@code Call Ready}) within this time after {@code RDY} or
 *     after the port was opened belong to that boot and do not count as another reboot
 * @param init optional modem settings made at every initialisation
 * @param reopenBackoffBase first delay before reopening the port
 * @param reopenBackoffCap longest delay before reopening the port
 * @param maxConsecutiveTimeouts consecutive timeouts after which the port is reopened instead of resynchronised
 * @param extraUrcPrefixes prefixes of further URCs (e.g. {@code +QIURC:}); a line starting with one is routed to
 *     the URC listeners unless the running command expects that prefix
 * @param maxLineLength longest line in bytes; longer ones are dropped up to the next line end
 * @param transcriptCapacity transcript entries kept
 * @param writeGrace what one write to the link may take beyond twice the line time of its bytes; a write that takes
 *     longer (RTS/CTS held by a module asleep or in reset, a bridge whose peer stopped reading) means the link is
 *     stuck: the running command fails with {@link AtException.Kind#LINK_LOST} and the port is reopened
 * @param idleCheck after this long without any exchange, and with nothing queued, the engine sends a plain
 *     {@code AT} to find a link or module that died quietly; {@link Duration#ZERO} switches the check off
 * @param linkJitter how much the link's delay varies, when it is known; {@code null} (the default) to measure it on
 *     the engine's own commands. It lengthens the guard times around {@code +++}, the lingers for a following line
 *     and, with the measured round trip, every wait for an answer (see the bundle's README)
 */
@ProviderType
public record AtEngineSettings(String name, LinkOpener opener, Duration commandTimeout, Duration guardTime,
        Duration probeTimeout, Duration settleTime, int syncAttempts, Duration trailingOkLinger,
        Duration bootUrcWindow, InitOptions init, Duration reopenBackoffBase, Duration reopenBackoffCap,
        int maxConsecutiveTimeouts, List<String> extraUrcPrefixes, int maxLineLength, int transcriptCapacity,
        Duration writeGrace, Duration idleCheck, @Nullable Duration linkJitter) {

    /**
     * Settings the engine makes at every initialisation, after {@code ATV1}, {@code ATE0}, {@code AT+CMEE=1}.
     * Each is read first and written (with {@code &W}) only when it differs, to spare the module's flash.
     *
     * @param persistBaudRate fix the module's rate to the link's baud rate ({@code AT+IPR=<rate>;&W}): M-series
     *     modules autobaud by default and then send no boot URCs. The link's own rate is used, never another,
     *     because a different rate would cut the engine off from the modem.
     * @param hardwareFlowControl switch on RTS/CTS on the module ({@code AT+IFC=2,2;&W})
     */
    public record InitOptions(boolean persistBaudRate, boolean hardwareFlowControl) {

        /** No optional settings. */
        public static final InitOptions NONE = new InitOptions(false, false);
    }

    public AtEngineSettings {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("name must be a non-blank word");
        }
        Objects.requireNonNull(opener, "opener");
        positive(commandTimeout, "commandTimeout");
        positive(guardTime, "guardTime");
        positive(probeTimeout, "probeTimeout");
        positive(settleTime, "settleTime");
        positive(trailingOkLinger, "trailingOkLinger");
        Objects.requireNonNull(bootUrcWindow, "bootUrcWindow");
        if (bootUrcWindow.isNegative()) {
            throw new IllegalArgumentException("bootUrcWindow must not be negative");
        }
        Objects.requireNonNull(init, "init");
        positive(reopenBackoffBase, "reopenBackoffBase");
        positive(reopenBackoffCap, "reopenBackoffCap");
        if (reopenBackoffCap.compareTo(reopenBackoffBase) < 0) {
            throw new IllegalArgumentException("reopenBackoffCap is shorter than reopenBackoffBase");
        }
        atLeast(syncAttempts, 1, "syncAttempts");
        atLeast(maxConsecutiveTimeouts, 1, "maxConsecutiveTimeouts");
        atLeast(maxLineLength, 16, "maxLineLength");
        atLeast(transcriptCapacity, 1, "transcriptCapacity");
        positive(writeGrace, "writeGrace");
        Objects.requireNonNull(idleCheck, "idleCheck");
        if (idleCheck.isNegative()) {
            throw new IllegalArgumentException("idleCheck must not be negative");
        }
        if (linkJitter != null && linkJitter.isNegative()) {
            throw new IllegalArgumentException("linkJitter must not be negative");
        }
        extraUrcPrefixes = List.copyOf(extraUrcPrefixes);
        for (String prefix : extraUrcPrefixes) {
            if (prefix.isEmpty() || prefix.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("URC prefixes must be non-empty text");
            }
        }
    }

    /**
     * @param name short name for thread names and logs
     * @param opener opens the link
     * @return a builder with the defaults
     */
    public static Builder builder(String name, LinkOpener opener) {
        return new Builder(name, opener);
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder b = new Builder(name, opener);
        b.commandTimeout = commandTimeout;
        b.guardTime = guardTime;
        b.probeTimeout = probeTimeout;
        b.settleTime = settleTime;
        b.syncAttempts = syncAttempts;
        b.trailingOkLinger = trailingOkLinger;
        b.bootUrcWindow = bootUrcWindow;
        b.init = init;
        b.reopenBackoffBase = reopenBackoffBase;
        b.reopenBackoffCap = reopenBackoffCap;
        b.maxConsecutiveTimeouts = maxConsecutiveTimeouts;
        b.extraUrcPrefixes = new ArrayList<>(extraUrcPrefixes);
        b.maxLineLength = maxLineLength;
        b.transcriptCapacity = transcriptCapacity;
        b.writeGrace = writeGrace;
        b.idleCheck = idleCheck;
        b.linkJitter = linkJitter;
        return b;
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    private static void atLeast(int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min);
        }
    }

    /** Builds {@link AtEngineSettings}; every setter returns the builder. */
    public static final class Builder {
        private final String name;
        private final LinkOpener opener;
        private Duration commandTimeout = Duration.ofSeconds(5);
        private Duration guardTime = Duration.ofMillis(1100);
        private Duration probeTimeout = Duration.ofMillis(500);
        private Duration settleTime = Duration.ofMillis(150);
        private int syncAttempts = 10;
        // At least until the guard after +++ ends (the engine may send nothing before), and this long after the
        // result line: a module that sends OK after its result sends it straight away.
        private Duration trailingOkLinger = Duration.ofMillis(50);
        private Duration bootUrcWindow = Duration.ofSeconds(30);
        private InitOptions init = InitOptions.NONE;
        private Duration reopenBackoffBase = Duration.ofSeconds(1);
        private Duration reopenBackoffCap = Duration.ofMinutes(1);
        private int maxConsecutiveTimeouts = 3;
        private List<String> extraUrcPrefixes = new ArrayList<>();
        private int maxLineLength = 4096;
        private int transcriptCapacity = 500;
        // a module that holds CTS while it stores an upload releases it within a second or two; longer is a stall
        private Duration writeGrace = Duration.ofSeconds(5);
        // often enough to find a dead link long before an alarm's deadline, rarely enough to cost nothing
        private Duration idleCheck = Duration.ofMinutes(5);
        private @Nullable Duration linkJitter;

        private Builder(String name, LinkOpener opener) {
            this.name = name;
            this.opener = opener;
        }

        /**
         * @param value deadline of commands that declare none (default 5 s)
         * @return this
         */
        public Builder commandTimeout(Duration value) {
            this.commandTimeout = value;
            return this;
        }

        /**
         * @param value silence before and after {@code +++} (default 1.1 s)
         * @return this
         */
        public Builder guardTime(Duration value) {
            this.guardTime = value;
            return this;
        }

        /**
         * @param value deadline of one {@code AT} probe (default 500 ms)
         * @return this
         */
        public Builder probeTimeout(Duration value) {
            this.probeTimeout = value;
            return this;
        }

        /**
         * @param value quiet time that makes a probe's {@code OK} clean (default 150 ms)
         * @return this
         */
        public Builder settleTime(Duration value) {
            this.settleTime = value;
            return this;
        }

        /**
         * @param value probes per synchronisation before reopening (default 10)
         * @return this
         */
        public Builder syncAttempts(int value) {
            this.syncAttempts = value;
            return this;
        }

        /**
         * @param value wait for an optional {@code OK} after an upload result (default 200 ms)
         * @return this
         */
        public Builder trailingOkLinger(Duration value) {
            this.trailingOkLinger = value;
            return this;
        }

        /**
         * @param value time boot URCs belong to one boot (default 30 s)
         * @return this
         */
        public Builder bootUrcWindow(Duration value) {
            this.bootUrcWindow = value;
            return this;
        }

        /**
         * @param value optional init settings (default none)
         * @return this
         */
        public Builder init(InitOptions value) {
            this.init = value;
            return this;
        }

        /**
         * @param base first reopen delay (default 1 s)
         * @param cap longest reopen delay (default 1 min)
         * @return this
         */
        public Builder reopenBackoff(Duration base, Duration cap) {
            this.reopenBackoffBase = base;
            this.reopenBackoffCap = cap;
            return this;
        }

        /**
         * @param value consecutive timeouts before reopening (default 3)
         * @return this
         */
        public Builder maxConsecutiveTimeouts(int value) {
            this.maxConsecutiveTimeouts = value;
            return this;
        }

        /**
         * @param prefixes further URC prefixes
         * @return this
         */
        public Builder extraUrcPrefixes(String... prefixes) {
            this.extraUrcPrefixes = new ArrayList<>(List.of(prefixes));
            return this;
        }

        /**
         * @param value longest line in bytes (default 4096)
         * @return this
         */
        public Builder maxLineLength(int value) {
            this.maxLineLength = value;
            return this;
        }

        /**
         * @param value transcript entries kept (default 500)
         * @return this
         */
        public Builder transcriptCapacity(int value) {
            this.transcriptCapacity = value;
            return this;
        }

        /**
         * @param value what a write may take beyond twice the line time of its bytes before the link counts as
         *     stuck (default 5 s)
         * @return this
         */
        public Builder writeGrace(Duration value) {
            this.writeGrace = value;
            return this;
        }

        /**
         * @param value idle time after which a plain {@code AT} checks the link (default 5 min);
         *     {@link Duration#ZERO} for no check
         * @return this
         */
        public Builder idleCheck(Duration value) {
            this.idleCheck = value;
            return this;
        }

        /**
         * @param value how much the link's delay varies, instead of the variation the engine measures (default:
         *     measured). For a link whose delay the host knows, such as an in-process link ({@link Duration#ZERO}):
         *     a measurement made while the JVM starts up can come out at milliseconds, and every guard time of the
         *     link session is that much longer
         * @return this
         */
        public Builder linkJitter(Duration value) {
            this.linkJitter = Objects.requireNonNull(value, "linkJitter");
            return this;
        }

        /** @return the settings */
        public AtEngineSettings build() {
            return new AtEngineSettings(name, opener, commandTimeout, guardTime, probeTimeout, settleTime,
                    syncAttempts, trailingOkLinger, bootUrcWindow, init, reopenBackoffBase, reopenBackoffCap,
                    maxConsecutiveTimeouts, extraUrcPrefixes, maxLineLength, transcriptCapacity, writeGrace,
                    idleCheck, linkJitter);
        }
    }
}
