/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

/** {@code --help} or {@code -h} was given: the command's usage goes to stdout and the process exits 0. */
public final class HelpRequested extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the signal; it carries nothing else. */
    public HelpRequested() {
        super("help requested", null, false, false);
    }
}
