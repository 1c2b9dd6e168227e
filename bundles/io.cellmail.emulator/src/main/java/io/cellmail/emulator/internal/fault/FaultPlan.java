/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import com.google.errorprone.annotations.concurrent.GuardedBy;

import io.cellmail.emulator.Faults;

/**
 * The armed faults: tests and the command line arm them from any thread, the modem thread takes them when the
 * event they wait for happens. Faults that act "now" go straight to the modem's {@link Actions}.
 */
public final class FaultPlan implements Faults {

    /** What a fault can make the modem do at once. */
    public interface Actions {
        /** Reboot now. */
        void reboot();

        /** Reboot now without a sign on the line: no boot URCs, echo and result format as they were. */
        void silentReboot();

        /** Send an unsolicited line now (held while in data mode). */
        void unsolicited(String line);

        /**
         * The network dropped the data context now: the GSM module says so with {@code gsmUrc}; an LTE module
         * deactivates its contexts and says {@code +QIURC: "pdpdeact",<cid>} for each.
         */
        default void contextLost(String gsmUrc) {
            unsolicited(gsmUrc);
        }

        /** Put raw bytes on the line now. */
        void noise(byte[] bytes);

        /** Stop taking bytes from the line for a while, from now (CTS off). */
        void stallInput(Duration duration);
    }

    private enum LineFaultType { REBOOT_BEFORE, MUTE, DELAY, URC_IN_REPLY, REBOOT_AFTER, REFUSE }

    private record LineFault(LineFaultType type, String prefix, Duration delay, String urc) {
    }

    private static final int CONTEXT_DEACTIVATED = -8;
    private static final int NETWORK = -5;
    private static final int DNS = -4;
    private static final int AUTHENTICATION = -535;

    private final Actions actions;
    @GuardedBy("this")
    private final List<LineFault> lineFaults = new ArrayList<>();
    @GuardedBy("this")
    private final Deque<Integer> forcedResults = new ArrayDeque<>();
    @GuardedBy("this")
    private Duration smtpDelay = Duration.ZERO;
    @GuardedBy("this")
    private Duration resultDelay = Duration.ZERO;
    @GuardedBy("this")
    private boolean closeMidUpload;
    @GuardedBy("this")
    private final Deque<Integer> smsErrors = new ArrayDeque<>();
    @GuardedBy("this")
    private Duration smsDelay = Duration.ZERO;

    public FaultPlan(Actions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    public void apply(String spec) {
        FaultSpecParser.apply(this, spec);
    }

    @Override
    public void reboot() {
        actions.reboot();
    }

    @Override
    public void silentReboot() {
        actions.silentReboot();
    }

    @Override
    public void rebootOn(String commandPrefix) {
        arm(LineFaultType.REBOOT_BEFORE, commandPrefix, Duration.ZERO, "");
    }

    @Override
    public void rebootAfter(String commandPrefix) {
        arm(LineFaultType.REBOOT_AFTER, commandPrefix, Duration.ZERO, "");
    }

    @Override
    public void pdpDeactivated(boolean withContextId) {
        force(CONTEXT_DEACTIVATED);
        actions.contextLost(withContextId ? "0,+PDP DEACT" : "+PDP DEACT");
    }

    @Override
    public void networkLoss() {
        force(NETWORK);
        actions.contextLost("+PDP DEACT");
    }

    @Override
    public void dnsFailure() {
        force(DNS);
    }

    @Override
    public void smtpDown() {
        force(NETWORK);
    }

    @Override
    public synchronized void smtpDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        smtpDelay = delay;
    }

