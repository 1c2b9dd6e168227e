/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.ErrorManager;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The gateway's log files ({@code --log-dir DIR}): every line the gateway writes to its standard error (slf4j-simple
 * in the launcher and in the framework, java.util.logging, the OSGi log's warnings) goes to
 * {@code DIR/cellmail-gateway.0.log}, rotated by java.util.logging's {@link FileHandler} when it reaches the size
 * limit: {@code cellmail-gateway.1.log} is the one before, and so on up to the count of files kept; the oldest is
 * dropped. The lines arrive formatted (slf4j-simple's time stamp and level), so the handler writes them as they
 * are. A restart appends to the current file.
 *
 * <p>The limit and the count are java.util.logging's own settings {@code java.util.logging.FileHandler.limit} and
 * {@code java.util.logging.FileHandler.count}, read from {@code conf/logging/logging.properties}.
 */
final class LogFile implements AutoCloseable {

    static final String LIMIT = "java.util.logging.FileHandler.limit";
    static final String COUNT = "java.util.logging.FileHandler.count";
    static final int DEFAULT_LIMIT = 10 * 1024 * 1024;
    static final int DEFAULT_COUNT = 5;
    static final String FILE_NAME_PATTERN = "cellmail-gateway.%g.log";

    private final FileHandler handler;
    private final PrintStream stream;

    private LogFile(FileHandler handler) {
        this.handler = handler;
        this.stream = new PrintStream(new LineStream(handler), true, StandardCharsets.UTF_8);
    }

    /**
     * @param directory where the files go; created if missing
     * @param limit the size in bytes at which the current file is rotated
     * @param count how many files are kept, the current one included
     * @return the open log
     * @throws IOException when the directory cannot be created or the file not opened
     */
    static LogFile open(Path directory, int limit, int count) throws IOException {
        if (limit <= 0 || count <= 0) {
            throw new IllegalArgumentException("a rotated log needs a positive limit and count, not " + limit
                    + " bytes and " + count + " files");
        }
        Files.createDirectories(directory);
        // '%' is FileHandler's escape character: a directory's own percent signs must stay as they are.
        String pattern = directory.toAbsolutePath().toString().replace("%", "%%") + "/" + FILE_NAME_PATTERN;
        FileHandler handler = new FileHandler(pattern, limit, count, true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setLevel(Level.ALL);
        handler.setFormatter(new AsWritten());
        handler.setErrorManager(new ErrorManager());
        return new LogFile(handler);
    }

    /**
     * @param directory where the files go
     * @return the log, rotated at the limit and count of the java.util.logging configuration read so far
     * @throws IOException when the file cannot be opened
     */
    static LogFile openConfigured(Path directory) throws IOException {
        return open(directory, setting(LIMIT, DEFAULT_LIMIT), setting(COUNT, DEFAULT_COUNT));
    }

    /** @param number the generation, 0 for the current file @return that file's name */
    static String fileName(int number) {
        return FILE_NAME_PATTERN.replace("%g", Integer.toString(number));
    }

    /** @return a stream whose lines go into the log, each flushed to disk when it ends */
    PrintStream stream() {
        return stream;
    }

    @Override
    public void close() {
        stream.flush();
        handler.close();
    }

    private static int setting(String name, int fallback) {
        String value = LogManager.getLogManager().getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Collects bytes up to a line's end and hands the line to the handler, which may rotate between lines. */
    private static final class LineStream extends OutputStream {

        private final FileHandler handler;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineStream(FileHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                publish();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i + 1 - start);
                    publish();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public synchronized void flush() {
            // A partial line (a prompt, a line being written) waits for its end: a rotation never splits a line.
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                line.write('\n');
                publish();
            }
        }

        private void publish() {
            handler.publish(new LogRecord(Level.INFO, line.toString(StandardCharsets.UTF_8)));
            handler.flush();
            line.reset();
        }
    }

    /** Writes a line exactly as it came: it already carries its time stamp, level and line end. */
    private static final class AsWritten extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage();
        }
    }
}
