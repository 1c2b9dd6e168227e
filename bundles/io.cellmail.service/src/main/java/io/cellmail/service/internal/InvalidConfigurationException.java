/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot work, with every problem found in it, each naming its setting. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigurationProblem> problems;

    InvalidConfigurationException(List<ConfigurationProblem> problems) {
        super("Invalid mail service configuration: "
                + problems.stream().map(ConfigurationProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return the settings at fault, in the order of the configuration */
    List<String> settings() {
        return problems.stream().map(ConfigurationProblem::setting).distinct().toList();
    }

    /** @return every problem found */
    List<ConfigurationProblem> problems() {
        return problems;
    }
}
