/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What an outbox directory holds, read the way a test checks it: every mail file's header and last state. */
final class OutboxContents {

    private OutboxContents() {
    }

    /** @return the records of every mail file, oldest first; fails the test on a file that cannot be read */
    static List<OutboxRecord> records(Path directory) {
        try {
            Outbox outbox = new Outbox(directory);
            List<OutboxRecord> records = new ArrayList<>();
            for (Path file : mailFiles(directory)) {
                records.add(outbox.readHeader(file.getFileName().toString()));
            }
            records.sort(Comparator.comparingLong(r -> r.header().sequence()));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CorruptRecordException e) {
            throw new AssertionError("a damaged outbox file: " + e.getMessage(), e);
        }
    }

    /** @return the mail as its file holds it */
    static StoredMessage message(Path directory, String fileName) {
        try {
            return new Outbox(directory).readMessage(fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CorruptRecordException e) {
            throw new AssertionError("a damaged outbox file: " + e.getMessage(), e);
        }
    }

    /** @return the mail files of the current format */
    static List<Path> mailFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Outbox.sequenceOf(f.getFileName().toString()).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file of the mail with this id */
    static Path fileOf(Path directory, String id) {
        return records(directory).stream().filter(r -> r.header().id().equals(id)).findFirst()
                .map(r -> directory.resolve(r.file()))
                .orElseThrow(() -> new AssertionError("no outbox file holds mail " + id));
    }
}
