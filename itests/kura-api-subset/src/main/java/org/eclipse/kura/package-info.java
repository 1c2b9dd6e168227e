/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Test-only subset of the Eclipse Kura core API package: {@link org.eclipse.kura.KuraException} and
 * {@link org.eclipse.kura.KuraErrorCode}, at the package version of Kura 5.0 so that importers get
 * {@code [1.6,2)} and wire to the real Kura API bundle on a gateway.
 */
@Version("1.6.0")
package org.eclipse.kura;

import org.osgi.annotation.versioning.Version;
