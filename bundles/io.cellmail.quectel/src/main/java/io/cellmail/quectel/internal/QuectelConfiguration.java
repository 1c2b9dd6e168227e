/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;

/**
 * {@link MailerSettings} checked against what the module takes, before any AT traffic, and the values the
 * dialect derives from them. Immutable; {@link #toString()} masks the passwords and the SIM PIN.
 *
 * @param settings the settings as given
 * @param linkUri the link URI to open: the configured one, with {@code baud} and {@code flow} added when the
 *     settings fix them and the URI does not
 * @param engineName a short word naming the modem in thread names and logs, from the link URI
 * @param lineBytesPerSecond the link's bytes per second, to size upload timeouts
 * @param defaultSender the configured sender
 */
public record QuectelConfiguration(MailerSettings settings, String linkUri, String engineName,
        double lineBytesPerSecond, SenderIdentity defaultSender) {

    private static final int MAX_ENGINE_NAME = 40;
    private static final int MIN_PIN = 4;
    private static final int MAX_PIN = 8;

    public QuectelConfiguration {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(linkUri, "linkUri");
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(defaultSender, "defaultSender");
    }

    /**
     * @param settings the settings of one mailer
     * @return the checked configuration
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} with {@link MailException#field()} naming the
     *     setting the module cannot take (e.g. {@code smtpPassword} longer than 50 characters); the message never
     *     holds a password
     */
    public static QuectelConfiguration of(MailerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SafeText.hostProblem(settings.smtpHost()).ifPresent(p -> fail("smtpHost", p));
        if (settings.authentication()) {
            if (settings.smtpUser().isEmpty()) {
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
        LinkUri link = parseLink(settings.linkUri());
        String linkUri = settings.linkUri().strip();
        if (settings.baud() > 0) {
            linkUri = requireQueryValue(linkUri, "baud", Integer.toString(settings.baud()));
        }
        if (settings.flowControl() == MailerSettings.FlowControl.RTS_CTS) {
            linkUri = requireQueryValue(linkUri, "flow", "rtscts");
        }
        LinkUri effective = parseLink(linkUri);
        return new QuectelConfiguration(settings, linkUri, engineName(link), effective.settings().bytesPerSecond(),
                new SenderIdentity(settings.senderAddress(), settings.senderName()));
    }

    /** @return the guard time around {@code +++} */
    public Duration guardTime() {
        return settings.guardTime();
    }

    @Override
    public String toString() {
        return "QuectelConfiguration[" + settings + ", linkUri=" + linkUri + ", engineName=" + engineName + "]";
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

    private static LinkUri parseLink(String uri) {
        try {
            return LinkUri.parse(uri);
        } catch (SerialLinkException e) {
            throw invalid("linkUri", e.getMessage());
        }
    }

    /** Adds {@code key=value} to the URI's query unless the key is there; a different value there is an error. */
    private static String requireQueryValue(String uri, String key, String value) {
        Optional<String> present = queryValue(uri, key);
        if (present.isEmpty()) {
            return uri + (uri.indexOf('?') < 0 ? "?" : "&") + key + "=" + value;
        }
        if (!present.get().equalsIgnoreCase(value)) {
            fail("linkUri", "has " + key + "=" + present.get() + " but the settings want " + value);
        }
        return uri;
    }

    private static Optional<String> queryValue(String uri, String key) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return Optional.empty();
        }
        for (String pair : uri.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    private static String engineName(LinkUri link) {
        String target = link.target();
        int slash = target.lastIndexOf('/');
        String last = slash >= 0 ? target.substring(slash + 1) : target;
        String word = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (word.length() > MAX_ENGINE_NAME) {
            word = word.substring(word.length() - MAX_ENGINE_NAME);
        }
        return word.isEmpty() || word.chars().allMatch(c -> c == '_') ? "modem" : word;
    }

    private static void fail(String field, String problem) {
        throw invalid(field, problem);
    }

    private static MailException invalid(String field, String problem) {
        return new MailException(MailErrorCode.INVALID_PARAMETER, field, field + ": " + problem, null);
    }
}
