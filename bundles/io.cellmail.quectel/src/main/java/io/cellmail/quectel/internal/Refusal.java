/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

/**
 * What the module's refusal ({@code ERROR}) of an SMTP write means when no send is running: it refused the value
 * the command carries. A value of the mail ({@code subject}, {@code body}, ...) can never go through, so the mail
 * fails for good with {@link MailErrorCode#INVALID_MESSAGE} naming the field; a configured setting
 * ({@code smtpHost}, {@code smtpPassword}, ...) is the operator's to correct, so the mail waits with
 * {@link MailErrorCode#SETTING_REJECTED} naming the setting. A command that carries no value of either gives
 * {@link MailErrorCode#UNKNOWN}. Messages name the command only masked: never a password.
 *
 * @param field the message field or setting the command carries, or null for none
 * @param setting true for a configured setting, false for a field of the mail
 */
record Refusal(String field, boolean setting) {

    /** A command built from nothing the caller or the operator gave. */
    static final Refusal NONE = new Refusal(null, false);

    /**
     * @param field a field of the mail, as {@link MailException#field()} names it
     * @return the refusal of a command carrying it
     */
    static Refusal ofMessage(String field) {
        return new Refusal(field, false);
    }

    /**
     * @param setting a configured setting, as the configuration names it
     * @return the refusal of a command carrying it
     */
    static Refusal ofSetting(String setting) {
        return new Refusal(setting, true);
    }

    /**
     * @param maskedCommand the refused command, masked
     * @param cause what the AT engine reported
     * @return the failure to report
     */
    MailException failure(String maskedCommand, Throwable cause) {
        if (field == null) {
            return new MailException(MailErrorCode.UNKNOWN, null, "the modem refused " + maskedCommand
                    + " although it was not sending", cause);
        }
        if (setting) {
            return new MailException(MailErrorCode.SETTING_REJECTED, field, "the modem refused the configured "
                    + field + " (" + maskedCommand + "); correct " + field + " in the configuration", cause);
        }
        return new MailException(MailErrorCode.INVALID_MESSAGE, field, "the modem refused the " + field + " of the "
                + "mail (" + maskedCommand + ")", cause);
    }
}
