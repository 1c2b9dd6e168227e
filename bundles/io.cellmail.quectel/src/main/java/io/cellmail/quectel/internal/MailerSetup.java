/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.spi.MailerSettings;

/**
 * A mailer's {@link MailerSettings} and what the driver reads from their link URI, made once when the mailer is
 * created. The rest of the driver takes every setting from {@link #settings()} as it is, under its own name; the
 * link URI is opened as given (whoever made the settings put the line's rate and flow control into it), and the
 * AT engine's settings come from here alone ({@link #engineSettings}).
 *
 * @param settings the settings, within the module's limits
 * @param link the link the settings' URI names: its line rate sizes upload timeouts, its flow control is the
 *     modem's too
 * @param engineName a short word naming the modem in thread names and logs, from the link URI
 */
public record MailerSetup(MailerSettings settings, LinkUri link, String engineName) {

    private static final int MAX_ENGINE_NAME = 40;

    public MailerSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(engineName, "engineName");
    }

    /**
     * @param settings the settings of one mailer of the GSM dialect
     * @return the mailer's setup
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} with {@link MailException#field()} naming the
     *     setting the module cannot take (TLS among them: the GSM SMTP client has none), or {@code linkUri} when the
     *     link URI cannot be read; the message never holds a password or the PIN
     */
    public static MailerSetup of(MailerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SettingLimits.checkGsm(settings);
        return ofLink(settings);
    }

    /**
     * @param settings the settings of one mailer of the LTE dialect
     * @return the mailer's setup
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} with {@link MailException#field()} naming the
     *     setting the module cannot take (e.g. {@code caCertificate} that is not PEM), or {@code linkUri} when the
     *     link URI cannot be read; the message never holds a password or the PIN
     */
    public static MailerSetup lte(MailerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SettingLimits.checkLte(settings);
        return ofLink(settings);
    }

    /**
     * The setup of a link without a dialect's setting limits: for an engine that only asks the module what it
     * is (the {@code auto} dialect), whose settings another dialect with its own limits may take afterwards.
     *
     * @param settings the settings of one mailer
     * @return the setup, for its link, engine name and {@link #engineSettings}
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming {@code linkUri} when the link URI cannot
     *     be read
     */
    public static MailerSetup ofLink(MailerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        LinkUri link;
        try {
            link = LinkUri.parse(settings.linkUri());
        } catch (SerialLinkException e) {
            throw SettingLimits.invalid("linkUri", e.getMessage());
        }
        return new MailerSetup(settings, link, engineName(link));
    }

    /**
     * The AT engine's settings of this mailer: its link, opened with the settings' URI as it is, the guard time,
     * what the engine sets on the modem at every initialisation (the link's rate when {@code fixedBaud}, RTS/CTS
     * when the link uses it), and {@code +QSMTPPUT:} as a URC, so that a PUT result the host stopped waiting for
     * reaches the mailer, even during a resynchronisation.
     *
     * @param links opens the link
     * @return the engine's settings, the engine's own defaults for the rest
     */
    public AtEngineSettings.Builder engineSettings(SerialLinks links) {
        Objects.requireNonNull(links, "links");
        String uri = settings.linkUri();
        return AtEngineSettings.builder(engineName, () -> links.open(uri))
                .guardTime(settings.guardTime())
                .init(new AtEngineSettings.InitOptions(settings.fixedBaud(),
                        link.settings().flowControl() == PortSettings.FlowControl.RTS_CTS))
                .extraUrcPrefixes(Results.PUT);
    }

    /**
     * @param bytes a payload's size
     * @return the input timeout of its upload at this link's rate and guard time
     */
    int uploadTimeoutSeconds(int bytes) {
        return Timeouts.inputSeconds(bytes, link.settings().bytesPerSecond(), settings.guardTime());
    }

    /** @return the settings with the passwords and the PIN masked */
    @Override
    public String toString() {
        return "MailerSetup[" + settings + ", engineName=" + engineName + "]";
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
}
