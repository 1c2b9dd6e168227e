/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a bundle list: one bundle a line, {@code <start level> <jar name or glob in the bundle directory>}; blank
 * lines and {@code #} comments are skipped. A glob keeps version numbers out of the list
 * ({@code 1 org.apache.felix.scr-*.jar}); it must match exactly one jar, so that a stale second version is an
 * error rather than a silent choice.
 */
final class BundleListReader {

    private final Path bundleDirectory;

    BundleListReader(Path bundleDirectory) {
        this.bundleDirectory = Objects.requireNonNull(bundleDirectory, "bundleDirectory");
    }

    BundlePlan read(Path list) throws IOException, GatewayException {
        return parse(Files.readAllLines(list), list.getFileName().toString());
    }

    BundlePlan parse(List<String> lines, String source) throws IOException, GatewayException {
        List<BundlePlan.Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new GatewayException(source + ":" + number + ": expected '<start level> <jar>', got '" + line
                        + "'");
            }
            entries.add(new BundlePlan.Entry(startLevel(fields[0], source, number),
                    onlyMatch(fields[1], source, number)));
        }
        if (entries.isEmpty()) {
            throw new GatewayException(source + " lists no bundles");
        }
        return new BundlePlan(entries);
    }

    private static int startLevel(String text, String source, int number) throws GatewayException {
        try {
            int level = Integer.parseInt(text);
            if (level >= 1) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GatewayException(source + ":" + number + ": start level must be a number from 1, not '" + text
                + "'");
    }

    private Path onlyMatch(String glob, String source, int number) throws IOException, GatewayException {
        if (glob.contains("/") || glob.contains("\\")) {
            throw new GatewayException(source + ":" + number + ": a jar name, not a path: " + glob);
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(bundleDirectory, glob)) {
            jars.forEach(matches::add);
        }
        if (matches.size() != 1) {
            throw new GatewayException(source + ":" + number + ": '" + glob + "' matches " + matches.size()
                    + " jars in " + bundleDirectory + (matches.isEmpty() ? "" : " " + matches) + ", expected one");
        }
        return matches.get(0);
    }
}
