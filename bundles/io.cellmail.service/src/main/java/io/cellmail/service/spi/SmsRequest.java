/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.sms.SmsSegments;

/**
 * One SMS to send: checked when it is made, so that nothing a caller provides reaches the modem unchecked.
 *
 * <p>The number is an international number in E.164 form ({@code +} and up to 15 digits, e.g.
 * {@code +41791234567}) or a national number (up to 20 digits, as an SMS address holds); nothing else, not even a
 * space, so that it can never change the command line it goes into. The text is not empty, holds no unpaired
 * surrogate, and takes at most {@code maxParts} SMS in the encoding {@link io.cellmail.service.sms.SmsEncoding#of}
 * chooses for it (see {@link SmsSegments}).
 *
 * @param number the destination
 * @param text the text
 * @param maxParts how many SMS the text may take, 1-255
 */
@ProviderType
public record SmsRequest(String number, String text, int maxParts) {

    /**
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} naming the field ({@code number}, {@code text} or
     *     {@code maxParts}) that is wrong
     */
    public SmsRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        SmsMessage.requireNumber(number);
        if (maxParts < 1 || maxParts > SmsSegments.MAX_PARTS) {
            throw invalid("maxParts", "An SMS may take 1-" + SmsSegments.MAX_PARTS + " parts, not " + maxParts);
        }
        SmsMessage.requireText(text);
        SmsSegments segments = SmsSegments.of(text);
        if (segments.count() > maxParts) {
            throw invalid("text", "The SMS text takes " + segments.count() + " parts in " + segments.encoding()
                    + ", more than the " + maxParts + " allowed");
        }
    }

    /**
     * @param number the destination
     * @param text the text
     * @return a request for a text that fits one SMS
     */
    public static SmsRequest single(String number, String text) {
        return new SmsRequest(number, text, 1);
    }

    /** @return the text cut into the SMS it takes */
    public SmsSegments segments() {
        return SmsSegments.of(text);
    }

    /** @return the number with its digits hidden but the last two, for logs and messages */
    public String maskedNumber() {
        return SmsMessage.maskNumber(number);
    }

    private static MailException invalid(String field, String message) {
        return new MailException(MailErrorCode.INVALID_MESSAGE, field, message, null);
    }
}
