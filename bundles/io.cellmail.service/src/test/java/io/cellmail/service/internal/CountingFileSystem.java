/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The platform's file system, counting how often each file was written whole (renamed into place). */
final class CountingFileSystem implements OutboxFileSystem {

    private final Map<String, Integer> writes = new ConcurrentHashMap<>();

    @Override
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        OutboxFileSystem.super.move(from, to, options);
        writes.merge(to.getFileName().toString(), 1, Integer::sum);
    }

    /** @return how often the file of this name was written whole */
    int writesOf(String name) {
        return writes.getOrDefault(name, 0);
    }
}
