/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The AT protocol engine: commands and their typed responses, data-mode uploads, unsolicited result codes and
 * the modem's lifecycle, over one {@link io.cellmail.serial.SerialLink}. Callers see {@link io.cellmail.at.AtChannel};
 * {@link io.cellmail.at.AtEngine} is the implementation they construct.
 */
@NullMarked
@Version("3.0.0")
package io.cellmail.at;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
