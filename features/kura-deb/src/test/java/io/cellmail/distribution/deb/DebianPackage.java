/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.deb;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A .deb read with commons-compress, without dpkg: the ar members in order, the control fields and the data
 * archive's entries with owner and mode.
 *
 * @param members the ar members, in order
 * @param control the fields of {@code control}
 * @param files every entry of the data archive
 */
record DebianPackage(List<String> members, Map<String, String> control, List<DataEntry> files) {

    /**
     * An entry of the data archive.
     *
     * @param path its path as stored, e.g. {@code ./opt/eclipse/kura/plugins/6s/x.jar}
     * @param user its owner
     * @param group its group
     * @param mode its permission bits
     * @param directory whether it is a directory
     * @param content its bytes (empty for a directory)
     */
    // One entry read from the package for the assertions, which look at the bytes themselves; never compared whole.
    @SuppressWarnings("ArrayRecordComponent")
    record DataEntry(String path, String user, String group, int mode, boolean directory, byte[] content) {
    }

    static DebianPackage read(Path deb) throws IOException {
        List<String> members = new ArrayList<>();
        Map<String, String> control = Map.of();
        List<DataEntry> files = List.of();
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            for (ArArchiveEntry member = ar.getNextEntry(); member != null; member = ar.getNextEntry()) {
                members.add(member.getName());
                byte[] bytes = ar.readAllBytes();
                if (member.getName().startsWith("control.tar")) {
                    control = controlFields(tarEntries(bytes).stream()
                            .filter(entry -> entry.path().equals("./control") || entry.path().equals("control"))
                            .findFirst().orElseThrow(() -> new IOException("no control file")).content());
                } else if (member.getName().startsWith("data.tar")) {
                    files = tarEntries(bytes);
                }
            }
        }
        return new DebianPackage(members, control, files);
    }

    private static List<DataEntry> tarEntries(byte[] gzippedTar) throws IOException {
        List<DataEntry> entries = new ArrayList<>();
        try (InputStream gz = new GzipCompressorInputStream(new ByteArrayInputStream(gzippedTar));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(new DataEntry(entry.getName(), entry.getUserName(), entry.getGroupName(),
                        entry.getMode() & 07777, entry.isDirectory(), tar.readAllBytes()));
            }
        }
        return entries;
    }

    /** RFC 822-style fields; continuation lines (leading space) belong to the field before. */
    private static Map<String, String> controlFields(byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(" ") && last != null) {
                fields.merge(last, "\n" + line.substring(1), String::concat);
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':'));
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }
}
