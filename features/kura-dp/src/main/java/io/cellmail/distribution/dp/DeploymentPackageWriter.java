/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Writes an OSGi Deployment Package (OSGi Compendium 114, the {@code .dp} Kura 5 installs): the manifest first,
 * with {@code DeploymentPackage-SymbolicName}, {@code DeploymentPackage-Version} and one {@code Name} section per
 * bundle ({@code Bundle-SymbolicName}, {@code Bundle-Version}), then the bundles in exactly the order of those
 * sections.
 *
 * <p>Written by hand rather than with {@link Manifest#write}, whose sections come out in hash order: Deployment
 * Admin installs in manifest order and expects the resources in the same order. Entry times are fixed so that a
 * build is reproducible.
 */
public final class DeploymentPackageWriter {

    /** Manifest lines are at most 72 bytes; longer values continue on lines that start with a space. */
    private static final int MAX_LINE_BYTES = 72;
    private static final String MANIFEST = JarFile.MANIFEST_NAME;

    private final String symbolicName;
    private final String version;
    private final FileTime entryTime;

    /**
     * @param symbolicName the package's {@code DeploymentPackage-SymbolicName}
     * @param version its {@code DeploymentPackage-Version}, an OSGi version
     * @param entryTime the time stamp of every entry
     */
    public DeploymentPackageWriter(String symbolicName, String version, Instant entryTime) {
        this.symbolicName = requireText(symbolicName, "symbolicName");
        this.version = requireText(version, "version");
        this.entryTime = FileTime.from(Objects.requireNonNull(entryTime, "entryTime"));
    }

    /**
     * @param output the {@code .dp} to write
     * @param bundles the bundle jars, in installation order
     * @return the resources written, in order
     * @throws IOException when a bundle cannot be read, has no {@code Bundle-SymbolicName}, or the output cannot be
     *         written
     */
    public List<Resource> write(Path output, List<Path> bundles) throws IOException {
        List<Resource> resources = new ArrayList<>();
        for (Path bundle : bundles) {
            resources.add(Resource.of(bundle));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(output); JarOutputStream jar = new JarOutputStream(file)) {
            putEntry(jar, MANIFEST, manifest(resources));
            for (Resource resource : resources) {
                putEntry(jar, resource.name(), Files.readAllBytes(resource.file()));
            }
        }
        return resources;
    }

    private void putEntry(JarOutputStream jar, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(entryTime);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private byte[] manifest(List<Resource> resources) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        header(text, "Manifest-Version", "1.0");
        header(text, "DeploymentPackage-SymbolicName", symbolicName);
        header(text, "DeploymentPackage-Version", version);
        for (Resource resource : resources) {
            text.writeBytes(crlf());
            header(text, "Name", resource.name());
            header(text, "Bundle-SymbolicName", resource.symbolicName());
            header(text, "Bundle-Version", resource.version());
        }
        text.writeBytes(crlf());
        return text.toByteArray();
    }

    /** Appends {@code name: value}, folded at 72 bytes without splitting a UTF-8 sequence. */
    static void header(ByteArrayOutputStream text, String name, String value) {
        byte[] bytes = (name + ": " + value).getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int room = MAX_LINE_BYTES;
        while (bytes.length - start > room) {
            int end = start + room;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            text.write(bytes, start, end - start);
            text.writeBytes(crlf());
            text.write(' ');
            start = end;
            room = MAX_LINE_BYTES - 1;
        }
        text.write(bytes, start, bytes.length - start);
        text.writeBytes(crlf());
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return value;
    }

    /**
     * One bundle of the package.
     *
     * @param file the jar
     * @param symbolicName its {@code Bundle-SymbolicName} without directives
     * @param version its {@code Bundle-Version}
     */
    public record Resource(Path file, String symbolicName, String version) {

        /** @return the resource's path in the package: {@code <symbolic name>_<version>.jar} */
        public String name() {
            return symbolicName + "_" + version + ".jar";
        }

        static Resource of(Path jar) throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
                String bsn = main.getValue("Bundle-SymbolicName");
                if (bsn == null) {
                    throw new IOException(jar + " is not a bundle: no Bundle-SymbolicName");
                }
                String version = main.getValue("Bundle-Version");
                return new Resource(jar, bsn.split(";", 2)[0].strip(), version == null ? "0.0.0" : version.strip());
            }
        }
    }
}
