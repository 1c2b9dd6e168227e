/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates AT engines: the AT engine as an OSGi service, so that a dialect bundle gets its engines from the
 * framework instead of building them itself. Outside OSGi, {@code AtEngine::new} is a factory.
 */
@ProviderType
@FunctionalInterface
public interface AtEngineFactory {

    /**
     * @param settings the engine's link opener, timings and init options
     * @return a new engine, not started; the caller starts and closes it
     */
    AtEngine create(AtEngineSettings settings);
}
