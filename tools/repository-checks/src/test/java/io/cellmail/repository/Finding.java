/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import java.nio.file.Path;

/**
 * One thing wrong in one file of the repository.
 *
 * @param file the file, relative to the repository's root
 * @param line the line it is on, from 1
 * @param problem what is wrong, naming the offending text
 */
record Finding(Path file, int line, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + problem;
    }
}
