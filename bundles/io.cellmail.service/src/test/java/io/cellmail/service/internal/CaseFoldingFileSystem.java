/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file system that ignores case, as vfat on an SD card does: {@code Abc.mail} and {@code abc.mail} are one file.
 * Emulated on a case-sensitive one by folding every file name the outbox uses to lower case.
 */
final class CaseFoldingFileSystem implements OutboxFileSystem {

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return OutboxFileSystem.super.open(fold(file), options);
    }

    @Override
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        OutboxFileSystem.super.move(fold(from), fold(to), options);
    }

    @Override
    public boolean deleteIfExists(Path file) throws IOException {
        return OutboxFileSystem.super.deleteIfExists(fold(file));
    }

    private static Path fold(Path file) {
        return file.resolveSibling(file.getFileName().toString().toLowerCase(Locale.ROOT));
    }
}
