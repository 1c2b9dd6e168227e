package io.cellmail.service.internal;

import io.cellmail.service.MailServiceSettings;
import io.cellmail.service.spi.MailerSettings;

/**
 * Keeps the configured passwords out of text that is logged or shown, such as a dialect's error message, which
 * this bundle does not control.
 */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {
    }

    /**
     * @param text a message, possibly null
     * @param settings the settings whose passwords must not appear
     * @return the message with every occurrence of either password replaced by {@value #MASK}
     */
    static String mask(String text, MailServiceSettings settings) {
        if (text == null) {
            return "(no details)";
        }
        MailerSettings mailer = settings.mailer();
        return maskOne(maskOne(text, mailer.smtpPassword()), mailer.apnPassword());
    }

    private static String maskOne(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, MASK);
    }
}
