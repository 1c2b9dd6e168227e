/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.service.sms.SmsEncoding;

/**
 * What the network acknowledged of an SMS: every part was handed to the service centre.
 *
 * @param parts how many SMS the text took
 * @param messageReferences the message reference ({@code +CMGS: <mr>}, 0-255) of each part, in order
 * @param encoding the encoding the text went in
 */
@ProviderType
public record SmsReceipt(int parts, List<Integer> messageReferences, SmsEncoding encoding) {

    public SmsReceipt {
        messageReferences = List.copyOf(messageReferences);
        Objects.requireNonNull(encoding, "encoding");
        if (parts < 1 || messageReferences.size() != parts) {
            throw new IllegalArgumentException("one message reference for each of the parts (at least one)");
        }
    }
}
