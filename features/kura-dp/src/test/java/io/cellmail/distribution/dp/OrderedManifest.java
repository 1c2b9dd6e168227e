/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manifest read as written, sections in file order ({@link java.util.jar.Manifest} forgets the order, which is
 * what these tests check).
 *
 * @param main the main section
 * @param sections the named sections, in order
 */
record OrderedManifest(Map<String, String> main, List<Map<String, String>> sections) {

    static OrderedManifest parse(byte[] bytes) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if (line.startsWith(" ")) {
                current.merge(lastName, line.substring(1), String::concat);
            } else {
                int colon = line.indexOf(": ");
                lastName = line.substring(0, colon);
                current.put(lastName, line.substring(colon + 2));
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return new OrderedManifest(blocks.get(0), blocks.subList(1, blocks.size()));
    }
}
