/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.Objects;

import io.cellmail.emulator.EmulatorSettings;

/**
 * Everything the emulated module remembers. Touched only by the modem thread, so it needs no locking. Settings
 * saved with {@code AT&W} ({@code +IPR}, {@code +IFC}) survive a reboot; so does what the {@link SimCard} keeps
 * (its count of wrong PINs); everything else is volatile and goes back to its power-on value on {@link #powerOn()}.
 */
public final class ModuleMemory {

    private final EmulatorSettings settings;
    private final SmtpMailbox mailbox = new SmtpMailbox();
    private final SimCard sim;
    private final PdpContexts pdpContexts = new PdpContexts();
    private final LteSmtpState lteSmtp = new LteSmtpState();
    private final SslContexts sslContexts = new SslContexts();
    private final FileSystem files;
    private final SmsSettings sms = new SmsSettings();
    private long bootCount;
    private boolean awaitingAutobaud;
    private boolean echo;
    private boolean verbose;
    private int errorMode;
    private int registrationUrcMode;
    private int attached;
    private int rate;
    private int savedRate;
    private int flowLocal;
    private int flowRemote;
    private int savedFlowLocal;
    private int savedFlowRemote;
    private int foregroundContext;
    private int contextMode;
    private String apn;
    private boolean sending;

    public ModuleMemory(EmulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sim = new SimCard(settings);
        this.files = new FileSystem(settings.ramDriveBytes());
        savedRate = settings.autobaud() ? 0 : ipRateFor(settings.baud());
        powerOn();
    }

    /** A (re)boot: volatile state back to power-on values, the boot counter advanced. */
    public void powerOn() {
        echo = true;
        verbose = true;
        // The EC2x family ships with AT+CMEE=1 (numeric +CME ERROR); the M95 with 0.
        errorMode = settings.personality().lte() ? 1 : 0;
        powerOnKeepingResponseFormat();
    }

    /**
     * A reboot of a module whose response format was saved ({@code ATE0 V1 +CMEE=1} then {@code AT&W}): echo,
     * verbose results and the error mode stay as they were, so nothing on the line tells that the module
     * rebooted; everything else goes back to its power-on value.
     */
    public void powerOnKeepingResponseFormat() {
        bootCount++;
        awaitingAutobaud = settings.autobaud();
        sim.powerOn();
        registrationUrcMode = 0;
        attached = settings.attached();
        rate = savedRate;
        flowLocal = savedFlowLocal;
        flowRemote = savedFlowRemote;
        foregroundContext = 0;
        contextMode = 1;
        apn = "";
        sending = false;
        mailbox.reset();
        pdpContexts.reset();
        lteSmtp.reset();
        sslContexts.reset();
        files.powerOn();
        sms.powerOn();
    }

    /** Keeps {@code +IPR} and {@code +IFC} across reboots ({@code AT&W}). */
    public void saveProfile() {
        savedRate = rate;
        savedFlowLocal = flowLocal;
        savedFlowRemote = flowRemote;
    }

    private static int ipRateFor(int baud) {
        return baud != 0 && IpRates.accepts(baud) ? baud : 115_200;
    }

    /** @return the short message settings ({@code AT+CMGF}, {@code AT+CSCS}, {@code AT+CSMP}, {@code AT+CSCA}) */
    public SmsSettings sms() {
        return sms;
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public SmtpMailbox mailbox() {
        return mailbox;
    }

    /** @return the LTE SMTP client's own settings and attachment list */
    public LteSmtpState lteSmtp() {
        return lteSmtp;
    }

    /** @return the LTE module's SSL contexts */
    public SslContexts sslContexts() {
        return sslContexts;
    }

    /** @return the LTE module's drives: RAM (cleared at a boot) and UFS */
    public FileSystem files() {
        return files;
    }

    /** @return the LTE module's PDP contexts */
    public PdpContexts pdpContexts() {
        return pdpContexts;
    }

    /** @return the SIM, which keeps its count of wrong PINs across reboots */
    public SimCard sim() {
        return sim;
    }

    /** @return changes on every boot, so work started before a reboot can tell it is stale */
    public long bootCount() {
        return bootCount;
    }

    public boolean awaitingAutobaud() {
        return awaitingAutobaud;
    }

    public void autobaudDetected() {
        awaitingAutobaud = false;
    }

    public boolean echo() {
        return echo;
    }

    public void echo(boolean on) {
        echo = on;
    }

    public boolean verbose() {
        return verbose;
    }

    public void verbose(boolean on) {
        verbose = on;
    }

    /** @return the {@code AT+CMEE} mode: 0 plain ERROR, 1 numeric, 2 verbose {@code +CME ERROR} */
    public int errorMode() {
        return errorMode;
    }

    public void errorMode(int mode) {
        errorMode = mode;
    }

    public int registrationUrcMode() {
        return registrationUrcMode;
    }

    public void registrationUrcMode(int mode) {
        registrationUrcMode = mode;
    }

    /** @return the {@code <state>} of {@code +CGATT:}: never attached without a usable SIM */
    public int attached() {
        return sim.ready() ? attached : 0;
    }

    public void attached(int state) {
        attached = state;
    }

    public int rate() {
        return rate;
    }

    public void rate(int ipr) {
        rate = ipr;
    }

    public int flowLocal() {
        return flowLocal;
    }

    public int flowRemote() {
        return flowRemote;
    }

    public void flowControl(int local, int remote) {
        flowLocal = local;
        flowRemote = remote;
    }

    public int foregroundContext() {
        return foregroundContext;
    }

    public void foregroundContext(int context) {
        foregroundContext = context;
    }

    public int contextMode() {
        return contextMode;
    }

    public String apn() {
        return apn;
    }

    /** Sets the context of {@code AT+QICSGP}; its user and password are accepted and not kept. */
    public void context(int mode, String accessPoint) {
        contextMode = mode;
        apn = accessPoint;
    }

    /** @return true while an {@code AT+QSMTPPUT} transaction runs */
    public boolean sending() {
        return sending;
    }

    public void sending(boolean running) {
        sending = running;
    }

    /** @return the {@code <stat>} of {@code +CREG:}: the settings' once the SIM is usable, else 0 (not searching) */
    public int registration() {
        return sim.ready() ? settings.registration() : 0;
    }

    /** @return true if the module can bring up a data context: SIM ready, registered (home or roaming), attached */
    public boolean networkReady() {
        int stat = registration();
        return sim.ready() && (stat == 1 || stat == 5) && attached() == 1;
    }
}
