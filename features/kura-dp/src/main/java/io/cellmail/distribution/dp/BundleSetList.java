/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The ordered list a group of the runtime bundle set ships beside its jars ({@code cellmail-runtime-<group>.list}
 * in the group's zip, see {@code features/runtime}): jar names separated by commas, in installation order.
 */
final class BundleSetList {

    private BundleSetList() {
    }

    /**
     * @param list a group's list file, unpacked beside the group's jars
     * @return the group's jars in installation order
     * @throws IOException when the list cannot be read, is empty, or names a jar that is not beside it
     */
    static List<Path> jars(Path list) throws IOException {
        String text = Files.readString(list, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException(list + " names no bundle");
        }
        Path directory = list.toAbsolutePath().getParent();
        List<Path> jars = Arrays.stream(text.split(","))
                .map(entry -> directory.resolve(Path.of(entry.strip()).getFileName()))
                .toList();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException(list + " names " + jar.getFileName() + ", which is not beside it");
            }
        }
        return jars;
    }
}
