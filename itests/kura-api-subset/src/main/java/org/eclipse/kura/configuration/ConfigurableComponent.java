/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a component whose configuration Kura's configuration service manages and shows in the web UI. Kura
 * recognises it with {@code instanceof} against the class its own bundle sees: only the real API bundle's
 * interface counts, which is why this subset is never deployed.
 */
@ConsumerType
public interface ConfigurableComponent {
}
