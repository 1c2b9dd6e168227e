/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The LTE module's two drives: {@code RAM:} (names written {@code "RAM:<name>"}, lost at every boot) and UFS (names
 * without prefix or written {@code "UFS:<name>"}, kept across boots). Each drive has a capacity; a file takes its
 * size. Names are at most 80 bytes and compared as given (chosen: case-sensitive).
 */
public final class FileSystem {

    /** Longest file name, without its drive prefix ({@code AT+QFUPL}: name at most 80 bytes). */
    public static final int MAX_NAME = 80;
    /** Capacity of the UFS drive (chosen). */
    public static final int UFS_BYTES = 2 * 1024 * 1024;

    /** A drive. */
    public enum Drive {
        RAM("RAM:"), UFS("UFS:");

        private final String prefix;

        Drive(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * A file name as the commands take it.
     *
     * @param drive its drive
     * @param name the name on that drive, without prefix; {@code *} stands for every file
     */
    public record Path(Drive drive, String name) {

        /**
         * @param text {@code "RAM:<name>"}, {@code "UFS:<name>"} or {@code "<name>"} (UFS)
         * @return the path, or empty for an empty or too long name or another drive prefix
         */
        public static Optional<Path> parse(String text) {
            Drive drive = Drive.UFS;
            String name = text;
            String upper = text.toUpperCase(Locale.ROOT);
            for (Drive d : Drive.values()) {
                if (upper.startsWith(d.prefix())) {
                    drive = d;
                    name = text.substring(d.prefix().length());
                }
            }
            if (name.isEmpty() || name.length() > MAX_NAME || name.contains(":") || name.contains("/")) {
                return Optional.empty();
            }
            return Optional.of(new Path(drive, name));
        }

        public boolean wildcard() {
            return name.equals("*");
        }

        /** @return the name as {@code AT+QFLST} prints it: {@code RAM:} prefixed for the RAM drive */
        public String shown() {
            return drive == Drive.RAM ? drive.prefix() + name : name;
        }
    }

    private final int ramBytes;
    private final Map<String, byte[]> ram = new LinkedHashMap<>();
    private final Map<String, byte[]> ufs = new LinkedHashMap<>();

    /** @param ramBytes capacity of the RAM drive */
    public FileSystem(int ramBytes) {
        this.ramBytes = ramBytes;
    }

    /** A boot: the RAM drive is empty again, UFS keeps its files. */
    public void powerOn() {
        ram.clear();
    }

    private Map<String, byte[]> files(Drive drive) {
        return drive == Drive.RAM ? ram : ufs;
    }

    public int capacity(Drive drive) {
        return drive == Drive.RAM ? ramBytes : UFS_BYTES;
    }

    public int free(Drive drive) {
        return capacity(drive) - files(drive).values().stream().mapToInt(b -> b.length).sum();
    }

    public boolean exists(Path path) {
        return files(path.drive()).containsKey(path.name());
    }

    public Optional<byte[]> read(Path path) {
        return Optional.ofNullable(files(path.drive()).get(path.name())).map(byte[]::clone);
    }

    public void write(Path path, byte[] content) {
        files(path.drive()).put(path.name(), content.clone());
    }

    /** @return how many files were deleted: every file of the drive for a wildcard */
    public int delete(Path path) {
        Map<String, byte[]> files = files(path.drive());
        if (path.wildcard()) {
            int count = files.size();
            files.clear();
            return count;
        }
        return files.remove(path.name()) != null ? 1 : 0;
    }

    /** @return the files matching the path (all of the drive for a wildcard) with their sizes, in upload order */
    public List<Map.Entry<Path, Integer>> list(Path path) {
        return files(path.drive()).entrySet().stream()
                .filter(e -> path.wildcard() || e.getKey().equals(path.name()))
                .map(e -> Map.entry(new Path(path.drive(), e.getKey()), e.getValue().length))
                .toList();
    }

    /**
     * The module's checksum of an upload: 16-bit XOR over successive byte pairs, each pair read high byte first;
     * an odd last byte is the high byte of a pair whose low byte is 0.
     */
    public static int checksum(byte[] content) {
        int sum = 0;
        for (int i = 0; i < content.length; i += 2) {
            int high = content[i] & 0xff;
            int low = i + 1 < content.length ? content[i + 1] & 0xff : 0;
            sum ^= (high << 8) | low;
        }
        return sum;
    }
}
