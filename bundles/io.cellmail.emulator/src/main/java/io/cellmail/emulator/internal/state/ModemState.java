package io.cellmail.emulator.internal.state;

import java.util.Objects;

import io.cellmail.emulator.EmulatorSettings;

/**
 * Everything the emulated module remembers. Touched only by the modem thread, so it needs no locking. Settings
 * saved with {@code AT&W} ({@code +IPR}, {@code +IFC}) survive a reboot; everything else is volatile and goes back
 * to its power-on value on {@link #powerOn()}.
 */
public final class ModemState {

    private final EmulatorSettings settings;
    private final SmtpMailbox mailbox = new SmtpMailbox();
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

    public ModemState(EmulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        savedRate = settings.autobaud() ? 0 : ipRateFor(settings.baud());
        powerOn();
    }

    /** A (re)boot: volatile state back to power-on values, the boot counter advanced. */
    public void powerOn() {
        bootCount++;
        awaitingAutobaud = settings.autobaud();
        echo = true;
        verbose = true;
        errorMode = 0;
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

    public EmulatorSettings settings() {
        return settings;
    }

    public SmtpMailbox mailbox() {
        return mailbox;
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

    public int attached() {
        return attached;
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

    /** @return true if the module can bring up a data context: SIM ready, registered (home or roaming), attached */
    public boolean networkReady() {
        int stat = settings.registration();
        return settings.simReady() && (stat == 1 || stat == 5) && attached == 1;
    }
}
