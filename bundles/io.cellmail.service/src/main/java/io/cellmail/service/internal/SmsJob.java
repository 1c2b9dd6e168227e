/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.Objects;

import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;

/**
 * A decision to send one text by SMS to one or more numbers: made by a bundle ({@link SmsReason#DIRECT}) or by the
 * fallback about a mail. Once handed to {@link SmsJobs#decide} it is durable and has its own life, whatever becomes
 * of the mail.
 *
 * @param id the SMS's id: the mail's id for an SMS about a mail, the caller's id for one sent on purpose
 * @param reason why it is sent
 * @param numbers where it goes, each checked ({@link SmsMessage#isNumber}), no duplicates, at least one
 * @param text the text, already within the configured most parts
 */
record SmsJob(String id, SmsReason reason, List<String> numbers, String text) {

    SmsJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(text, "text");
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("an SMS needs a number");
        }
        if (numbers.stream().distinct().count() != numbers.size()) {
            throw new IllegalArgumentException("a number is given twice");
        }
        for (String number : numbers) {
            if (!SmsMessage.isNumber(number)) {
                throw new IllegalArgumentException("not a phone number");
            }
        }
    }
}
