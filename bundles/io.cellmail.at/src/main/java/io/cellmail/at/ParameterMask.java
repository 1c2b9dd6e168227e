/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.List;
import java.util.function.UnaryOperator;

/** Masks parameters of a command line for the transcript, logs and exception messages. */
final class ParameterMask implements UnaryOperator<String> {

    static final String MASK = "****";

    /** Index meaning "every parameter after {@code =}". */
    static final int ALL = -1;

    private final int index;

    ParameterMask(int index) {
        this.index = index;
    }

    @Override
    public String apply(String commandText) {
        int equals = commandText.indexOf('=');
        if (equals < 0) {
            return commandText;
        }
        String head = commandText.substring(0, equals + 1);
        String parameters = commandText.substring(equals + 1);
        List<int[]> spans = FieldSplitter.parameterSpans(parameters);
        if (index == ALL || index >= spans.size()) {
            // fail safe: when the secret cannot be located, hide everything that might be it
            return head + MASK;
        }
        int[] span = spans.get(index);
        String value = parameters.substring(span[0], span[1]);
        String masked = value.strip().startsWith("\"") ? "\"" + MASK + "\"" : MASK;
        return head + parameters.substring(0, span[0]) + masked + parameters.substring(span[1]);
    }
}
