/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of an outbox directory by one service. Two services on one directory would each send every mail
 * (a copied configuration is enough to get there), so the second one must not start. The operating system drops
 * the lock when the process dies, so a crash never leaves a directory locked.
 */
final class OutboxLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param directory the outbox directory, created when missing
     * @return the held lock
     * @throws IOException when another service, in this process or another, holds the directory
     */
    static OutboxLock acquire(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("The outbox " + directory + " is used by another process");
            }
            return new OutboxLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("The outbox " + directory + " is used by another mail service of this process", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
