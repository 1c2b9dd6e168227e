/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's outbox directory on a small file system of its own (tmpfs), so that the soak can fill it for a
 * moment: a ballast file takes every free byte, and is deleted again. Mounting needs root (or the capability);
 * where it is not allowed the outbox is a plain directory and the disk-full fault is skipped, with the reason.
 */
final class SmallDisk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmallDisk.class);
    private static final String BALLAST = ".soak-ballast";
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(30);

    private final Path directory;
    private final boolean mounted;
    private final String description;
    private boolean unmounted;

    private SmallDisk(Path directory, boolean mounted, String description) {
        this.directory = directory;
        this.mounted = mounted;
        this.description = description;
    }

    /**
     * @param directory the outbox directory; created when missing
     * @param size the tmpfs size, e.g. {@code 2m}
     * @return the disk: mounted, or a plain directory with the reason
     * @throws IOException when the directory cannot be created
     * @throws InterruptedException when interrupted
     */
    static SmallDisk mount(Path directory, String size) throws IOException, InterruptedException {
        // A size the soak chose; checked anyway, since it goes on a command line.
        if (!size.matches("\\d+[kmg]?")) {
            throw new IllegalArgumentException("a tmpfs size is a number with k, m or g: " + size);
        }
        Files.createDirectories(directory);
        unmountLeftover(directory);
        CommandResult result = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs",
                directory.toString());
        if (result.code() == 0) {
            return new SmallDisk(directory, true, "tmpfs of " + size + " at " + shown(directory));
        }
        String reason = "disk-full fault skipped: cannot mount a tmpfs at " + shown(directory) + " ("
                + result.output()
                + "); the outbox is a plain directory";
        LOG.warn(reason);
        return new SmallDisk(directory, false, reason);
    }

    /** @return the directory as the report shows it: relative to where the soak runs (the repository), if inside */
    private static String shown(Path directory) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = directory.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /** @return whether the disk-full fault can run */
    boolean available() {
        return mounted;
    }

    /** @return what the outbox lives on, or why the fault is skipped */
    String description() {
        return description;
    }

    Path directory() {
        return directory;
    }

    /**
     * Takes every free byte.
     *
     * @return how many bytes the ballast took
     * @throws IOException when the ballast cannot be created
     */
    long fill() throws IOException {
        Path ballast = directory.resolve(BALLAST);
        long written = 0;
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (true) {
                block.clear();
                written += channel.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: the disk is full, which is the point.
            return written;
        }
    }

    /**
     * Gives the space back.
     *
     * @throws IOException when the ballast cannot be deleted
     */
    void free() throws IOException {
        Files.deleteIfExists(directory.resolve(BALLAST));
    }

    /** Unmounts; idempotent, since a shutdown hook may get here as well. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (!mounted || unmounted) {
            return;
        }
        unmounted = true;
        free();
        CommandResult result = run("umount", directory.toString());
        if (result.code() != 0) {
            throw new IOException("cannot unmount the soak's tmpfs at " + directory + ": " + result.output());
        }
    }

    /**
     * A soak that was itself killed leaves its tmpfs mounted; the next run takes the directory back first.
     *
     * @param directory the outbox directory of a run
     * @throws IOException when the mount table cannot be read
     * @throws InterruptedException when interrupted
     */
    static void unmountLeftover(Path directory) throws IOException, InterruptedException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Path real = directory.toRealPath();
        List<String> mounts = Files.exists(Path.of("/proc/mounts"))
                ? Files.readAllLines(Path.of("/proc/mounts"), StandardCharsets.UTF_8) : List.of();
        for (String mount : mounts) {
            String[] fields = mount.split(" ");
            if (fields.length > 2 && fields[1].equals(real.toString()) && fields[2].equals("tmpfs")) {
                run("umount", real.toString());
            }
        }
    }

    private record CommandResult(int code, String output) {
    }

    private static CommandResult run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new CommandResult(-1, e.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new CommandResult(-1, String.join(" ", command) + " did not end");
        }
        return new CommandResult(process.exitValue(), output);
    }
}
