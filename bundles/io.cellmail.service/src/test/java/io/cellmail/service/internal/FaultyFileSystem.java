/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.google.errorprone.annotations.MustBeClosed;

/**
 * The platform's file system with faults on command: an operation on chosen files fails with an
 * {@link IOException} (as EIO, ENOSPC or EMFILE do), a given number of times or until {@link #heal()}; a write may
 * first write part of its bytes, as a disk that fills up mid-write does. Everything else goes to the real files.
 */
final class FaultyFileSystem implements OutboxFileSystem {

    /** The operations a fault can hit. */
    enum Operation {
        OPEN, READ, WRITE, FORCE, TRUNCATE, MOVE, DELETE, LIST
    }

    private record Fault(Operation operation, Predicate<Path> files, AtomicInteger remaining, String message,
            boolean partial) {

        boolean hits(Operation op, Path file) {
            return operation == op && files.test(file) && remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();

    /**
     * @param operation what fails
     * @param files on which files
     * @param times how often, -1 for until {@link #heal()}
     * @param message the error, e.g. "No space left on device"
     * @return this
     */
    FaultyFileSystem fail(Operation operation, Predicate<Path> files, int times, String message) {
        faults.add(new Fault(operation, files, new AtomicInteger(times), message, false));
        return this;
    }

    /** Writes to these files write half their bytes, then fail: a disk that filled up in the middle of a write. */
    FaultyFileSystem tearWrites(Predicate<Path> files, int times, String message) {
        faults.add(new Fault(Operation.WRITE, files, new AtomicInteger(times), message, true));
        return this;
    }

    /** No more faults. */
    void heal() {
        faults.clear();
    }

    /** @return how many operations failed */
    int hits() {
        return hits.get();
    }

    /** @return files whose name ends with this */
    static Predicate<Path> named(String suffix) {
        return file -> file.getFileName().toString().endsWith(suffix);
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        check(Operation.OPEN, file);
        return new FaultyChannel(file, FileChannel.open(file, options));
    }

    @Override
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        check(Operation.MOVE, from);
        OutboxFileSystem.super.move(from, to, options);
    }

    @Override
    public boolean deleteIfExists(Path file) throws IOException {
        check(Operation.DELETE, file);
        return OutboxFileSystem.super.deleteIfExists(file);
    }

    @Override
    @MustBeClosed
    public DirectoryStream<Path> list(Path directory) throws IOException {
        check(Operation.LIST, directory);
        return OutboxFileSystem.super.list(directory);
    }

    private void check(Operation operation, Path file) throws IOException {
        Fault fault = find(operation, file);
        if (fault != null) {
            throw new IOException(fault.message() + ": " + file);
        }
    }

    private Fault find(Operation operation, Path file) {
        for (Fault fault : faults) {
            if (fault.hits(operation, file)) {
                hits.incrementAndGet();
                return fault;
            }
        }
        return null;
    }

    /** A real channel whose reads, writes, forces and truncations may fail. */
    private final class FaultyChannel extends FileChannel {

        private final Path file;
        private final FileChannel real;

        FaultyChannel(Path file, FileChannel real) {
            this.file = file;
            this.real = real;
        }

        private int write(ByteBuffer source, long position, boolean positioned) throws IOException {
            Fault fault = find(Operation.WRITE, file);
            if (fault != null) {
                if (fault.partial() && source.remaining() > 1) {
                    ByteBuffer half = source.duplicate();
                    half.limit(half.position() + source.remaining() / 2);
                    int written = positioned ? real.write(half, position) : real.write(half);
                    source.position(source.position() + written);
                }
                throw new IOException(fault.message() + ": " + file);
            }
            return positioned ? real.write(source, position) : real.write(source);
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return write(source, -1, false);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            return write(source, position, true);
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            check(Operation.WRITE, file);
            return real.write(sources, offset, length);
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            check(Operation.READ, file);
            return real.read(target);
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            check(Operation.READ, file);
            return real.read(target, position);
        }

        @Override
        public long read(ByteBuffer[] targets, int offset, int length) throws IOException {
            check(Operation.READ, file);
            return real.read(targets, offset, length);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check(Operation.TRUNCATE, file);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check(Operation.FORCE, file);
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            check(Operation.READ, file);
            // Through a buffer, so that faults of the target channel apply to what is copied.
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 64 * 1024));
            int read = real.read(buffer, position);
            if (read <= 0) {
                return 0;
            }
            buffer.flip();
            int written = 0;
            while (buffer.hasRemaining()) {
                written += target.write(buffer);
            }
            return written;
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
            check(Operation.WRITE, file);
            return real.transferFrom(source, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
