/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown document of the repository refers to, and whether it is there. A document's references are
 * its links, the paths in its code (inline spans and fenced blocks, whose commands name scripts and modules) and
 * the project documents ({@code NAME.md}) it names in prose. Rules:
 * <ul>
 * <li>a relative link must point at a file of the repository, and an anchor into a document at one of its
 * headings;</li>
 * <li>a path whose first segment is an entry of the document's directory or of the root is a repository path and
 * must exist, unless a segment is {@code target} (build output);</li>
 * <li>a path naming a file elsewhere must be one of the places outside the source tree that the documents describe
 * on purpose ({@link #PLACES_OUTSIDE_THE_SOURCES}), so that a document cannot cite a file the repository lacks;</li>
 * <li>no link or path climbs out of the repository ({@code ../});</li>
 * <li>a project document named in capitals ({@code RELIABILITY.md}) must be in the repository.</li>
 * </ul>
 */
final class DocumentReferences {

    /**
     * First segments of paths that documents name outside the source tree on purpose: build output, the Felix
     * gateway's distribution ({@code conf/}, {@code bundle/}, {@code lib/}), a soak run's directory, a jar's inside.
     */
    static final Set<String> PLACES_OUTSIDE_THE_SOURCES =
            Set.of("target", "conf", "bundle", "lib", "journal", "OSGI-INF", "META-INF");

    private static final Pattern FENCE = Pattern.compile("^\\s*```");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern PROJECT_DOCUMENT = Pattern.compile("(?<![\\w.-])([A-Z][A-Z0-9_-]*\\.md)(?![\\w/-])");
    private static final Pattern FILE_NAME = Pattern.compile(".*[^./]\\.[A-Za-z][A-Za-z0-9]*");
    /** Not a path: URIs, options, placeholders, globs, elisions, formulas. */
    private static final Pattern NOT_A_PATH = Pattern.compile(".*(://|[<>*…{}=?:@$\"'|·]|\\.\\.\\.).*|^[/~-].*");

    private final Path root;

    DocumentReferences(Path root) {
        this.root = root;
    }

    /** @param document a document, relative to the root */
    List<Finding> check(Path document) {
        String text = read(root.resolve(document));
        String prose = withoutFencedBlocks(text);
        List<Finding> findings = new ArrayList<>();
        Path directory = parentOf(document);
        String[] lines = text.split("\n", -1);
        String[] prosaic = prose.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean inFencedBlock = prosaic[i].isEmpty() && !lines[i].isEmpty() && !FENCE.matcher(lines[i]).find();
            if (inFencedBlock) {
                for (String word : lines[i].trim().split("\\s+")) {
                    checkPath(document, directory, i + 1, trim(word), findings);
                }
            }
        }
        Matcher span = CODE_SPAN.matcher(prose);
        while (span.find()) {
            for (String word : span.group(1).split("\\s+")) {
                checkPath(document, directory, lineOf(prose, span.start()), trim(word), findings);
            }
        }
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            checkLink(document, directory, lineOf(prose, link.start()), link.group(1), findings);
        }
        Matcher name = PROJECT_DOCUMENT.matcher(prose);
        while (name.find()) {
            String file = name.group(1);
            if (!Files.exists(root.resolve(directory).resolve(file)) && !Files.exists(root.resolve(file))) {
                findings.add(new Finding(document, lineOf(prose, name.start()),
                        "names the document " + file + ", which is not in the repository"));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return findings;
    }

    private void checkPath(Path document, Path directory, int line, String word, List<Finding> findings) {
        if (!word.contains("/") || NOT_A_PATH.matcher(word).matches()) {
            return;
        }
        String path = word.startsWith("./") ? word.substring(2) : word;
        if (path.startsWith("../")) {
            checkTarget(document, directory, line, path, word, findings);
            return;
        }
        String[] segments = path.split("/");
        if (Set.of(segments).contains("target")) {
            return;
        }
        String first = segments[0];
        Path base = Files.exists(root.resolve(directory).resolve(first)) ? directory
                : Files.exists(root.resolve(first)) ? Path.of("") : null;
        if (base != null) {
            if (!Files.exists(root.resolve(base).resolve(path))) {
                findings.add(new Finding(document, line, "`" + word + "` does not exist"));
            }
        } else if (!PLACES_OUTSIDE_THE_SOURCES.contains(first) && FILE_NAME.matcher(path).matches()) {
            findings.add(new Finding(document, line, "`" + word + "` names a file that is not in the repository"));
        }
    }

    private void checkLink(Path document, Path directory, int line, String target, List<Finding> findings) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return; // https:, mailto: — not a file of the repository
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? document : checkTarget(document, directory, line, path, target, findings);
        if (hash >= 0 && file != null && file.toString().endsWith(".md") && Files.isRegularFile(root.resolve(file))) {
            String anchor = target.substring(hash + 1);
            if (!anchors(file).contains(anchor)) {
                findings.add(new Finding(document, line, "(" + target + "): " + file + " has no heading #" + anchor));
            }
        }
    }

    /** @return the target relative to the root when it exists inside the repository, else null (reported) */
    private Path checkTarget(Path document, Path directory, int line, String path, String shown,
            List<Finding> findings) {
        Path target = directory.resolve(path).normalize();
        if (target.startsWith("..")) {
            findings.add(new Finding(document, line, "`" + shown + "` points outside the repository"));
            return null;
        }
        if (!Files.exists(root.resolve(target))) {
            findings.add(new Finding(document, line, "`" + shown + "` does not exist"));
            return null;
        }
        return target;
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    private Set<String> anchors(Path document) {
        Set<String> anchors = new HashSet<>();
        for (String line : withoutFencedBlocks(read(root.resolve(document))).split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = slug + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** Fenced blocks become empty lines, so line numbers stay those of the file. */
    private static String withoutFencedBlocks(String text) {
        StringBuilder kept = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            boolean fence = FENCE.matcher(line).find();
            kept.append(fenced || fence ? "" : line).append('\n');
            if (fence) {
                fenced = !fenced;
            }
        }
        return kept.toString();
    }

    private static String trim(String word) {
        return word.replaceAll("^[(\\[]+", "").replaceAll("[,;:.)\\]]+$", "");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Path parentOf(Path document) {
        Path parent = document.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
