/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import org.osgi.service.component.annotations.Component;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineFactory;
import io.cellmail.at.AtEngineSettings;

/**
 * The {@link AtEngineFactory} service. Engines belong to whoever created them: each is started and closed by its
 * dialect's mailer, so this component holds no state and nothing has to be stopped when it goes.
 */
@Component(service = AtEngineFactory.class)
public final class AtEngineFactoryComponent implements AtEngineFactory {

    @Override
    public AtEngine create(AtEngineSettings settings) {
        return new AtEngine(settings);
    }
}
