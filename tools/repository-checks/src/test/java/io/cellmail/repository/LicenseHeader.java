/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The license header every source file starts with, as {@code tools/license-headers/header.txt} words it and
 * {@code tools/license-headers/apply} writes it: the same lines in each kind of file's comment syntax, after a
 * shebang or an XML declaration when the file has one.
 */
final class LicenseHeader {

    /** The kinds of source file that carry the header, and how each comments it. */
    // The operators are stateless lambdas.
    @SuppressWarnings("ImmutableEnumChecker")
    enum SourceKind {
        JAVA(line -> " * " + line, "/*", " */"),
        XML(line -> "  " + line, "<!--", "-->"),
        SCRIPT(line -> "# " + line, null, null),
        BND(line -> "# " + line, null, null);

        private final UnaryOperator<String> commented;
        private final String opening;
        private final String closing;

        SourceKind(UnaryOperator<String> commented, String opening, String closing) {
            this.commented = commented;
            this.opening = opening;
            this.closing = closing;
        }

        /**
         * By name: {@code *.java}, {@code *.xml}, {@code *.bnd}; a name without a dot whose first line is a
         * shebang naming a shell ({@code cellmail}, {@code soak/run}) is a script. Anything else carries no header.
         */
        static Optional<SourceKind> of(Path file) {
            String name = file.getFileName().toString();
            if (name.endsWith(".java")) {
                return Optional.of(JAVA);
            }
            if (name.endsWith(".xml")) {
                return Optional.of(XML);
            }
            if (name.endsWith(".bnd")) {
                return Optional.of(BND);
            }
            if (!name.contains(".")) {
                String first = firstLine(file);
                if (first.startsWith("#!") && first.contains("sh")) {
                    return Optional.of(SCRIPT);
                }
            }
            return Optional.empty();
        }
    }

    private final List<String> text;

    /** @param text the header's lines, without comment syntax */
    LicenseHeader(List<String> text) {
        this.text = List.copyOf(text);
    }

    /** The header as {@code tools/license-headers/header.txt} under the root words it. */
    static LicenseHeader of(Path root) {
        try {
            return new LicenseHeader(Files.readAllLines(root.resolve("tools/license-headers/header.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header's lines as a file of this kind carries them. */
    List<String> rendered(SourceKind kind) {
        List<String> lines = new ArrayList<>();
        if (kind.opening != null) {
            lines.add(kind.opening);
        }
        text.stream().map(kind.commented).forEach(lines::add);
        if (kind.closing != null) {
            lines.add(kind.closing);
        }
        return lines;
    }

    /** Whether the file carries the header where its kind puts it; files of no kind need none. */
    boolean isCarriedBy(Path file) {
        Optional<SourceKind> kind = SourceKind.of(file);
        if (kind.isEmpty()) {
            return true;
        }
        List<String> lines = readLines(file);
        int offset = kind.get() == SourceKind.SCRIPT
                || (kind.get() == SourceKind.XML && !lines.isEmpty() && lines.get(0).startsWith("<?xml")) ? 1 : 0;
        List<String> expected = rendered(kind.get());
        return lines.size() >= offset + expected.size()
                && lines.subList(offset, offset + expected.size()).equals(expected);
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (CharacterCodingException binary) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
