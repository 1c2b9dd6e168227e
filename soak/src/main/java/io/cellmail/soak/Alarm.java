/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.Objects;
import java.util.Optional;

/**
 * One alarm the soak asks the consumer to send.
 *
 * @param id its id, also in its subject ({@code SOAK <id> ...}) so that deliveries can be counted
 * @param subject its subject
 * @param body its text
 * @param attachmentName its attachment's name, if it has one
 * @param attachmentSize the attachment's size in bytes
 * @param escapeText whether the body holds {@code +++} followed by AT command lines: on a module that ends data
 *        mode at any {@code +++} it must be refused at {@code send} or arrive intact, never run
 */
record Alarm(String id, String subject, String body, Optional<String> attachmentName, int attachmentSize,
        boolean escapeText) {

    /** Where an injected command would send a copy: any mail to it is text run as commands. */
    static final String INTRUDER = "spy@intruder.example";
    static final String RECIPIENT = "ops@soak.example";

    Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachmentName, "attachmentName");
    }

    /**
     * @param text a body as the SMTP server received it
     * @return whether it is this alarm's body, line breaks aside
     */
    boolean intact(String text) {
        return normalized(body).equals(normalized(text));
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }
}
