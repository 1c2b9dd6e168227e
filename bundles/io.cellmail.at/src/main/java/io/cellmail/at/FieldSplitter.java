/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the parameter text of an AT line into fields: commas separate fields only outside double quotes and
 * parentheses (test responses such as {@code (0,1),(1-3),"ADDRESS"}); quotes are stripped; spaces around a
 * field are trimmed, spaces inside quotes are kept.
 */
final class FieldSplitter {

    private FieldSplitter() {
    }

    static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        if (text.isBlank()) {
            return fields;
        }
        boolean inQuotes = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == '(') {
                depth++;
            } else if (!inQuotes && c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (!inQuotes && depth == 0 && c == ',') {
                fields.add(unquote(text.substring(start, i)));
                start = i + 1;
            }
        }
        fields.add(unquote(text.substring(start)));
        return fields;
    }

    private static String unquote(String raw) {
        String field = raw.strip();
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1);
        }
        if (field.startsWith("\"")) {
            // an unterminated quote: keep what follows it
            return field.substring(1);
        }
        return field;
    }

    /**
     * @param parameters the text after {@code =} of a command
     * @return the [start, end) offsets of each comma-separated parameter, commas inside quotes ignored
     */
    static List<int[]> parameterSpans(String parameters) {
        List<int[]> spans = new ArrayList<>();
        boolean inQuotes = false;
        int start = 0;
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, parameters.length()});
        return spans;
    }
}
