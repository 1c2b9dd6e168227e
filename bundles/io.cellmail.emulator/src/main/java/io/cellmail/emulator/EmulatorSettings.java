/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How an emulated module behaves: which module it is ({@link Personality}), line rate, latency, the {@code +++} escape rule, spec quirks, SMTP routing and
 * the radio state it reports. Immutable; build one with {@link #builder()}.
 *
 * @param baud line rate in baud (bytes per second = baud / 10) applied to both directions; 0 means unlimited
 * @param commandLatency delay between a command line and its answer
 * @param guardTime silence needed before and after {@code +++} to leave data mode (ignored when lenient)
 * @param lenientEscape true: any {@code +++} in a payload ends data mode at once, without guard times
 * @param attachmentsEndByLength M95: an attachment upload with a {@code <fileSz>} above 0 ends by itself once that many
 *     bytes came, answered {@code +QSMTPATT:<n>} then {@code OK}, with no {@code +++} and no guard time (the manual
 *     does not say whether a module does); false (default): it waits for {@code +++} as the manual describes
 * @param okBeforeServerInfo spec quirk: {@code AT+QSMTPSRV?} answers {@code OK} before its {@code +QSMTPSRV:} line
 * @param compactResults spec quirk: deferred and data-mode results without a space ({@code +QSMTPPUT:0});
 *     false gives {@code +QSMTPPUT: 0}
 * @param smtpRoute "host:port" every SMTP transaction connects to instead of the {@code AT+QSMTPSRV} server
 * @param bootUrcs whether {@code RDY}, {@code +CFUN: 1}, {@code +CPIN: READY} and {@code Call Ready} announce a boot
 * @param autobaud true: after a boot the module stays silent until it sees {@code AT} (no boot URCs at all)
 * @param simReady false: no SIM inserted ({@code +CPIN: NOT INSERTED}, {@code +CME ERROR: 10})
 * @param simPin the PIN the SIM asks for after every boot ({@code +CPIN: SIM PIN}), 4 to 8 digits; empty for a SIM
 *     without PIN. Three wrong entries block the SIM ({@code +CPIN: SIM PUK}), counted across reboots
 * @param simPuk the PUK that unblocks the SIM ({@code AT+CPIN="<puk>","<new pin>"}), 8 digits
 * @param simPinTries the PIN tries the SIM has left when the module first powers on, 0 to 3: fewer than 3 for a
 *     SIM someone already mistyped the PIN of (elsewhere, e.g. in a phone), 0 for a blocked one
 * @param registration the {@code <stat>} of {@code +CREG:} (1 home, 5 roaming, 2 searching, 3 denied, 0 none)
 * @param attached the {@code <state>} of {@code +CGATT:} (1 attached, 0 detached)
 * @param signal the {@code <rssi>} of {@code +CSQ:} (0-31, 99 unknown)
 * @param identity the lines {@code ATI} answers, e.g. "Quectel_M95", "Revision: M95FAR02A08"; the personality's
 *     unless the builder was given others
 * @param personality which module the emulator answers as (default {@link Personality#M95})
 * @param lteErrorBase LTE personality: the {@code <err>} of {@code +QSMTPPUT: <err>,<protocol_error>} for a failure
 *     with the V1.00 code {@code -n} is {@code lteErrorBase + n} (the manual's table is not public; 650 gives the
 *     651... numbering secondary sources report)
 * @param ramDriveBytes LTE personality: capacity of the {@code RAM:} drive of {@code AT+QFUPL}, at least 1024
 * @param smsPrompt what the module writes when it waits for a short message's text (default {@link SmsPrompt#SPACE})
 */
public record EmulatorSettings(
        int baud,
        Duration commandLatency,
        Duration guardTime,
        boolean lenientEscape,
        boolean attachmentsEndByLength,
        boolean okBeforeServerInfo,
        boolean compactResults,
        Optional<String> smtpRoute,
        boolean bootUrcs,
        boolean autobaud,
        boolean simReady,
        Optional<String> simPin,
        String simPuk,
        int simPinTries,
        int registration,
        int attached,
        int signal,
        List<String> identity,
        Personality personality,
        int lteErrorBase,
        int ramDriveBytes,
        SmsPrompt smsPrompt) {

    /** The PUK of an emulated SIM unless the settings give another. */
    public static final String DEFAULT_SIM_PUK = "12345678";

    /** The identity of an M95 module, as {@code ATI} prints it. */
    public static final List<String> DEFAULT_IDENTITY = Personality.M95.identity();

    /** The default {@link #lteErrorBase()}: {@code <err>} 651 stands for V1.00's -1. */
    public static final int DEFAULT_LTE_ERROR_BASE = 650;

    /** The default {@link #ramDriveBytes()}, 512 KB (chosen; the real free space depends on the firmware). */
    public static final int DEFAULT_RAM_DRIVE_BYTES = 512 * 1024;

    public EmulatorSettings {
        if (baud < 0) {
            throw new IllegalArgumentException("baud must be 0 (unlimited) or positive: " + baud);
        }
        requireNotNegative(commandLatency, "commandLatency");
        requireNotNegative(guardTime, "guardTime");
        Objects.requireNonNull(smtpRoute, "smtpRoute");
        smtpRoute.ifPresent(EmulatorSettings::requireHostAndPort);
        Objects.requireNonNull(simPin, "simPin");
        simPin.ifPresent(pin -> requireDigits(pin, 4, 8, "simPin"));
        requireDigits(Objects.requireNonNull(simPuk, "simPuk"), 8, 8, "simPuk");
        requireRange(simPinTries, 0, 3, "simPinTries");
        requireRange(registration, 0, 5, "registration");
        requireRange(attached, 0, 1, "attached");
        if (signal != 99) {
            requireRange(signal, 0, 31, "signal");
        }
        identity = List.copyOf(identity);
        Objects.requireNonNull(personality, "personality");
        requireRange(lteErrorBase, 1, 65_000, "lteErrorBase");
        requireRange(ramDriveBytes, 1024, 64 * 1024 * 1024, "ramDriveBytes");
        Objects.requireNonNull(smsPrompt, "smsPrompt");
    }

    /** @return the settings of a plain module: unlimited line rate, no latency, 1 s guard, spec quirks on */
    public static EmulatorSettings defaults() {
        return builder().build();
    }

    /** @return a builder holding the {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return bytes per second each way, or 0 when the line rate is unlimited */
    public int bytesPerSecond() {
        return baud / 10;
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }

    private static void requireRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + "-" + max + ": " + value);
        }
    }

    private static void requireDigits(String value, int min, int max, String name) {
        if (value.length() < min || value.length() > max || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(name + " must be " + min + (min == max ? "" : " to " + max)
                    + " digits");
        }
    }

    private static void requireHostAndPort(String route) {
        int colon = route.lastIndexOf(':');
        if (colon <= 0 || colon == route.length() - 1) {
            throw new IllegalArgumentException("smtpRoute must be host:port: " + route);
        }
        try {
            requireRange(Integer.parseInt(route.substring(colon + 1)), 1, 65535, "smtpRoute port");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smtpRoute must be host:port: " + route, e);
        }
    }

    /** Builds {@link EmulatorSettings}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int baud;
        private Duration commandLatency = Duration.ZERO;
        private Duration guardTime = Duration.ofSeconds(1);
        private boolean lenientEscape;
        private boolean attachmentsEndByLength;
        private boolean okBeforeServerInfo = true;
        private boolean compactResults = true;
        private Optional<String> smtpRoute = Optional.empty();
        private boolean bootUrcs = true;
        private boolean autobaud;
        private boolean simReady = true;
        private Optional<String> simPin = Optional.empty();
        private String simPuk = DEFAULT_SIM_PUK;
        private int simPinTries = 3;
        private int registration = 1;
        private int attached = 1;
        private int signal = 20;
        private List<String> identity;
        private Personality personality = Personality.M95;
        private int lteErrorBase = DEFAULT_LTE_ERROR_BASE;
        private int ramDriveBytes = DEFAULT_RAM_DRIVE_BYTES;
        private SmsPrompt smsPrompt = SmsPrompt.SPACE;

        private Builder() {
        }

        private Builder(EmulatorSettings from) {
            baud = from.baud;
            commandLatency = from.commandLatency;
            guardTime = from.guardTime;
            lenientEscape = from.lenientEscape;
            attachmentsEndByLength = from.attachmentsEndByLength;
            okBeforeServerInfo = from.okBeforeServerInfo;
            compactResults = from.compactResults;
            smtpRoute = from.smtpRoute;
            bootUrcs = from.bootUrcs;
            autobaud = from.autobaud;
            simReady = from.simReady;
            simPin = from.simPin;
            simPuk = from.simPuk;
            simPinTries = from.simPinTries;
            registration = from.registration;
            attached = from.attached;
            signal = from.signal;
            // an identity that is the personality's own follows a change of personality
            identity = from.identity.equals(from.personality.identity()) ? null : from.identity;
            personality = from.personality;
            lteErrorBase = from.lteErrorBase;
            ramDriveBytes = from.ramDriveBytes;
            smsPrompt = from.smsPrompt;
        }

        /** @param value line rate in baud, 0 for unlimited (default 0) @return this */
        public Builder baud(int value) {
            baud = value;
            return this;
        }

        /** @param value delay before each answer (default 0) @return this */
        public Builder commandLatency(Duration value) {
            commandLatency = value;
            return this;
        }

        /** @param value silence around {@code +++} (default 1 s) @return this */
        public Builder guardTime(Duration value) {
            guardTime = value;
            return this;
        }

        /** @param value any {@code +++} ends data mode (default false) @return this */
        public Builder lenientEscape(boolean value) {
            lenientEscape = value;
            return this;
        }

        /**
         * @param value M95: an attachment ends by itself at its {@code <fileSz>}, no {@code +++} (default false: it
         *     waits for {@code +++})
         * @return this
         */
        public Builder attachmentsEndByLength(boolean value) {
            attachmentsEndByLength = value;
            return this;
        }

        /** @param value {@code OK} before the {@code +QSMTPSRV:} line (default true) @return this */
        public Builder okBeforeServerInfo(boolean value) {
            okBeforeServerInfo = value;
            return this;
        }

        /** @param value results without a space after the colon (default true) @return this */
        public Builder compactResults(boolean value) {
            compactResults = value;
            return this;
        }

        /** @param hostAndPort "host:port" for every SMTP transaction, or null for the configured server @return this */
        public Builder smtpRoute(@Nullable String hostAndPort) {
            smtpRoute = Optional.ofNullable(hostAndPort);
            return this;
        }

        /** @param value boot URCs (default true) @return this */
        public Builder bootUrcs(boolean value) {
            bootUrcs = value;
            return this;
        }

        /** @param value silent until {@code AT} after a boot (default false) @return this */
        public Builder autobaud(boolean value) {
            autobaud = value;
            return this;
        }

        /** @param value SIM present and ready (default true) @return this */
        public Builder simReady(boolean value) {
            simReady = value;
            return this;
        }

        /** @param pin the SIM's PIN, or null for a SIM without PIN (default none) @return this */
        public Builder simPin(@Nullable String pin) {
            simPin = Optional.ofNullable(pin);
            return this;
        }

        /** @param puk the SIM's PUK (default {@link EmulatorSettings#DEFAULT_SIM_PUK}) @return this */
        public Builder simPuk(String puk) {
            simPuk = puk;
            return this;
        }

        /** @param tries PIN tries the SIM has left at first power on, 0 (blocked) to 3 (default 3) @return this */
        public Builder simPinTries(int tries) {
            simPinTries = tries;
            return this;
        }

        /** @param stat {@code +CREG} stat (default 1) @return this */
        public Builder registration(int stat) {
            registration = stat;
            return this;
        }

        /** @param state {@code +CGATT} state (default 1) @return this */
        public Builder attached(int state) {
            attached = state;
            return this;
        }

        /** @param rssi {@code +CSQ} rssi (default 20) @return this */
        public Builder signal(int rssi) {
            signal = rssi;
            return this;
        }

        /** @param lines what {@code ATI} prints (default: the personality's identity) @return this */
        public Builder identity(List<String> lines) {
            identity = Objects.requireNonNull(lines, "identity");
            return this;
        }

        /** @param value which module to answer as (default {@link Personality#M95}) @return this */
        public Builder personality(Personality value) {
            personality = Objects.requireNonNull(value, "personality");
            return this;
        }

        /** @param value the LTE {@code <err>} of V1.00's -1 minus 1 (default 650) @return this */
        public Builder lteErrorBase(int value) {
            lteErrorBase = value;
            return this;
        }

        /** @param value capacity of the LTE {@code RAM:} drive in bytes (default 512 KB) @return this */
        public Builder ramDriveBytes(int value) {
            ramDriveBytes = value;
            return this;
        }

        /** @param value the prompt for a short message's text (default {@link SmsPrompt#SPACE}) @return this */
        public Builder smsPrompt(SmsPrompt value) {
            smsPrompt = Objects.requireNonNull(value, "smsPrompt");
            return this;
        }

        /** @return the settings @throws IllegalArgumentException if a value is out of range */
        public EmulatorSettings build() {
            return new EmulatorSettings(baud, commandLatency, guardTime, lenientEscape, attachmentsEndByLength,
                    okBeforeServerInfo,
                    compactResults, smtpRoute, bootUrcs, autobaud, simReady, simPin, simPuk, simPinTries, registration, attached,
                    signal, identity == null ? personality.identity() : identity, personality, lteErrorBase,
                    ramDriveBytes,
                    smsPrompt);
        }
    }
}
