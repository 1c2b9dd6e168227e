/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Byte links to a modem: the {@link io.cellmail.serial.SerialLink} API, port settings and the provider SPI. */
@NullMarked
@Version("1.1.0")
package io.cellmail.serial;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
