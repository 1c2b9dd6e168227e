/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.cellmail.api.MailMessage;

/**
 * One alarm the harness asks for: a file {@code <id>.req} in {@code java.util.Properties} format with {@code id},
 * {@code to}, {@code subject}, {@code body} and optionally {@code attachment.name} and {@code attachment.size}
 * (the content is {@link AttachmentText}, so the request stays small).
 *
 * @param id the mail's id
 * @param to its recipient
 * @param subject its subject
 * @param body its text
 * @param attachmentName the name of its attachment, if any
 * @param attachmentSize the attachment's size in bytes
 */
record AlarmRequest(String id, String to, String subject, String body, Optional<String> attachmentName,
        int attachmentSize) {

    static final String SUFFIX = ".req";

    AlarmRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachmentName, "attachmentName");
    }

    /**
     * @param file a request file
     * @return the request
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    static AlarmRequest read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new AlarmRequest(required(properties, "id"), required(properties, "to"),
                required(properties, "subject"), required(properties, "body"),
                Optional.ofNullable(properties.getProperty("attachment.name")),
                Integer.parseInt(properties.getProperty("attachment.size", "0")));
    }

    /** @return the mail as an alarm bundle builds it */
    MailMessage toMessage() {
        MailMessage.Builder builder = MailMessage.builder().id(id).to(to).subject(subject).body(body);
        attachmentName.ifPresent(name -> builder.attach(name, AttachmentText.of(id, attachmentSize)));
        return builder.build();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }
}
