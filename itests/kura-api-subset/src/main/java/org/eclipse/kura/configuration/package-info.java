/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Test-only subset of the Kura configuration package: the {@link org.eclipse.kura.configuration.ConfigurableComponent}
 * marker, the parts of {@link org.eclipse.kura.configuration.ConfigurationService} cellmail's console calls, at
 * the package version of Kura 5.0.
 */
@Version("1.2.0")
package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.Version;
