/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the framework keeps its bundle cache and the bundles their data (the outbox among them): a directory the
 * operator named, kept, or a fresh temporary one, removed when the launcher ends.
 */
final class FrameworkStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkStorage.class);

    private final Path directory;
    private final boolean temporary;

    private FrameworkStorage(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    static FrameworkStorage of(Optional<Path> named) throws IOException {
        if (named.isPresent()) {
            return new FrameworkStorage(Files.createDirectories(named.get().toAbsolutePath()), false);
        }
        return new FrameworkStorage(Files.createTempDirectory("cellmail-gateway-"), true);
    }

    Path directory() {
        return directory;
    }

    boolean temporary() {
        return temporary;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(FrameworkStorage::delete);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the temporary framework storage {}", directory, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
