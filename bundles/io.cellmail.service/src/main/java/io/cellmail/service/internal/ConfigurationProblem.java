/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;

/**
 * One thing wrong with a configuration.
 *
 * @param setting the attribute's id as the operator writes it, e.g. {@code smtpPort}
 * @param problem what it must be, in words for the operator; never quoting a password
 */
record ConfigurationProblem(String setting, String problem) {

    ConfigurationProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return setting + " " + problem;
    }
}
