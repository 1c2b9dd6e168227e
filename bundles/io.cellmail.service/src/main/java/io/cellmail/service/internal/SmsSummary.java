/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;
import java.util.regex.Pattern;

import io.cellmail.api.MailMessage;
import io.cellmail.service.sms.SmsSegments;

/**
 * The text of an SMS about a mail, for a reader on a phone: {@code <subject>: <start of the body> [mail <id>]},
 * within a number of parts. What does not fit is cut from the end of the body (then the subject), marked with
 * {@code ...}; the mail's id is always kept, so the reader can look the mail up. Runs of blanks and line breaks
 * become one space (a body's layout would cost parts and says nothing on a phone); no other character is changed:
 * the codec sends a text with a character outside GSM-7 in UCS2 rather than replace it, and never cuts inside a
 * character.
 */
final class SmsSummary {

    /** Three dots, not the ellipsis character: that one is not in GSM-7 and would halve what fits. */
    static final String CUT = "...";
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private SmsSummary() {
    }

    /**
     * @param message the mail
     * @param maxParts the most parts the text may take, at least 1
     * @return the summary
     */
    static String of(MailMessage message, int maxParts) {
        return of(message.subject(), message.body(), message.id(), maxParts);
    }

    /**
     * @param subject the mail's subject, may be empty
     * @param body the mail's body, may be empty
     * @param id the mail's id (at most 64 characters of {@link MailMessage#ID_PATTERN}, so it always fits)
     * @param maxParts the most parts the text may take, at least 1
     * @return the summary
     */
    static String of(String subject, String body, String id, int maxParts) {
        Objects.requireNonNull(id, "id");
        if (maxParts < 1) {
            throw new IllegalArgumentException("at least one part: " + maxParts);
        }
        String shortSubject = oneLine(subject);
        String shortBody = oneLine(body);
        String head = shortSubject.isEmpty() ? shortBody
                : shortBody.isEmpty() ? shortSubject : shortSubject + ": " + shortBody;
        String tail = head.isEmpty() ? "[mail " + id + "]" : " [mail " + id + "]";
        if (fits(head + tail, maxParts)) {
            return head + tail;
        }
        // The longest start of the head that fits with the mark and the id after it; the codec never cuts inside
        // a surrogate pair, and an escape pair of GSM-7 is one Java character.
        String start = SmsSegments.fittingBefore(head, CUT + tail, maxParts);
        return start.stripTrailing() + CUT + tail;
    }

    private static boolean fits(String text, int maxParts) {
        return SmsSegments.of(text).count() <= maxParts;
    }

    private static String oneLine(String text) {
        return BLANKS.matcher(text == null ? "" : text).replaceAll(" ").strip();
    }
}
