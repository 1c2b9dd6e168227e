/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a document of the repository names exists, and no document points outside the repository. */
class DocumentationPathsTest {

    @TempDir
    Path repository;

    @Test
    void everyDocumentOfThisRepositoryNamesOnlyWhatExistsInIt() {
        RepositoryTree tree = RepositoryTree.ofThisBuild();
        DocumentReferences references = new DocumentReferences(tree.root());
        List<Path> documents = tree.documents();

        List<Finding> findings = documents.stream().flatMap(document -> references.check(document).stream()).toList();

        assertThat(documents).contains(Path.of("README.md"), Path.of("bundles/io.cellmail.quectel/README.md"));
        assertThat(findings).as("paths in the documents that are wrong or lead outside the repository").isEmpty();
    }

    @Test
    void aPathThatDoesNotExistIsReported() throws IOException {
        file("bundles/io.cellmail.at/pom.xml");
        write("README.md", "Build it with `mvn -pl bundles/io.cellmail.at -am`; see `bundles/io.cellmail.quectel`\n"
                + "and `bundles/io.cellmail.at/bnd.bnd`.\n");

        assertThat(check("README.md")).extracting(Finding::toString).containsExactly(
                "README.md:1: `bundles/io.cellmail.quectel` does not exist",
                "README.md:2: `bundles/io.cellmail.at/bnd.bnd` does not exist");
    }

    @Test
    void aPathIsReadFromTheDocumentsOwnDirectoryFirst() throws IOException {
        file("config/felix/config.properties");
        write("config/README.md", "| `felix/config.properties` | `felix/bundles.list` |\n");

        assertThat(check("config/README.md")).extracting(Finding::toString)
                .containsExactly("config/README.md:1: `felix/bundles.list` does not exist");
    }

    @Test
    void aFileOutsideTheRepositoryIsReported() throws IOException {
        write("bundles/q/README.md", "The manual: `outside/spec/manual.txt`, see ../../../outside/STYLE.md and\n"
                + "[the engine](../../../outside/AT-ENGINE.md) or `../../../notes/x.md`; the project's KURA.md.\n");

        assertThat(check("bundles/q/README.md")).extracting(Finding::toString).containsExactlyInAnyOrder(
                "bundles/q/README.md:1: `outside/spec/manual.txt` names a file that is not in the repository",
                "bundles/q/README.md:2: `../../../notes/x.md` points outside the repository",
                "bundles/q/README.md:2: `../../../outside/AT-ENGINE.md` points outside the repository",
                "bundles/q/README.md:1: names the document STYLE.md, which is not in the repository",
                "bundles/q/README.md:2: names the document AT-ENGINE.md, which is not in the repository",
                "bundles/q/README.md:2: names the document KURA.md, which is not in the repository");
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported() throws IOException {
        write("features/README.md", "# features\n\n## The Felix gateway (`gateway`)\n");
        write("README.md", "[options](features/README.md#the-felix-gateway-gateway), [gone](features/README.md#karaf),\n"
                + "[missing](soak/README.md), [web](https://example.com/x.md), [here](#readme)\n\n# README\n");

        assertThat(check("README.md")).extracting(Finding::toString).containsExactly(
                "README.md:1: (features/README.md#karaf): features/README.md has no heading #karaf",
                "README.md:2: `soak/README.md` does not exist");
    }

    @Test
    void buildOutputRuntimePlacesCommandsAndExamplesAreNotRepositoryPaths() throws IOException {
        file("soak/run");
        write("soak/README.md", "`soak/target/soak-run/` `conf/felix/bundles.list` `journal/events.log`\n"
                + "`OSGI-INF/metatype/io.cellmail.mail.xml` `serial:/dev/ttyUSB2` `tcp://host:7000/x.txt`\n"
                + "`/dev/serial/by-id/` `io/cellmail/mail/QUEUED` `-s/--service` `<factoryPid>/<name>.cfg`\n"
                + "`soak/run --short` findings.md\n```\njava -jar soak/target/soak.jar --out RELIABILITY.md\n```\n");

        assertThat(check("soak/README.md")).isEmpty();
    }

    @Test
    void commandsInFencedBlocksAreCheckedToo() throws IOException {
        file("soak/run");
        write("README.md", "Run:\n\n```sh\nsoak/run --short\nsoak/walk --short   # a typo\n```\n");

        assertThat(check("README.md")).extracting(Finding::toString)
                .containsExactly("README.md:5: `soak/walk` does not exist");
    }

    private List<Finding> check(String document) {
        return new DocumentReferences(repository).check(Path.of(document));
    }

    private void file(String path) throws IOException {
        write(path, "");
    }

    private void write(String path, String content) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
