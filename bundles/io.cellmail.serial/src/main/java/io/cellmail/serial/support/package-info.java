/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Building blocks for {@link io.cellmail.serial.SerialLinkProvider} implementations. */
@NullMarked
@Version("1.0.0")
package io.cellmail.serial.support;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
