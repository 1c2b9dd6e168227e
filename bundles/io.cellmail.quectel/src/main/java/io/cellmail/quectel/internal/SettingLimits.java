/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.lte.QuectelLteDialect;
import io.cellmail.service.spi.MailerSettings;

/**
 * What the module can take of a mailer's settings: lengths and the characters a quoted AT parameter may hold. The
 * settings arrive checked by whoever made them ({@link MailerSettings} guards its own invariants, the service checks
 * its configuration); these limits are the dialect's own, which nobody else knows, so they are checked here, once,
 * before any AT traffic.
 */
final class SettingLimits {

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";
    private static final int MIN_PIN = 4;
    private static final int MAX_PIN = 8;

    private SettingLimits() {
    }

    /**
     * @param settings the settings of one mailer of the GSM dialect
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming the setting the module cannot take, as
     *     {@link #check}, or {@code smtpSecurity} for an encrypted connection: the GSM SMTP client has no TLS
     */
    static void checkGsm(MailerSettings settings) {
        check(settings);
        if (settings.tls().encrypted()) {
            fail("smtpSecurity", "is " + settings.tls().security() + ", but the GSM module's SMTP client has no TLS; "
                    + "use NONE, or an LTE module (dialect " + QuectelLteDialect.NAME + ")");
        }
    }

    /**
     * @param settings the settings of one mailer of the LTE dialect
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming the setting the module cannot take, as
     *     {@link #check}, or {@code caCertificate} when the server is verified and the certificate is not PEM text
     *     the module can take
     */
    static void checkLte(MailerSettings settings) {
        check(settings);
        MailerSettings.Tls tls = settings.tls();
        if (tls.encrypted() && tls.verifyServer()) {
            pem(tls.caCertificate());
        }
    }

    /** The module reads the CA file as PEM; anything else would fail every handshake without saying why. */
    private static void pem(String certificate) {
        if (certificate.length() > QuectelLteDialect.MAX_CA_CERTIFICATE_BYTES) {
            fail("caCertificate", "is " + certificate.length() + " characters, the driver uploads at most "
                    + QuectelLteDialect.MAX_CA_CERTIFICATE_BYTES);
        }
        if (!certificate.chars().allMatch(c -> c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f))
                || !certificate.contains(PEM_BEGIN) || !certificate.contains(PEM_END)) {
            fail("caCertificate", "is not a PEM certificate (ASCII text from " + PEM_BEGIN + " to " + PEM_END + ")");
        }
    }

    /**
     * @param settings the settings of one mailer
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} with {@link MailException#field()} naming the
     *     setting the module cannot take (e.g. {@code smtpPassword} longer than 50 characters); the message never
     *     holds a password or the PIN
     */
    static void check(MailerSettings settings) {
        SafeText.hostProblem(settings.smtpHost()).ifPresent(p -> fail("smtpHost", p));
        if (settings.authentication()) {
            if (settings.smtpUser().isEmpty()) {
                // AT+QSMTPCFG=1,1 makes the module log in: with no user it could only fail every mail
                fail("smtpUser", "is empty, but authentication is on");
            }
            credential("smtpUser", settings.smtpUser(), false);
            credential("smtpPassword", settings.smtpPassword(), true);
        }
        quotable("apn", settings.apn(), QuectelDialect.MAX_APN, false);
        credential("apnUser", settings.apnUser(), false);
        credential("apnPassword", settings.apnPassword(), true);
        simPin(settings.simPin());
        SafeText.addressProblem(settings.senderAddress()).ifPresent(p -> fail("senderAddress", p));
        SafeText.quotingProblem(settings.senderName()).ifPresent(p -> fail("senderName", p));
    }

    /** 27.007 and the SIM: a PIN is 4 to 8 digits. Said without the value: the PIN is a secret. */
    private static void simPin(String pin) {
        if (!pin.isEmpty() && (pin.length() < MIN_PIN || pin.length() > MAX_PIN
                || !pin.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            fail("simPin", "must be " + MIN_PIN + " to " + MAX_PIN + " digits, or empty for a SIM without PIN");
        }
    }

    private static void credential(String field, String value, boolean secret) {
        quotable(field, value, QuectelDialect.MAX_CREDENTIAL, secret);
    }

    private static void quotable(String field, String value, int maxLength, boolean secret) {
        if (value.length() > maxLength) {
            fail(field, "is longer than " + maxLength + " characters");
        }
        if (!SafeText.isQuotable(value)) {
            // the character of a secret is a part of it: say only which characters are allowed
            fail(field, secret ? "holds a character the modem cannot take; only printable ASCII without '\"', '\\' "
                    + "and ';' can be sent" : SafeText.quotingProblem(value).orElseThrow());
        }
    }

    static MailException invalid(String field, String problem) {
        return new MailException(MailErrorCode.INVALID_PARAMETER, field, field + ": " + problem, null);
    }

    private static void fail(String field, String problem) {
        throw invalid(field, problem);
    }
}
