/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Priority;

/** Turns the arguments of {@code cellmail:send} into a mail; addresses and files are comma-separated lists. */
final class MailRequest {

    /** Far above what any modem takes (the Quectel module: 100 KB); only guards the console's memory. */
    static final long LARGEST_ATTACHMENT = 10L * 1024 * 1024;

    private MailRequest() {
    }

    /**
     * @return the mail
     * @throws UsageException for an unreadable file, an unknown priority, or a mail without recipients
     */
    static MailMessage build(String to, String cc, String bcc, String subject, String body, String attach,
            String priority, String id) throws UsageException {
        try {
            MailMessage.Builder builder = MailMessage.builder()
                    .to(list(to))
                    .cc(list(cc))
                    .bcc(list(bcc))
                    .subject(subject)
                    .body(body)
                    .priority(priority(priority));
            for (String file : list(attach)) {
                attach(builder, file);
            }
            if (!id.isBlank()) {
                builder.id(id.strip());
            }
            return builder.build();
        } catch (MailException | IllegalArgumentException e) {
            // The message's own checks (recipients, id) speak for themselves.
            throw new UsageException(e.getMessage());
        }
    }

    private static void attach(MailMessage.Builder builder, String file) throws UsageException {
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("cannot attach " + file + ": no such file");
            }
            if (Files.size(path) > LARGEST_ATTACHMENT) {
                throw new UsageException("cannot attach " + file + ": " + Files.size(path)
                        + " bytes is far more than a modem sends");
            }
            builder.attach(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot attach " + file + ": " + e.getMessage());
        }
    }

    private static Priority priority(String value) throws UsageException {
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("priority must be low, normal, high or urgent, not '" + value + "'");
        }
    }

    /** @return the non-blank items of a comma- or semicolon-separated list */
    static String[] list(String value) {
        List<String> items = Arrays.stream(value.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return items.toArray(String[]::new);
    }
}
