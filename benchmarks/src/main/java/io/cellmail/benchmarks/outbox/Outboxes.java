/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.outbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import io.cellmail.benchmarks.stack.BenchMails;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;

/** Mail services on a benchmark outbox: unbounded, never dispatching, and the directories they leave. */
public final class Outboxes {

    /** Where a forked JVM finds the work directory. */
    public static final String WORK_DIRECTORY_PROPERTY = "cellmail.bench.workDirectory";

    private Outboxes() {
    }

    /**
     * @param directory the outbox directory
     * @return a service on it that loads what the directory holds and sends nothing (it is never started)
     * @throws IOException when the outbox cannot be opened
     */
    public static MailService open(Path directory) throws IOException {
        MailerSettings mailer = MailerSettings.builder("emulator:none", "127.0.0.1", "gateway@example.com").build();
        MailServiceSettings settings = MailServiceSettings.builder("bench", mailer, directory)
                .bounds(Integer.MAX_VALUE, Long.MAX_VALUE).maxPerHour(0).build();
        return new MailService(settings, new IdleMailer(), (topic, properties) -> { });
    }

    /**
     * Fills an outbox with alarms (mail (a)) through the service, as callers would.
     *
     * @param directory the outbox directory
     * @param mails the mail sizes
     * @param count how many
     * @throws IOException when the outbox cannot be opened
     */
    public static void fill(Path directory, BenchMails mails, int count) throws IOException {
        try (MailService service = open(directory)) {
            for (int i = 0; i < count; i++) {
                service.send(mails.alarm(i));
            }
        }
    }

    /**
     * @param directory deleted with everything in it; nothing happens when it does not exist
     * @throws IOException when something cannot be deleted
     */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** @return the work directory a forked JVM was given */
    public static Path workDirectory() {
        return Path.of(System.getProperty(WORK_DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir")));
    }
}
