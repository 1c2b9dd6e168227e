/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The network acknowledged every part of an SMS.
 *
 * @param id the SMS's id: the {@link SmsMessage#id()} of an SMS sent on purpose, the mail's id for an SMS about a
 *     mail
 * @param number the number it went to
 * @param parts how many SMS the text took
 * @param messageReferences the network's reference of each part ({@code +CMGS: <mr>}), in order
 * @param attempts the attempts it took, at least 1
 * @param sentAt when the last part was acknowledged
 */
public record SmsDelivery(String id, String number, int parts, List<Integer> messageReferences, int attempts,
        Instant sentAt) {

    public SmsDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        messageReferences = List.copyOf(messageReferences);
        Objects.requireNonNull(sentAt, "sentAt");
        if (parts < 1 || messageReferences.size() != parts) {
            throw new IllegalArgumentException("one message reference for each of the parts (at least one)");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }
}
