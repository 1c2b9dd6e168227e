/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An append-only journal, one line per entry: {@code <epoch millis> <KIND> <id> <detail>}. Each line is forced to
 * disk before {@link #append} returns, so what the journal says survives a SIGKILL the moment after.
 */
final class Journal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * @param file the journal; created with its directory when missing, appended to otherwise
     * @return the open journal
     * @throws IOException when it cannot be opened
     */
    static Journal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Journal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /**
     * @param kind what happened, one word
     * @param id the alarm's id, or {@code -}
     * @param detail more, on the same line (line breaks are replaced)
     * @throws IOException when the line cannot be written or forced
     */
    synchronized void append(String kind, String id, String detail) throws IOException {
        String line = System.currentTimeMillis() + " " + kind + " " + id
                + (detail.isEmpty() ? "" : " " + detail.replaceAll("[\\r\\n]+", " ")) + "\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /**
     * @param file a journal
     * @return for every id, the last kind recorded for it; empty when the file does not exist
     * @throws IOException when it cannot be read
     */
    static Map<String, String> lastKinds(Path file) throws IOException {
        Map<String, String> last = new HashMap<>();
        if (!Files.exists(file)) {
            return last;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] fields = line.split(" ", 4);
            // A torn last line (the process died while writing it) has fewer fields: skipped.
            if (fields.length >= 3) {
                last.put(fields[2], fields[1]);
            }
        }
        return last;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return Objects.toString(file);
    }
}