    @Override
    public synchronized void putResultDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        resultDelay = delay;
    }

    @Override
    public void smtpReply(int code) {
        if (code >= 0) {
            throw new IllegalArgumentException("an SMTP failure code is negative: " + code);
        }
        force(code);
    }

    @Override
    public void authFailure() {
        force(AUTHENTICATION);
    }

    @Override
    public void muteOn(String commandPrefix) {
        arm(LineFaultType.MUTE, commandPrefix, Duration.ZERO, "");
    }

    @Override
    public void ctsStall(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a CTS stall lasts a positive time: " + duration);
        }
        actions.stallInput(duration);
    }

    @Override
    public void delayOn(String commandPrefix, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        arm(LineFaultType.DELAY, commandPrefix, delay, "");
    }

    @Override
    public void urcInReply(String commandPrefix, String urc) {
        arm(LineFaultType.URC_IN_REPLY, commandPrefix, Duration.ZERO, Objects.requireNonNull(urc, "urc"));
    }

    @Override
    public void errorOn(String commandPrefix) {
        arm(LineFaultType.REFUSE, commandPrefix, Duration.ZERO, "");
    }

    @Override
    public void garbage(byte[] bytes) {
        actions.noise(bytes.clone());
    }

    @Override
    public void nul() {
        actions.noise(new byte[] {0});
    }

    @Override
    public synchronized void smsError(int cmsCode, int sends) {
        if (cmsCode < 1 || cmsCode > 999) {
            throw new IllegalArgumentException("a +CMS ERROR code is 1-999: " + cmsCode);
        }
        if (sends < 1 || sends > 1000) {
            throw new IllegalArgumentException("sms-error count must be 1-1000: " + sends);
        }
        for (int i = 0; i < sends; i++) {
            smsErrors.addLast(cmsCode);
        }
    }

    @Override
    public synchronized void smsDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        smsDelay = delay;
    }

    /** @return the faults for the short message being sent now, taken */
    public synchronized SmsFault takeSmsFault() {
        Integer error = smsErrors.pollFirst();
        SmsFault fault = new SmsFault(smsDelay, error == null ? OptionalInt.empty() : OptionalInt.of(error));
        smsDelay = Duration.ZERO;
        return fault;
    }

    @Override
    public synchronized void closeMidUpload() {
        closeMidUpload = true;
    }

    @Override
    public synchronized void clear() {
        lineFaults.clear();
        forcedResults.clear();
        smtpDelay = Duration.ZERO;
        resultDelay = Duration.ZERO;
        closeMidUpload = false;
        smsErrors.clear();
        smsDelay = Duration.ZERO;
    }

    /**
     * Takes the faults armed for a command line: at most one of each kind, the oldest.
     *
     * @param line the line as received
     * @return what hits it, {@link LineFaults#NONE} if nothing
     */
    public synchronized LineFaults takeFor(String line) {
        if (lineFaults.isEmpty()) {
            return LineFaults.NONE;
        }
        String normalized = normalize(line);
        Set<LineFaultType> taken = EnumSet.noneOf(LineFaultType.class);
        Duration delay = Duration.ZERO;
        List<String> urcs = new ArrayList<>();
        for (Iterator<LineFault> it = lineFaults.iterator(); it.hasNext();) {
            LineFault fault = it.next();
            if (!taken.contains(fault.type()) && normalized.startsWith(fault.prefix())) {
                taken.add(fault.type());
                it.remove();
                delay = delay.plus(fault.delay());
                if (fault.type() == LineFaultType.URC_IN_REPLY) {
                    urcs.add(fault.urc());
                }
            }
        }
        return new LineFaults(taken.contains(LineFaultType.REBOOT_BEFORE), taken.contains(LineFaultType.MUTE),
                delay, urcs, taken.contains(LineFaultType.REBOOT_AFTER), taken.contains(LineFaultType.REFUSE));
    }

    /** @return the faults for the {@code AT+QSMTPPUT} starting now, taken */
    public synchronized MailFault takeMailFault() {
        Integer forced = forcedResults.pollFirst();
        MailFault fault = new MailFault(smtpDelay, forced == null ? OptionalInt.empty() : OptionalInt.of(forced),
                resultDelay);
        smtpDelay = Duration.ZERO;
        resultDelay = Duration.ZERO;
        return fault;
    }

    /** @return true, once, if the upload starting now is to be cut */
    public synchronized boolean takeCloseMidUpload() {
        boolean armed = closeMidUpload;
        closeMidUpload = false;
        return armed;
    }

    private synchronized void arm(LineFaultType type, String prefix, Duration delay, String urc) {
        String normalized = normalize(Objects.requireNonNull(prefix, "commandPrefix"));
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("empty command prefix");
        }
        lineFaults.add(new LineFault(type, normalized, delay, urc));
    }

    private synchronized void force(int result) {
        forcedResults.addLast(result);
    }

    /** Upper case, no spaces, from the {@code AT} prefix on (so "+++AT+CSQ" matches "AT+CSQ"). */
    private static String normalize(String text) {
        String compact = text.replace(" ", "").replace("\t", "").toUpperCase(Locale.ROOT);
        int at = compact.indexOf("AT");
        return at > 0 ? compact.substring(at) : compact;
    }
}
