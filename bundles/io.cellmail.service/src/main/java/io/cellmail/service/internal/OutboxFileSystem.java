/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

import com.google.errorprone.annotations.MustBeClosed;

/**
 * Every file operation of an outbox goes through here: the platform's in production, one that fails on command in
 * the tests of what a full disk, an I/O error or a torn write does to accepted mail.
 */
interface OutboxFileSystem {

    /** The platform's file system. */
    OutboxFileSystem PLATFORM = new OutboxFileSystem() {
    };

    /** As {@link FileChannel#open(Path, OpenOption...)}. */
    default FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, options);
    }

    /** As {@link Files#move}. */
    default void move(Path from, Path to, CopyOption... options) throws IOException {
        Files.move(from, to, options);
    }

    /** As {@link Files#deleteIfExists}. */
    default boolean deleteIfExists(Path file) throws IOException {
        return Files.deleteIfExists(file);
    }

    /** As {@link Files#newDirectoryStream(Path)}. */
    @MustBeClosed
    default DirectoryStream<Path> list(Path directory) throws IOException {
        return Files.newDirectoryStream(directory);
    }
}
