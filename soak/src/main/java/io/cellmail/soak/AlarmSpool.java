/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The harness's side of the spool: each alarm becomes a request file {@code <id>.req} that appears whole (written
 * to a temporary name, then renamed), which the alarm bundle sends and deletes.
 */
final class AlarmSpool {

    static final String SUFFIX = ".req";

    private final Path directory;

    /**
     * @param directory the spool directory, created when missing
     * @throws IOException when it cannot be created
     */
    AlarmSpool(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    Path directory() {
        return directory;
    }

    /**
     * @param alarm the alarm to request
     * @throws IOException when the request cannot be written
     */
    void request(Alarm alarm) throws IOException {
        Properties request = new Properties();
        request.setProperty("id", alarm.id());
        request.setProperty("to", Alarm.RECIPIENT);
        request.setProperty("subject", alarm.subject());
        request.setProperty("body", alarm.body());
        alarm.attachmentName().ifPresent(name -> {
            request.setProperty("attachment.name", name);
            request.setProperty("attachment.size", Integer.toString(alarm.attachmentSize()));
        });
        Path temp = directory.resolve(alarm.id() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            request.store(writer, null);
        }
        Files.move(temp, directory.resolve(alarm.id() + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @return how many requests wait to be sent
     * @throws IOException when the directory cannot be listed
     */
    int pending() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path ignored : files) {
                count++;
            }
        }
        return count;
    }
}
