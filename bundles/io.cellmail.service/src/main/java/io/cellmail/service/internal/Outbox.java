package io.cellmail.service.internal;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox: a directory with one file per accepted, undelivered mail ({@code <id>.msg}, format in
 * {@link RecordCodec}). A new file is written to a temporary name, forced to disk, renamed atomically and the
 * directory forced, so after a crash or power cut a mail is either wholly there or was never accepted. State
 * changes are appended and forced; a file whose state frames pile up is rewritten the same way. A mail with a
 * final outcome is deleted. Files that cannot be read back are moved to {@code corrupt/} and reported, never
 * loaded and never fatal.
 *
 * <p>Thread-safe for different ids; the service never works on one id from two threads at once.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    static final String SUFFIX = ".msg";
    static final String TEMP_SUFFIX = ".tmp";
    static final String CORRUPT_DIRECTORY = "corrupt";
    /** Rewrite a file when it holds more state frames than this, so files stay small however often mail fails. */
    static final int COMPACT_AFTER = 32;

    private final Path directory;
    private final Path corruptDirectory;
    private final RecordCodec codec = new RecordCodec();
    private final Map<String, Integer> stateFrames = new ConcurrentHashMap<>();
    private final List<Path> setAside = new CopyOnWriteArrayList<>();
    private final AtomicLong syncs = new AtomicLong();
    private volatile boolean directorySyncWorks = true;

    /**
     * @param directory the outbox directory; created when missing
     * @throws IOException when the directory cannot be created
     */
    Outbox(Path directory) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.corruptDirectory = directory.resolve(CORRUPT_DIRECTORY);
        Files.createDirectories(corruptDirectory);
    }

    /**
     * Reads every mail back. Deletes temporary files (a send that never returned), moves unreadable files to
     * {@code corrupt/}, cuts a torn last state frame off.
     *
     * @return the mails, oldest first
     * @throws IOException when the directory cannot be listed
     */
    List<OutboxRecord> load() throws IOException {
        List<OutboxRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    // Never renamed: the send that wrote it did not return, so the mail was never accepted.
                    Files.deleteIfExists(file);
                    LOG.debug("Deleted unfinished outbox file {}", file);
                } else if (name.endsWith(SUFFIX) && Files.isRegularFile(file)) {
                    load(file, name.substring(0, name.length() - SUFFIX.length())).ifPresent(records::add);
                }
            }
        }
        records.sort(Comparator.comparingLong(r -> r.stored().sequence()));
        return records;
    }

    private Optional<OutboxRecord> load(Path file, String id) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            RecordCodec.Decoded decoded = codec.decode(bytes);
            if (!decoded.stored().id().equals(id)) {
                throw new CorruptRecordException("the file holds message " + decoded.stored().id());
            }
            if (decoded.tornTail()) {
                LOG.warn("Outbox file {} ends in a torn state record ({} bytes cut off); its previous state holds",
                        file, bytes.length - decoded.validLength());
                truncate(file, decoded.validLength());
            }
            stateFrames.put(id, decoded.stateFrames());
            return Optional.of(new OutboxRecord(decoded.stored(), decoded.state(), decoded.messageLength()));
        } catch (CorruptRecordException | IOException e) {
            setAside(file, e.getMessage());
            return Optional.empty();
        }
    }

    /** @return the bytes of a new outbox file for the mail */
    byte[] encode(StoredMessage stored) {
        return codec.encodeFile(stored);
    }

    /**
     * Stores a new mail durably: when this returns, the mail survives a crash and a power cut.
     *
     * @param id the mail's id
     * @param file the bytes from {@link #encode}
     * @throws IOException when the file cannot be written; then nothing is left behind
     */
    void add(String id, byte[] file) throws IOException {
        writeAtomically(id, file);
        stateFrames.put(id, 0);
    }

    /**
     * Records a new delivery state durably.
     *
     * @param stored the mail, needed when the file is rewritten
     * @param state its new state
     * @throws IOException when the state cannot be written
     */
    void update(StoredMessage stored, DeliveryState state) throws IOException {
        int frames = stateFrames.merge(stored.id(), 1, Integer::sum);
        if (frames > COMPACT_AFTER) {
            writeAtomically(stored.id(), codec.encodeFile(stored, state));
            stateFrames.put(stored.id(), 1);
            return;
        }
        // No CREATE: a mail deleted meanwhile must not come back as a file holding only a state frame.
        try (FileChannel channel = FileChannel.open(fileOf(stored.id()), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeFully(channel, codec.encodeState(state));
            force(channel);
        }
    }

    /**
     * Deletes a mail that reached a final outcome, durably, so that it is not sent again after a power cut.
     *
     * @param id the mail's id
     * @throws IOException when the file cannot be deleted
     */
    void remove(String id) throws IOException {
        stateFrames.remove(id);
        Files.deleteIfExists(fileOf(id));
        syncDirectory();
    }

    /** @return the files moved to {@code corrupt/} (or left in place when even that failed), oldest first */
    List<Path> setAside() {
        return List.copyOf(setAside);
    }

    /** @return how many times a file or the directory was forced to disk */
    long syncCount() {
        return syncs.get();
    }

    /** @return the outbox directory */
    Path directory() {
        return directory;
    }

    private Path fileOf(String id) {
        return directory.resolve(id + SUFFIX);
    }

    private void writeAtomically(String id, byte[] content) throws IOException {
        Path temp = directory.resolve(id + SUFFIX + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                force(channel);
            }
            Files.move(temp, fileOf(id), ATOMIC_MOVE, REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            force(channel);
        }
    }

    private void setAside(Path file, String reason) {
        Path target = corruptDirectory.resolve(file.getFileName());
        try {
            for (int n = 1; Files.exists(target); n++) {
                target = corruptDirectory.resolve(file.getFileName() + "." + n);
            }
            move(file, target);
            syncDirectory();
            setAside.add(target);
            LOG.warn("Outbox file {} cannot be read back ({}); moved to {}", file, reason, target);
        } catch (IOException e) {
            setAside.add(file);
            LOG.error("Outbox file {} cannot be read back ({}) and cannot be moved away; it is skipped", file,
                    reason, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void force(FileChannel channel) throws IOException {
        channel.force(true);
        syncs.incrementAndGet();
    }

    /** Makes a create, rename or delete in the directory durable; a no-op where the platform cannot. */
    private void syncDirectory() {
        if (!directorySyncWorks) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            force(channel);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; there a rename is as durable as NTFS makes it.
            directorySyncWorks = false;
            LOG.debug("Cannot force the outbox directory {} to disk; renames rely on the file system", directory, e);
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
