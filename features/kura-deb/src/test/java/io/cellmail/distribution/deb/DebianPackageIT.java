/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the Kura 6 .deb the build wrote: control fields, files, owners, modes, and what is (not) inside. */
class DebianPackageIT {

    private static final String PLUGINS = "./opt/eclipse/kura/plugins/6s/";
    /**
     * What a Kura 6 gateway lacks: the jars of the package's groups of the runtime bundle set (the build passes
     * their lists, {@code cellmail-runtime-<group>.list}: jar names beside the list, comma-separated).
     */
    private static List<String> bundlesKuraLacks;

    private static Path deb;
    private static DebianPackage contents;

    @BeforeAll
    static void readPackage() throws IOException {
        deb = Path.of(System.getProperty("cellmail.deb", "target/cellmail-kura_0.1.0-SNAPSHOT_all.deb"));
        assertThat(deb).as("the build writes the package before the integration tests").isRegularFile();
        contents = DebianPackage.read(deb);
        bundlesKuraLacks = new java.util.ArrayList<>();
        for (String list : System.getProperty("cellmail.deb.groups", "").split(",")) {
            Path listFile = Path.of(list.strip());
            for (String jar : Files.readString(listFile, StandardCharsets.UTF_8).strip().split(",")) {
                Path file = listFile.resolveSibling(Path.of(jar.strip()).getFileName());
                bundlesKuraLacks.add(symbolicName(Files.readAllBytes(file)));
            }
        }
        assertThat(bundlesKuraLacks).as("the bundles of the groups core, kura, console")
                .contains("com.fazecast.jSerialComm", "io.cellmail.service", "io.cellmail.kura", "io.cellmail.console");
    }

    @Test
    void shouldBeADebianBinaryPackage() {
        assertThat(contents.members()).startsWith("debian-binary").anyMatch(m -> m.startsWith("control.tar"))
                .anyMatch(m -> m.startsWith("data.tar"));
    }

    @Test
    void shouldDependOnKuraCoreSixOnly() {
        assertThat(contents.control())
                .containsEntry("Package", "cellmail-kura")
                .containsEntry("Architecture", "all")
                .containsEntry("Depends", "kura-core (>= 6.0.0~), kura-core (<< 7.0.0~)");
        assertThat(contents.control().get("Version")).startsWith("0.1.0");
    }

    @Test
    void shouldInstallExactlyTheBundlesKuraLacksIntoStartLevelSixOwnedByKurad() throws IOException {
        List<DebianPackage.DataEntry> jars = contents.files().stream().filter(file -> !file.directory()).toList();
        assertThat(jars).allSatisfy(jar -> {
            assertThat(jar.path()).startsWith(PLUGINS).endsWith(".jar");
            assertThat(jar.path().substring(PLUGINS.length())).doesNotContain("/");
            assertThat(jar.user()).isEqualTo("kurad");
            assertThat(jar.group()).isEqualTo("kurad");
            assertThat(jar.mode()).isEqualTo(0644);
        });
        List<String> symbolicNames = new java.util.ArrayList<>();
        for (DebianPackage.DataEntry jar : jars) {
            symbolicNames.add(symbolicName(jar.content()));
        }
        assertThat(symbolicNames).containsExactlyInAnyOrderElementsOf(bundlesKuraLacks);
    }

    @Test
    void shouldNeverShipTheKuraApiTheEmulatorOrWhatKuraRuns() throws IOException {
        for (DebianPackage.DataEntry jar : contents.files()) {
            if (jar.directory()) {
                continue;
            }
            String bsn = symbolicName(jar.content());
            assertThat(bsn).doesNotStartWith("org.eclipse.kura").doesNotContain("kura-api-subset")
                    .isNotIn("io.cellmail.emulator", "org.apache.felix.scr", "org.apache.aries.spifly.dynamic.bundle");
        }
    }

    @Test
    void shouldListTheSameFilesWithDpkgDeb() throws Exception {
        assumeTrue(onPath("dpkg-deb"), "dpkg-deb is not installed");
        String listing = run("dpkg-deb", "-c", deb.toString());
        for (DebianPackage.DataEntry jar : contents.files()) {
            if (!jar.directory()) {
                assertThat(listing).containsPattern("-rw-r--r-- kurad/kurad .*" + java.util.regex.Pattern.quote(jar.path()));
            }
        }
        String info = run("dpkg-deb", "-f", deb.toString(), "Depends");
        assertThat(info.strip()).isEqualTo("kura-core (>= 6.0.0~), kura-core (<< 7.0.0~)");
    }

    private static String symbolicName(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            assertThat(manifest).isNotNull();
            return manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";", 2)[0].strip();
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " succeeds").isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
