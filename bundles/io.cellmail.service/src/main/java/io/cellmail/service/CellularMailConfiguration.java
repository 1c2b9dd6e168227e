/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The configuration of one {@link io.cellmail.api.CellularMailService}, i.e. of one modem: the one definition of
 * every setting's name, type, default, range and description. Declarative Services hands it, types converted, to
 * the component of factory PID {@value #FACTORY_PID} and to the Kura component; the metatype bnd generates from it
 * is what web consoles show, and the Kura metatype, the README's table and the default {@code .cfg} files are
 * checked against it by the build.
 *
 * <p>Names: {@code _} stands for {@code .}, and a leading {@code _} gives the leading {@code .} of a private
 * property, which Declarative Services never registers as a service property (the passwords and the PIN).
 * Ranges that the metatype cannot express (e.g. {@code retryCap} not below {@code retryBase}) are checked when the
 * configuration is applied; every problem is then named at once.
 */
@ProviderType
@ObjectClassDefinition(id = CellularMailConfiguration.FACTORY_PID, name = "cellmail mail service",
        description = "Sends e-mail through the SMTP client of a cellular modem. One configuration per modem.")
public @interface CellularMailConfiguration {

    /** The ConfigAdmin factory PID of the plain (non-Kura) component: one factory configuration per modem. */
    String FACTORY_PID = "io.cellmail.mail";

    /** @return the service's name */
    @AttributeDefinition(name = "Name", description = "The service's name, unique on this gateway: the cellmail.name "
            + "service property consumers filter on, and part of the outbox directory's name. Give each modem its own.")
    String cellmail_name() default "modem1";

    /** @return the modem's command dialect, which alone chooses the driver */
    @AttributeDefinition(name = "Dialect", description = "The modem's command dialect, which chooses the driver: "
            + "quectel-gsm for the GSM M-series (M95, MC60, ...; plain SMTP only), quectel-lte for the LTE modules "
            + "(EC21/EC25, EG91/EG95, EG21-G/EG25-G, EM05, AG35, UC20), auto to ask the module which it is. The service "
            + "waits, saying so in cellmail:status, while no driver of this dialect is installed.", options = {
                @Option(value = "quectel-gsm", label = "Quectel GSM (M95, MC60, ...)"),
                @Option(value = "quectel-lte", label = "Quectel LTE (EC2x, EG2x, EG9x, EM05, AG35, UC20)"),
                @Option(value = "auto", label = "Ask the module") })
    String dialect() default "quectel-gsm";

    /**
     * @return the link URI of the modem's AT port; empty (the default) while the instance is not configured yet: no
     *     gateway has a port every instance could default to
     */
    @AttributeDefinition(name = "Port", description = "Link URI of the modem's AT port: serial:/dev/serial/by-id/..., "
            + "tcp://host:port (ser2net) or emulator:<name>. Baud rate and flow control come from the settings below. "
            + "Since Kura 5.3 ModemManager owns the cellular modem's ports: use a port nobody else holds. Empty: not "
            + "configured yet, the service opens no port and accepts no mail until it is set.", required = false)
    String port() default "";

    /** @return the port's bit rate */
    @AttributeDefinition(name = "Baud rate", description = "Bit rate of the serial port.", min = "1")
    int baud() default 115200;

    /** @return {@code none} or {@code rtscts} */
    @AttributeDefinition(name = "Flow control", description = "none or rtscts (needs both lines wired; the modem gets "
            + "AT+IFC=2,2).", options = {
                @Option(value = "none", label = "None"),
                @Option(value = "rtscts", label = "Hardware (RTS/CTS)") })
    String flowControl() default "none";

    /** @return whether the modem is switched to {@link #baud()} and saves it */
    @AttributeDefinition(name = "Fixed baud rate", description = "Switch the modem from auto-bauding to the baud rate "
            + "and save it (AT+IPR, AT&W) when it is brought up.")
    boolean fixedBaud() default false;

    /** @return the silence around {@code +++}, in milliseconds */
    @AttributeDefinition(name = "Guard time (ms)", description = "Silence in ms before and after +++ when leaving data "
            + "mode; the modem wants at least 1000.", min = "1", max = "60000")
    long guardTime() default 1100;

    /** @return {@code auto}, {@code guarded} or {@code lenient} */
    @AttributeDefinition(name = "Escape mode", description = "How the modem ends an upload at +++: auto finds out with "
            + "a harmless probe (a 4-byte body holding +++) whenever the modem starts; guarded trusts the guard times "
            + "(Quectel modules); lenient means any +++, and bodies and attachments holding +++ (or ending with +) are "
            + "then refused.", options = {
                @Option(value = "auto", label = "Find out (probe)"),
                @Option(value = "guarded", label = "Guard times (Hayes rule)"),
                @Option(value = "lenient", label = "Any +++") })
    String escapeMode() default "auto";

    /** @return the SIM's PIN, empty for none */
    @AttributeDefinition(name = "SIM PIN", description = "The SIM's PIN (never logged, printed or registered), "
            + "entered once per modem start when the SIM asks for it; empty when the SIM needs none. A PIN the SIM "
            + "refuses is never entered again until it is changed here (three wrong PINs block the SIM).",
            type = AttributeType.PASSWORD, required = false)
    String _simPin() default "";

    /** @return the module's PDP context the SMTP client uses */
    @AttributeDefinition(name = "PDP context", description = "The module's PDP context the SMTP client uses, 1 to 16 "
            + "(the LTE modules' AT+QICSGP, AT+QIACT and contextid); the GSM modules have one and ignore it.",
            min = "1", max = "16")
    int contextId() default 1;

    /** @return the access point name */
    @AttributeDefinition(name = "APN", description = "Access point name of the SIM's operator.", required = false)
    String apn() default "";

    /** @return the access point user */
    @AttributeDefinition(name = "APN user", description = "Access point user, if the operator wants one.",
            required = false)
    String apnUser() default "";

    /** @return the access point password */
    @AttributeDefinition(name = "APN password", description = "Access point password, if the operator wants one "
            + "(never logged or registered).", type = AttributeType.PASSWORD, required = false)
    String _apnPassword() default "";

    /** @return the SMTP server */
    @AttributeDefinition(name = "SMTP server", description = "SMTP server host name or address.")
    String smtpHost() default "smtp.example.com";

    /** @return the SMTP server's port */
    @AttributeDefinition(name = "SMTP port", description = "SMTP server port: usually 25 or 587 for plain SMTP, 465 "
            + "for tls, 587 for starttls.", min = "1", max = "65535")
    int smtpPort() default 25;

    /** @return {@code none}, {@code tls} or {@code starttls} */
    @AttributeDefinition(name = "SMTP security", description = "How the connection to the SMTP server is secured: none "
            + "(plain SMTP, the only choice of quectel-gsm), tls (TLS from the first byte, usually port 465) or "
            + "starttls (plain, then STARTTLS, usually port 587). TLS needs the LTE modules.", options = {
                @Option(value = "none", label = "None (plain SMTP)"),
                @Option(value = "tls", label = "TLS (SMTPS, port 465)"),
                @Option(value = "starttls", label = "STARTTLS (port 587)") })
    String smtpSecurity() default "none";

    /** @return whether the SMTP server's certificate is verified over TLS */
    @AttributeDefinition(name = "Verify the SMTP server", description = "Over TLS, verify the SMTP server's "
            + "certificate against the CA certificate below. Off: anybody between the module and the server can read "
            + "the mail and the SMTP password; cellmail:status then warns.")
    boolean verifyServer() default true;

    /** @return the path of the PEM file holding the CA certificate, empty for none */
    @AttributeDefinition(name = "CA certificate file", description = "Path on the gateway of the PEM file holding the "
            + "CA certificate(s) the SMTP server's certificate must chain to; needed to verify the server over TLS. "
            + "Read when the configuration is applied: apply it again after replacing the file.", required = false)
    String caCertificateFile() default "";

    /** @return the module's SSL context the SMTP client uses */
    @AttributeDefinition(name = "SSL context", description = "The module's SSL context the SMTP client uses over "
            + "TLS, 0 to 5 (AT+QSSLCFG); change it only when another application on the module uses this one.",
            min = "0", max = "5")
    int sslContextId() default 1;

    /** @return whether to log in to the SMTP server */
    @AttributeDefinition(name = "SMTP authentication", description = "Log in to the SMTP server with the user and "
            + "password below (AT+QSMTPCFG=1,1).")
    boolean authentication() default true;

    /** @return the SMTP user */
    @AttributeDefinition(name = "SMTP user", description = "SMTP user name.", required = false)
    String smtpUser() default "";

    /** @return the SMTP password */
    @AttributeDefinition(name = "SMTP password", description = "SMTP password (never logged, printed or registered).",
            type = AttributeType.PASSWORD, required = false)
    String _smtpPassword() default "";

    /** @return the sender address of mail that names none */
    @AttributeDefinition(name = "Sender address", description = "From address of mail that names no sender of its "
            + "own.")
    String senderAddress() default "cellmail@example.com";

    /** @return the sender's display name */
    @AttributeDefinition(name = "Sender name", description = "Display name of that sender, printable ASCII.",
            required = false)
    String senderName() default "";

    /** @return how long one send attempt may take, in seconds */
    @AttributeDefinition(name = "Send deadline (s)", description = "Seconds one send attempt may take until the modem "
            + "starts sending (AT+QSMTPPUT); the modem's send then runs to its result, as long as the modem may take.",
            min = "1", max = "86400")
    long sendDeadline() default 300;

    /** @return the delay before the first retry, in seconds */
    @AttributeDefinition(name = "First retry (s)", description = "Seconds before the first retry of a transient "
            + "failure; later ones wait exponentially longer.", min = "1", max = "86400")
    long retryBase() default 30;

    /** @return the longest delay between attempts, in seconds */
    @AttributeDefinition(name = "Longest retry delay (s)", description = "The longest delay between two attempts, in "
            + "seconds; not below the first retry.", min = "1", max = "604800")
    long retryCap() default 1800;

    /** @return how long a mail may wait for delivery, in hours of the service running */
    @AttributeDefinition(name = "Expiry (h)", description = "Hours a mail may wait for delivery before it expires, "
            + "counted while the service runs: time the gateway is switched off does not count, and a step of the "
            + "system clock (NTP) changes nothing.", min = "1", max = "8760")
    long expiry() default 24;

    /** @return the outbox directory, empty for the default */
    @AttributeDefinition(name = "Outbox directory", description = "Where accepted mail waits on disk; empty: "
            + "outbox-<name> in the bundle's data area, where relative paths resolve too. One service per directory.",
            required = false)
    String outboxDirectory() default "";

    /** @return the most mails the outbox holds */
    @AttributeDefinition(name = "Outbox size (mails)", description = "The most mails the outbox holds, 1 to 10 000; "
            + "more are refused with QUEUE_FULL.", min = "1", max = "10000")
    int maxMessages() default 1000;

    /** @return the most bytes the outbox holds on disk */
    @AttributeDefinition(name = "Outbox size (bytes)", description = "The most bytes the outbox holds on disk, 65536 "
            + "(64 KiB) to 4294967296 (4 GiB); more are refused with QUEUE_FULL. Mail waits on disk, not in memory.",
            min = "65536", max = "4294967296")
    long maxBytes() default 16L * 1024 * 1024;

    /** @return the most send attempts per hour, 0 for no limit */
    @AttributeDefinition(name = "Sends per hour", description = "The most send attempts per hour, retries included; "
            + "0 for no limit.", min = "0")
    int maxPerHour() default 60;

    /** @return the numbers that get an SMS about mail that cannot go, separated by commas; empty for none */
    @AttributeDefinition(name = "SMS fallback numbers", description = "Phone numbers this modem sends an SMS to about a "
            + "mail it cannot deliver: international (+ and up to 15 digits, e.g. +4917012345678) or national digits, "
            + "separated by commas, each once. Empty: no SMS fallback. The SMS holds the mail's subject, the start of "
            + "its body and its id; the mail itself is still retried.", required = false)
    String smsNumbers() default "";

    /** @return minutes a mail may keep failing before its SMS, 0 for never by time */
    @AttributeDefinition(name = "SMS fallback after (min)", description = "Minutes after a mail was accepted: the first "
            + "transient failure past them (no network data, SMTP server unreachable) sends the SMS about it, once. "
            + "Counted while the service runs, as the expiry. 0: never by time, only at a permanent failure or "
            + "expiry.", min = "0", max = "525600")
    long smsFallbackAfter() default 15;

    /** @return whether a mail that fails for good or expires gets an SMS at once */
    @AttributeDefinition(name = "SMS on permanent failure", description = "Send the SMS at once when a mail fails for "
            + "good (refused recipient, login refused, ...) or expires, if it did not get one yet.")
    boolean smsOnPermanentFailure() default true;

    /** @return whether every urgent mail gets an SMS copy at once */
    @AttributeDefinition(name = "SMS copy of urgent mail", description = "Send an SMS copy of every URGENT mail as soon "
            + "as it is accepted, whatever becomes of the mail (it may get the fallback SMS too).")
    boolean smsCopyUrgent() default false;

    /** @return the most parts of one SMS */
    @AttributeDefinition(name = "SMS parts", description = "The most parts one SMS may take, 1 to 10 (each part is "
            + "charged): 160 characters fit one SMS, 153 each part of a longer one; 70 and 67 when the text needs a "
            + "character outside the GSM alphabet. A longer summary is cut, keeping the mail's id.", min = "1", max = "10")
    int smsMaxParts() default 3;

    /** @return the most SMS attempts per hour, 0 for no limit */
    @AttributeDefinition(name = "SMS per hour", description = "The most SMS this modem sends per hour (one per number "
            + "and attempt, retries included), apart from the mail's limit; 0 for no limit. SMS cost money.", min = "0")
    int smsMaxPerHour() default 10;

    /**
     * @return how a web console names an instance in its list; the service ignores it. Placeholders are other
     *     settings of the instance (never a password).
     */
    @AttributeDefinition(name = "Name in web consoles", description = "How a web console lists this configuration "
            + "among the others; {setting} stands for that setting's value. Not used by the service.", required = false)
    String webconsole_configurationFactory_nameHint() default "{cellmail.name}: {port} to {smtpHost}";
}
