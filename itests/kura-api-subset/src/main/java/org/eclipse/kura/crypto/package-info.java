/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Test-only subset of the Kura crypto package: the two AES methods of
 * {@link org.eclipse.kura.crypto.CryptoService} that configurable components use for Password attributes, at
 * the package version of Kura 5.0.
 */
@Version("1.3.0")
package org.eclipse.kura.crypto;

import org.osgi.annotation.versioning.Version;
