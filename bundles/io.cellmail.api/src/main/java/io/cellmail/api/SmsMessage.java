/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An SMS a bundle sends on purpose with {@link CellularMailService#sendSms(SmsMessage)}: an id, the destination
 * number and the text. The structure is checked here; the service checks the length (the parts the text takes in
 * GSM-7 or UCS2 against its configured most parts) before it accepts the SMS.
 *
 * <p>As with mail, the id makes sending idempotent: an SMS whose id is still queued, or reached its outcome within
 * the last hour, is not queued twice. SMS ids and mail ids are separate: an SMS may carry the id of the mail it is
 * about.
 *
 * @param id 1 to 64 characters of {@link MailMessage#ID_PATTERN}
 * @param number the destination: {@code +} and up to 15 digits (E.164), or up to 20 digits as the network dials
 *     them
 * @param text the text, not empty; every character is sent as it is (GSM-7 when the GSM alphabet carries all of
 *     them, else UCS2), never replaced or dropped
 */
public record SmsMessage(String id, String number, String text) {

    /** An international number: {@code +} and 1 to 15 digits. */
    public static final Pattern INTERNATIONAL_NUMBER = Pattern.compile("\\+[0-9]{1,15}");
    /** A number as the network dials it: 1 to 20 digits. */
    public static final Pattern NATIONAL_NUMBER = Pattern.compile("[0-9]{1,20}");

    /**
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} naming the field ({@code id}, {@code number} or
     *     {@code text}) that is wrong; the message never repeats the value
     */
    public SmsMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        if (!MailMessage.ID_PATTERN.matcher(id).matches()) {
            throw invalid("id", "An SMS id is 1 to 64 letters, digits, '.', '_' or '-', not starting with a dot");
        }
        requireNumber(number);
        requireText(text);
    }

    /**
     * @param number a destination
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} naming {@code number} when it is none
     *     ({@link #isNumber}); the message never repeats the value
     */
    public static void requireNumber(String number) {
        if (!isNumber(number)) {
            throw invalid("number", "An SMS number is + and up to 15 digits (E.164) or up to 20 digits");
        }
    }

    /**
     * @param text an SMS text
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} naming {@code text} when it is empty or holds an
     *     unpaired surrogate (a character no encoding can carry)
     */
    public static void requireText(String text) {
        if (text.isEmpty()) {
            throw invalid("text", "An SMS needs some text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i)) : !Character.isLowSurrogate(c);
            if (!paired) {
                throw invalid("text", "The SMS text holds an unpaired surrogate near index " + i);
            }
        }
    }

    /**
     * @param number the destination
     * @param text the text
     * @return an SMS with a random id
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} as {@link #SmsMessage the constructor}
     */
    public static SmsMessage to(String number, String text) {
        return new SmsMessage(UUID.randomUUID().toString(), number, text);
    }

    /**
     * @param number a phone number, e.g. from a configuration
     * @return whether an SMS can be addressed to it: {@link #INTERNATIONAL_NUMBER} or {@link #NATIONAL_NUMBER}
     */
    public static boolean isNumber(String number) {
        return INTERNATIONAL_NUMBER.matcher(number).matches() || NATIONAL_NUMBER.matcher(number).matches();
    }

    /** @return the number with its digits hidden but the last two, for logs */
    public String maskedNumber() {
        return maskNumber(number);
    }

    /**
     * @param number a phone number
     * @return the number with its digits hidden but the last two, for logs: a phone number is personal data
     */
    public static String maskNumber(String number) {
        int keep = Math.min(2, number.length());
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }

    @Override
    public String toString() {
        // The text may be anything and long; the number is personal data: neither belongs in a log line.
        return "SmsMessage[" + id + ", to " + maskedNumber() + ", " + text.length() + " chars]";
    }

    private static MailException invalid(String field, String message) {
        return new MailException(MailErrorCode.INVALID_MESSAGE, field, message, null);
    }
}
