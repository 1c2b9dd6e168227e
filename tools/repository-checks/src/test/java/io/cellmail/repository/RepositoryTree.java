/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The repository's own files: everything under the root except build output ({@code target/}) and hidden
 * entries ({@code .git}, IDE settings), {@code .ci/} excepted. {@code tools/license-headers/apply} walks the same
 * tree, so the script and the check always see the same files.
 */
final class RepositoryTree {

    private final Path root;

    RepositoryTree(Path root) {
        this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
    }

    /** The repository this build runs in, as the module's POM passes it. */
    static RepositoryTree ofThisBuild() {
        String root = System.getProperty("cellmail.repository.root");
        if (root == null) {
            throw new IllegalStateException("cellmail.repository.root is not set (the module's POM sets it)");
        }
        return new RepositoryTree(Path.of(root));
    }

    Path root() {
        return root;
    }

    /** Every Markdown document, as a path relative to the root. */
    List<Path> documents() {
        return files(path -> path.getFileName().toString().endsWith(".md"));
    }

    /** Every file, as a path relative to the root, sorted. */
    List<Path> files(Predicate<Path> wanted) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(root) || isPartOfTheSources(dir) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path relative = root.relativize(file);
                    if (attributes.isRegularFile() && isPartOfTheSources(file) && wanted.test(relative)) {
                        found.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static boolean isPartOfTheSources(Path entry) {
        String name = entry.getFileName().toString();
        return !name.equals("target") && (!name.startsWith(".") || name.equals(".ci"));
    }
}
