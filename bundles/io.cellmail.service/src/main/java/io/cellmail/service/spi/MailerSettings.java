/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a dialect needs to reach its modem, the mobile network and the SMTP server. Immutable;
 * {@link #toString()} masks the passwords, and no accessor result should ever reach a log line unmasked.
 *
 * @param linkUri the serial link as it is opened, e.g. {@code serial:/dev/ttyUSB2?baud=115200&flow=rtscts} or
 *     {@code tcp://127.0.0.1:4001?baud=9600}: the one place of the line's bit rate and flow control, which the
 *     dialect also gives the modem ({@code flow=rtscts}: hardware flow control on the modem too)
 * @param fixedBaud whether the modem is switched from auto-bauding to the link URI's bit rate, and saves it
 * @param guardTime the silence before and after {@code +++} when leaving data mode
 * @param apn the GPRS access point name, possibly empty
 * @param apnUser the access point user, possibly empty
 * @param apnPassword the access point password, possibly empty
 * @param smtpHost the SMTP server's host name or address
 * @param smtpPort the SMTP server's port, 1 to 65535
 * @param authentication whether the SMTP server wants a user and password
 * @param smtpUser the SMTP user, possibly empty
 * @param smtpPassword the SMTP password, possibly empty
 * @param senderAddress the sender address of mails that do not name their own
 * @param senderName the sender display name of mails that do not name their own, possibly empty
 * @param sendDeadline how long one send attempt may take until the modem starts sending ({@code AT+QSMTPPUT}); the
 *     modem's send then runs to its result (see {@link ModemMailer#send})
 * @param escapeMode whether the modem ends a data-mode upload only at a {@code +++} framed by guard times, at any
 *     {@code +++}, or whether the dialect finds out ({@link EscapeMode#AUTO}, the default)
 * @param simPin the SIM's PIN, entered when the SIM asks for it; empty when the SIM needs none
 * @param contextId the module's PDP context the SMTP client uses, 1 to 16 (the LTE dialect's {@code AT+QICSGP},
 *     {@code AT+QIACT} and {@code "contextid"}; the GSM dialect has one foreground context and ignores it)
 * @param tls how the SMTP connection is secured ({@link Tls#NONE}: plain SMTP, the only choice of the GSM dialect)
 */
public record MailerSettings(
        String linkUri,
        boolean fixedBaud,
        Duration guardTime,
        String apn,
        String apnUser,
        String apnPassword,
        String smtpHost,
        int smtpPort,
        boolean authentication,
        String smtpUser,
        String smtpPassword,
        String senderAddress,
        String senderName,
        Duration sendDeadline,
        EscapeMode escapeMode,
        String simPin,
        int contextId,
        Tls tls) {

    /** Default guard time around {@code +++}: real modems want at least one second of silence. */
    public static final Duration DEFAULT_GUARD_TIME = Duration.ofMillis(1100);
    /** Default SMTP port. */
    public static final int DEFAULT_SMTP_PORT = 25;
    /** Default time one send attempt may take (the manual's own example uses 300 seconds). */
    public static final Duration DEFAULT_SEND_DEADLINE = Duration.ofMinutes(5);
    /** Default PDP context id: the one every driver and example uses. */
    public static final int DEFAULT_CONTEXT_ID = 1;
    /** Highest PDP context id the modules take ({@code AT+QSMTPCFG="contextid"}: 1-16). */
    public static final int MAX_CONTEXT_ID = 16;

    /** How the module's SMTP client secures its connection ({@code AT+QSMTPCFG="ssltype"}). */
    public enum SmtpSecurity {
        /** Plain SMTP ({@code ssltype} 0), usually port 25 or 587. */
        NONE,
        /** TLS from the first byte ({@code ssltype} 1, "SMTPS"), usually port 465. */
        IMPLICIT_TLS,
        /** Plain connection upgraded with {@code STARTTLS} ({@code ssltype} 2), usually port 587. */
        STARTTLS
    }

    /**
     * The TLS side of the SMTP connection. Secure by default: the server's certificate is verified against the
     * operator's CA certificate ({@code AT+QSSLCFG="seclevel"} 1); not verifying it ({@code seclevel} 0) must be
     * chosen, and leaves the connection open to anybody between the module and the server.
     *
     * @param security plain, implicit TLS or STARTTLS
     * @param verifyServer whether the server's certificate is verified against {@code caCertificate}
     * @param caCertificate the CA certificate(s) in PEM form that the server's chain must end in; empty when none is
     *     given, which is allowed only when the connection is plain or the server is not verified
     * @param sslContextId the module's SSL context the SMTP client uses, 0 to 5 ({@code AT+QSMTPCFG="sslctxid"})
     */
    public record Tls(SmtpSecurity security, boolean verifyServer, String caCertificate, int sslContextId) {

        /** Plain SMTP. */
        public static final Tls NONE = new Tls(SmtpSecurity.NONE, true, "", 1);
        /** Highest SSL context id ({@code AT+QSSLCFG}: 0-5). */
        public static final int MAX_SSL_CONTEXT_ID = 5;

        public Tls {
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(caCertificate, "caCertificate");
            if (sslContextId < 0 || sslContextId > MAX_SSL_CONTEXT_ID) {
                throw new IllegalArgumentException("sslContextId must be 0 to " + MAX_SSL_CONTEXT_ID + ": "
                        + sslContextId);
            }
            if (security != SmtpSecurity.NONE && verifyServer && caCertificate.isBlank()) {
                throw new IllegalArgumentException("caCertificate must be given to verify the SMTP server over TLS "
                        + "(or the server must explicitly not be verified)");
            }
        }

        /** @return whether the connection is encrypted */
        public boolean encrypted() {
            return security != SmtpSecurity.NONE;
        }

        /** @return the settings, the CA certificate shown by its length only */
        @Override
        public String toString() {
            return "Tls[security=" + security + ", verifyServer=" + verifyServer + ", caCertificate="
                    + caCertificate.length() + " chars, sslContextId=" + sslContextId + "]";
        }
    }

    /** How the modem ends a data-mode upload ({@code AT+QSMTPBODY}, {@code AT+QSMTPATT}) at {@code +++}. */
    public enum EscapeMode {
        /**
         * Not known: the dialect finds out with a harmless probe (an upload holding {@code +++} inside its payload)
         * whenever the modem was (re)initialised, and treats the modem as {@link #LENIENT} once the probe says so.
         */
        AUTO,
        /**
         * Only a {@code +++} framed by guard times ends the upload (Hayes rule, like the Quectel modules): a
         * {@code +++} inside a payload written in one go is data.
         */
        GUARDED,
        /**
         * Any {@code +++} ends the upload at once: bodies and attachments holding {@code +++} (or ending with
         * {@code +}) are refused, since the rest of them would reach the modem's command line.
         */
        LENIENT
    }

    public MailerSettings {
        requireText(linkUri, "linkUri");
        requirePositive(guardTime, "guardTime");
        Objects.requireNonNull(apn, "apn");
        Objects.requireNonNull(apnUser, "apnUser");
        Objects.requireNonNull(apnPassword, "apnPassword");
        requireText(smtpHost, "smtpHost");
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("smtpPort must be 1 to 65535: " + smtpPort);
        }
        Objects.requireNonNull(smtpUser, "smtpUser");
        Objects.requireNonNull(smtpPassword, "smtpPassword");
        requireText(senderAddress, "senderAddress");
        Objects.requireNonNull(senderName, "senderName");
        requirePositive(sendDeadline, "sendDeadline");
        Objects.requireNonNull(escapeMode, "escapeMode");
        Objects.requireNonNull(simPin, "simPin");
        if (contextId < 1 || contextId > MAX_CONTEXT_ID) {
            throw new IllegalArgumentException("contextId must be 1 to " + MAX_CONTEXT_ID + ": " + contextId);
        }
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * @param linkUri the serial link URI
     * @param smtpHost the SMTP server
     * @param senderAddress the default sender address
     * @return a builder holding the defaults for everything else
     */
    public static Builder builder(String linkUri, String smtpHost, String senderAddress) {
        return new Builder(linkUri, smtpHost, senderAddress);
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the settings with the passwords and the PIN masked */
    @Override
    public String toString() {
        return "MailerSettings[linkUri=" + linkUri + ", fixedBaud=" + fixedBaud + ", guardTime=" + guardTime + ", apn=" + apn + ", apnUser=" + apnUser + ", apnPassword="
                + mask(apnPassword) + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", authentication="
                + authentication + ", smtpUser=" + smtpUser + ", smtpPassword=" + mask(smtpPassword)
                + ", senderAddress=" + senderAddress + ", senderName=" + senderName + ", sendDeadline="
                + sendDeadline + ", escapeMode=" + escapeMode + ", simPin=" + mask(simPin) + ", contextId=" + contextId
                + ", tls=" + tls + "]";
    }

    private static String mask(String password) {
        return password.isEmpty() ? "" : "****";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Collects {@link MailerSettings}; starts from the defaults. Not thread-safe. */
    public static final class Builder {

        private String linkUri;
        private boolean fixedBaud;
        private Duration guardTime = DEFAULT_GUARD_TIME;
        private String apn = "";
        private String apnUser = "";
        private String apnPassword = "";
        private String smtpHost;
        private int smtpPort = DEFAULT_SMTP_PORT;
        private boolean authentication;
        private String smtpUser = "";
        private String smtpPassword = "";
        private String senderAddress;
        private String senderName = "";
        private Duration sendDeadline = DEFAULT_SEND_DEADLINE;
        private EscapeMode escapeMode = EscapeMode.AUTO;
        private String simPin = "";
        private int contextId = DEFAULT_CONTEXT_ID;
        private Tls tls = Tls.NONE;

        private Builder(String linkUri, String smtpHost, String senderAddress) {
            this.linkUri = linkUri;
            this.smtpHost = smtpHost;
            this.senderAddress = senderAddress;
        }

        private Builder(MailerSettings s) {
            this(s.linkUri, s.smtpHost, s.senderAddress);
            fixedBaud = s.fixedBaud;
            guardTime = s.guardTime;
            apn = s.apn;
            apnUser = s.apnUser;
            apnPassword = s.apnPassword;
            smtpPort = s.smtpPort;
            authentication = s.authentication;
            smtpUser = s.smtpUser;
            smtpPassword = s.smtpPassword;
            senderName = s.senderName;
            sendDeadline = s.sendDeadline;
            escapeMode = s.escapeMode;
            simPin = s.simPin;
            contextId = s.contextId;
            tls = s.tls;
        }

        /** Sets the serial link URI. */
        public Builder linkUri(String value) {
            linkUri = value;
            return this;
        }

        /** Sets whether the modem is switched to the link URI's bit rate and saves it (default false). */
        public Builder fixedBaud(boolean value) {
            fixedBaud = value;
            return this;
        }

        /** Sets the guard time around {@code +++} (default {@link MailerSettings#DEFAULT_GUARD_TIME}). */
        public Builder guardTime(Duration value) {
            guardTime = value;
            return this;
        }

        /** Sets the access point name and its credentials (default all empty). */
        public Builder apn(String name, String user, String password) {
            apn = name;
            apnUser = user;
            apnPassword = password;
            return this;
        }

        /** Sets the SMTP server (port default {@value MailerSettings#DEFAULT_SMTP_PORT}). */
        public Builder smtp(String host, int port) {
            smtpHost = host;
            smtpPort = port;
            return this;
        }

        /** Turns SMTP authentication on with these credentials (default off). */
        public Builder authentication(String user, String password) {
            authentication = true;
            smtpUser = user;
            smtpPassword = password;
            return this;
        }

        /** Turns SMTP authentication off and forgets the credentials. */
        public Builder noAuthentication() {
            authentication = false;
            smtpUser = "";
            smtpPassword = "";
            return this;
        }

        /** Sets the default sender (name default empty). */
        public Builder sender(String address, String name) {
            senderAddress = address;
            senderName = name;
            return this;
        }

        /** Sets how long one send attempt may take (default {@link MailerSettings#DEFAULT_SEND_DEADLINE}). */
        public Builder sendDeadline(Duration value) {
            sendDeadline = value;
            return this;
        }

        /** Sets how the modem ends a data-mode upload at {@code +++} (default {@link EscapeMode#AUTO}). */
        public Builder escapeMode(EscapeMode value) {
            escapeMode = value;
            return this;
        }

        /** Sets the SIM's PIN, empty for none (default empty). */
        public Builder simPin(String value) {
            simPin = value;
            return this;
        }

        /** Sets the module's PDP context id (default {@value MailerSettings#DEFAULT_CONTEXT_ID}). */
        public Builder contextId(int value) {
            contextId = value;
            return this;
        }

        /** Sets how the SMTP connection is secured (default {@link Tls#NONE}). */
        public Builder tls(Tls value) {
            tls = value;
            return this;
        }

        /**
         * @return the settings
         * @throws NullPointerException or IllegalArgumentException naming a missing or invalid setting
         */
        public MailerSettings build() {
            return new MailerSettings(linkUri, fixedBaud, guardTime, apn, apnUser, apnPassword, smtpHost,
                    smtpPort, authentication, smtpUser, smtpPassword, senderAddress, senderName, sendDeadline,
                    escapeMode, simPin, contextId, tls);
        }
    }
}
