/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.nio.charset.StandardCharsets;

/** The content of a soak alarm's attachment: readable CSV lines of a given size, the same for the same id. */
final class AttachmentText {

    private AttachmentText() {
    }

    /**
     * @param id the alarm's id, part of every line
     * @param size the size in bytes
     * @return the content
     */
    static byte[] of(String id, int size) {
        StringBuilder text = new StringBuilder(size + 64);
        for (int line = 0; text.length() < size; line++) {
            text.append(id).append(',').append(line).append(',').append(line * 7 % 1000).append('\n');
        }
        text.setLength(size);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
