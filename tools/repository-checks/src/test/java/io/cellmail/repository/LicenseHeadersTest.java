/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source file of the repository carries the license header, and {@code tools/license-headers/apply} puts it
 * exactly where this check looks for it.
 */
class LicenseHeadersTest {

    private static final RepositoryTree THIS_REPOSITORY = RepositoryTree.ofThisBuild();

    @TempDir
    Path repository;

    @Test
    void everySourceFileOfThisRepositoryCarriesTheHeader() {
        LicenseHeader header = LicenseHeader.of(THIS_REPOSITORY.root());

        List<Path> sources = sourceFiles(THIS_REPOSITORY);
        List<Path> lacking = sources.stream().filter(file -> !header.isCarriedBy(THIS_REPOSITORY.root().resolve(file)))
                .toList();

        assertThat(sources).contains(Path.of("pom.xml"), Path.of("cellmail"), Path.of("tools/license-headers/apply"));
        assertThat(lacking).as("source files without the license header; run tools/license-headers/apply").isEmpty();
    }

    @Test
    void filesWithoutTheHeaderAreFoundWhateverTheirKind() throws IOException {
        write("A.java", "package a;\n");
        write("pom.xml", "<?xml version=\"1.0\"?>\n<project/>\n");
        write("bundle.bnd", "cellmail.imports: a,\n");
        write("run", "#!/bin/sh\necho run\n");
        write("notes.txt", "no header needed\n");
        write("target/B.java", "package b;\n");
        write(".idea/workspace.xml", "<x/>\n");

        assertThat(lacking(new RepositoryTree(repository)))
                .containsExactly(Path.of("A.java"), Path.of("bundle.bnd"), Path.of("pom.xml"), Path.of("run"));
    }

    @Test
    void theScriptAddsTheHeaderWhereTheCheckLooksAndOnlyOnce() throws Exception {
        Path script = repository.resolve("tools/license-headers/apply");
        Files.createDirectories(script.getParent());
        Files.copy(THIS_REPOSITORY.root().resolve("tools/license-headers/apply"), script);
        Files.copy(THIS_REPOSITORY.root().resolve("tools/license-headers/header.txt"),
                repository.resolve("tools/license-headers/header.txt"));
        write("bundles/a/src/main/java/a/A.java", "package a;\n\nfinal class A {\n}\n");
        write("bundles/a/src/main/java/a/package-info.java", "/** Docs. */\npackage a;\n");
        write("pom.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project/>\n");
        write("config/kura/plain.xml", "<snapshot/>\n");
        write("bundles/a/bundle.bnd", "# why\ncellmail.imports: a,\n");
        write("cellmail", "#!/usr/bin/env bash\necho cellmail\n");
        write(".ci/run", "#!/bin/sh\nmvn -B verify\n");
        write("config/felix/config.properties", "a=b\n");
        write("bundles/a/target/classes/Generated.java", "package a;\n");

        assertThat(run(script, "--check")).isEqualTo(1);
        assertThat(run(script)).isZero();

        assertThat(lacking(new RepositoryTree(repository))).isEmpty();
        assertThat(read("bundles/a/src/main/java/a/A.java")).isEqualTo(
                "/*\n * Copyright 2026 the cellmail authors\n * SPDX-License-Identifier: Apache-2.0\n */\n\n"
                        + "package a;\n\nfinal class A {\n}\n");
        assertThat(read("pom.xml")).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n"
                + "  Copyright 2026 the cellmail authors\n  SPDX-License-Identifier: Apache-2.0\n-->\n<project/>\n");
        assertThat(read("cellmail")).isEqualTo("#!/usr/bin/env bash\n# Copyright 2026 the cellmail authors\n"
                + "# SPDX-License-Identifier: Apache-2.0\necho cellmail\n");
        assertThat(read("config/felix/config.properties")).isEqualTo("a=b\n");
        assertThat(read("bundles/a/target/classes/Generated.java")).isEqualTo("package a;\n");
        assertThat(Files.isExecutable(repository.resolve("cellmail"))).isTrue();

        String once = read("bundles/a/src/main/java/a/package-info.java");
        assertThat(run(script)).isZero();
        assertThat(run(script, "--check")).isZero();
        assertThat(read("bundles/a/src/main/java/a/package-info.java")).isEqualTo(once);
    }

    private static List<Path> sourceFiles(RepositoryTree tree) {
        return tree.files(file -> LicenseHeader.SourceKind.of(tree.root().resolve(file)).isPresent());
    }

    private static List<Path> lacking(RepositoryTree tree) {
        LicenseHeader header = LicenseHeader.of(THIS_REPOSITORY.root());
        return sourceFiles(tree).stream().filter(file -> !header.isCarriedBy(tree.root().resolve(file))).toList();
    }

    private static int run(Path script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return process.exitValue();
    }

    private void write(String path, String content) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        if (content.startsWith("#!")) {
            file.toFile().setExecutable(true);
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(repository.resolve(path));
    }
}
