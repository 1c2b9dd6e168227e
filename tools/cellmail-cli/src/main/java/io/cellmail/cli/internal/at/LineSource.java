/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import java.util.Optional;

/** The lines typed at the terminal, one at a time. */
interface LineSource {

    /**
     * Blocks until the next line.
     *
     * @return the next line without its line end, or empty at the end of input or when the command is stopped
     */
    Optional<String> next();
}
