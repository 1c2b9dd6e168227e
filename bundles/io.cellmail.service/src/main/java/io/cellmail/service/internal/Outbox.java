/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox: a directory with one file per accepted, undelivered mail, named after the mail's sequence
 * number ({@code 0000000042.mail}, format in {@link RecordCodec}); the message id lives inside the file, so ids that
 * differ only in case never share a file on a case-insensitive file system (vfat SD cards). A new file is written
 * to a temporary name of its own, forced to disk, renamed atomically and the directory forced, so after a crash or
 * power cut a mail is either wholly there or was never accepted. State changes are appended and forced; an append
 * that fails is cut off again (and cut off before the next append if even that failed), so a failed append never
 * leaves a frame that breaks the file. A file whose state frames pile up is rewritten the same way as a new one. A
 * mail with a final outcome is deleted. Files that cannot be decoded are moved to {@code corrupt/}.
 *
 * <p>Reading is split: {@link #readHeader} reads what the queue indexes (a few dozen bytes and the state frames),
 * {@link #readMessage} the content, when the mail is sent. Files of the first format ({@code <id>.msg}) are read
 * whole once ({@link #readLegacy}) and rewritten in the current one ({@link #importLegacy}).
 *
 * <p>Thread-safe for different files; the service never works on one mail from two threads at once.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    static final String SUFFIX = ".mail";
    static final String LEGACY_SUFFIX = ".msg";
    static final String TEMP_SUFFIX = ".tmp";
    static final String CORRUPT_DIRECTORY = "corrupt";
    /** Rewrite a file when it holds this many state frames, so files stay small however often mail fails. */
    static final int COMPACT_AFTER = 32;
    /** How many set-aside files {@link #setAside()} lists: the newest; the log names every one. */
    static final int SET_ASIDE_LISTED = 100;

    private static final Pattern MAIL_FILE = Pattern.compile("(\\d{1,18})" + Pattern.quote(SUFFIX));

    /** Where an indexed file's parts end: appends go at {@code length}, a rewrite keeps {@code prefix}. */
    private record Tail(long prefix, long length, int frames) {
    }

    /** Receives the mail files of a directory listing. */
    interface Visitor {

        /** A file of the current format, named after its sequence number. */
        void mail(String name, long sequence) throws IOException;

        /** A file of the first format, named after its message id. */
        void legacy(String name) throws IOException;
    }

    private final Path directory;
    private final Path corruptDirectory;
    private final OutboxFileSystem files;
    private final RecordCodec codec = new RecordCodec();
    private final Map<String, Tail> tails = new ConcurrentHashMap<>();
    private final List<Path> setAside = new CopyOnWriteArrayList<>();
    // every file set aside since start, mail or SMS: the newest are also listed in setAside
    private final AtomicLong setAsideCount = new AtomicLong();
    /** Files of final mail whose delete failed: never indexed again; deleted at a later rescan or start. */
    private final Set<String> undeleted = ConcurrentHashMap.newKeySet();
    private final AtomicLong syncs = new AtomicLong();
    private volatile boolean directorySyncWorks = true;

    /**
     * @param directory the outbox directory; created when missing
     * @throws IOException when the directory cannot be created
     */
    Outbox(Path directory) throws IOException {
        this(directory, OutboxFileSystem.PLATFORM);
    }

    /**
     * @param directory the outbox directory; created when missing
     * @param files the file operations to use
     * @throws IOException when the directory cannot be created
     */
    Outbox(Path directory, OutboxFileSystem files) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.files = Objects.requireNonNull(files, "files");
        this.corruptDirectory = directory.resolve(CORRUPT_DIRECTORY);
        Files.createDirectories(corruptDirectory);
    }

    /** @return the name of the file of the mail with this sequence number */
    static String fileName(long sequence) {
        return String.format(Locale.ROOT, "%010d%s", sequence, SUFFIX);
    }

    /** @return the sequence number a mail file's name gives, or empty for any other name */
    static OptionalLong sequenceOf(String name) {
        Matcher matcher = MAIL_FILE.matcher(name);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * Deletes temporary files: a send or a rewrite that did not finish. Only at start-up, before anything is
     * written: later a temporary file may be a send in progress.
     *
     * @throws IOException when the directory cannot be listed
     */
    void deleteTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> listing = files.list(directory)) {
            for (Path file : listing) {
                if (file.getFileName().toString().endsWith(TEMP_SUFFIX)) {
                    files.deleteIfExists(file);
                    LOG.debug("Deleted unfinished outbox file {}", file);
                }
            }
        }
    }

    /**
     * Lists the mail files, one at a time: the listing itself is never held.
     *
     * @param visitor what to do with each
     * @throws IOException when the directory cannot be listed, or as the visitor throws
     */
    void visit(Visitor visitor) throws IOException {
        try (DirectoryStream<Path> listing = files.list(directory)) {
            for (Path file : listing) {
                String name = file.getFileName().toString();
                OptionalLong sequence = sequenceOf(name);
                if (sequence.isPresent()) {
                    visitor.mail(name, sequence.getAsLong());
                } else if (name.endsWith(LEGACY_SUFFIX) && Files.isRegularFile(file)) {
                    visitor.legacy(name);
                }
            }
        }
    }

    /** @return true when the outbox directory holds a file of this name */
    boolean exists(String name) {
        return Files.exists(directory.resolve(name));
    }

    /** @return the bytes of a new outbox file for the mail */
    byte[] encode(StoredMessage stored) {
        return codec.encodeFile(stored);
    }

    /**
     * Stores a new mail durably: when this returns, the mail survives a crash and a power cut.
     *
     * @param stored the mail
     * @param content the bytes from {@link #encode}
     * @return the name of its file
     * @throws IOException when the file cannot be written; then nothing is left behind
     */
    String add(StoredMessage stored, byte[] content) throws IOException {
        String name = fileName(stored.sequence());
        create(name, content);
        return name;
    }

    /**
     * Stores a file of the outbox durably, as {@link #add} stores a mail, replacing one of that name, and remembers
     * where appends to it go: the SMS files ({@link SmsOutbox}) are kept with the mail's machinery.
     *
     * @param name the file's name in the outbox directory
     * @param content what it holds
     * @throws IOException when it cannot be written; then the previous content, if any, stays
     */
    void create(String name, byte[] content) throws IOException {
        writeAtomically(name, content);
        tails.put(name, new Tail(content.length, content.length, 0));
    }

    /**
     * Remembers where the intact part of a file read back ends: the next {@link #appendFrame} cuts off what follows.
     *
     * @param name the file's name
     * @param intactLength the length of its intact part
     */
    void appendsAt(String name, long intactLength) {
        tails.put(name, new Tail(intactLength, intactLength, 0));
    }

    /**
     * Appends a frame to a file made by {@link #create} or read back ({@link #appendsAt}) and forces it; an append
     * that fails is cut off again, as for a mail's state.
     *
     * @param name the file's name
     * @param frame the frame's bytes
     * @throws IOException when the frame cannot be written; the file then holds what it held before
     */
    void appendFrame(String name, byte[] frame) throws IOException {
        Tail tail = tails.get(name);
        if (tail == null) {
            throw new IOException("The outbox holds no file " + name);
        }
        append(name, tail, frame);
    }

    /**
     * @param name a small file of the outbox (an SMS file)
     * @return all its bytes
     * @throws IOException when it cannot be read now
     */
    byte[] readWhole(String name) throws IOException {
        try (FileChannel channel = files.open(directory.resolve(name), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException("a file of " + size + " bytes");
            }
            return readAt(channel, 0, (int) size);
        }
    }

    /**
     * Reads what the queue needs of a mail, without its content, and remembers where its appends go. Cuts a torn
     * or failed append off.
     *
     * @param name the file's name
     * @return the header and the last intact state
     * @throws IOException when the file cannot be read now (a read error, too many open files): try again later
     * @throws CorruptRecordException when the header or the message frame is damaged: the mail cannot be read
     */
    OutboxRecord readHeader(String name) throws IOException, CorruptRecordException {
        Path file = directory.resolve(name);
        HeaderPart part;
        RecordCodec.States states;
        try (FileChannel channel = files.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            part = readHeaderPart(channel, size);
            try {
                requireMessageFrame(readAt(channel, part.headerEnd(), RecordCodec.FRAME_HEAD),
                        part.messageFrameLength());
            } catch (CorruptRecordException e) {
                throw e.of(part.header().id());
            }
            states = codec.decodeStates(readAt(channel, part.messageEnd(), (int) (size - part.messageEnd())));
        }
        long validEnd = part.messageEnd() + states.validLength();
        if (states.damagedFrames()) {
            LOG.warn("Outbox file {} holds damaged state records; the last intact one holds", file);
        }
        if (states.tornTail()) {
            LOG.warn("Outbox file {} ends in a torn or failed state record; it is cut off and the state before it "
                    + "holds", file);
            cutBack(file, validEnd);
        }
        tails.put(name, new Tail(part.messageEnd(), validEnd, states.frames()));
        MailHeader header = part.header();
        DeliveryState state = states.state() != null ? states.state()
                : DeliveryState.initial(header.acceptedAtService());
        ServiceTime lastRecorded = states.lastRecorded() == null ? header.acceptedAtService()
                : ServiceTime.later(states.lastRecorded(), header.acceptedAtService());
        return new OutboxRecord(name, header, state, part.messageEnd(), lastRecorded);
    }

    /**
     * Reads a mail's content, to send it.
     *
     * @param name the file's name
     * @return the mail
     * @throws IOException when the file cannot be read now: try again later
     * @throws CorruptRecordException when the header or the message frame is damaged
     */
    StoredMessage readMessage(String name) throws IOException, CorruptRecordException {
        try (FileChannel channel = files.open(directory.resolve(name), StandardOpenOption.READ)) {
            HeaderPart part = readHeaderPart(channel, channel.size());
            byte[] frame = readAt(channel, part.headerEnd(), part.messageFrameLength());
            try {
                return new StoredMessage(part.header(), codec.decodeMessage(part.header(), frame));
            } catch (CorruptRecordException e) {
                throw e.of(part.header().id());
            }
        }
    }

    /**
     * Reads a file of the first format whole.
     *
     * @param name its name, {@code <id>.msg}
     * @return what it holds
     * @throws IOException when it cannot be read now
     * @throws CorruptRecordException when its mail cannot be decoded, or it holds a mail of another id
     */
    RecordCodec.LegacyMail readLegacy(String name) throws IOException, CorruptRecordException {
        byte[] bytes;
        try (FileChannel channel = files.open(directory.resolve(name), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new CorruptRecordException("a file of " + size + " bytes");
            }
            bytes = readAt(channel, 0, (int) size);
        }
        RecordCodec.LegacyMail mail = codec.decodeLegacy(bytes);
        String id = name.substring(0, name.length() - LEGACY_SUFFIX.length());
        // Case-insensitive: on vfat the first format let "Abc" and "abc" share one file; what it holds is intact.
        if (!mail.message().id().equalsIgnoreCase(id)) {
            throw new CorruptRecordException("the file holds message " + mail.message().id());
        }
        return mail;
    }

    /**
     * Rewrites a mail of the first format in the current one, then deletes the old file. A crash between the two
     * leaves both; the next start finds the new file holding the same mail and deletes the old one then.
     *
     * @param legacyName the old file's name
     * @param stored the mail with its times on the outbox's clock
     * @param state its delivery state on the outbox's clock
     * @param at the service time now
     * @throws IOException when the new file cannot be written (nothing changed) or the old one not deleted
     */
    void importLegacy(String legacyName, StoredMessage stored, DeliveryState state, ServiceTime at)
            throws IOException {
        writeAtomically(fileName(stored.sequence()), codec.encodeFile(stored, state, at));
        removeLegacy(legacyName);
    }

    /**
     * Deletes a file of the first format whose mail is in the current format already.
     *
     * @param legacyName the old file's name
     * @throws IOException when it cannot be deleted
     */
    void removeLegacy(String legacyName) throws IOException {
        files.deleteIfExists(directory.resolve(legacyName));
        syncDirectory();
    }

    /**
     * Records a new delivery state durably. An append that fails is cut off again, so the file stays readable.
     *
     * @param name the mail's file, as {@link #add} or {@link #readHeader} gave it
     * @param state its new state
     * @param at the service time now, recorded with the state
     * @throws IOException when the state cannot be written; the file then holds the previous state
     */
    void update(String name, DeliveryState state, ServiceTime at) throws IOException {
        Tail tail = tails.get(name);
        if (tail == null) {
            throw new IOException("The outbox holds no mail file " + name);
        }
        byte[] frame = codec.encodeState(state, at);
        if (tail.frames() >= COMPACT_AFTER) {
            try {
                rewrite(name, tail, frame);
                return;
            } catch (IOException e) {
                // A rewrite needs room for a second copy of the mail; an append needs a few bytes.
                LOG.debug("Cannot rewrite outbox file {}; appending instead", name, e);
            }
        }
        append(name, tail, frame);
    }

    /**
     * Deletes a mail that reached a final outcome, durably, so that it is not sent again after a power cut.
     *
     * @param name the mail's file
     * @throws IOException when the file cannot be deleted
     */
    void remove(String name) throws IOException {
        files.deleteIfExists(directory.resolve(name));
        tails.remove(name);
        syncDirectory();
    }

    /** @param name the file of a mail that reached its final outcome but could not be deleted */
    void keepUndeleted(String name) {
        undeleted.add(name);
    }

    /** @return true when the file belongs to a mail that reached its final outcome: it must not be indexed */
    boolean isUndeleted(String name) {
        return undeleted.contains(name);
    }

    /** Tries again to delete the files of final mail whose delete failed. */
    void retryDeletes() {
        for (Iterator<String> names = undeleted.iterator(); names.hasNext();) {
            String name = names.next();
            try {
                remove(name);
                names.remove();
                LOG.info("Deleted the outbox file {} of a mail that was final already", name);
            } catch (IOException e) {
                LOG.debug("Still cannot delete outbox file {}", name, e);
            }
        }
    }

    /** Forgets where the appends of a file go: it was read but not indexed. */
    void forget(String name) {
        tails.remove(name);
    }

    /**
     * Moves a file that cannot be decoded to {@code corrupt/}, or leaves it where it is when even that fails.
     *
     * @param name the file's name
     * @param reason why, for the log
     * @return where the file is now
     */
    Path setAside(String name, String reason) {
        Path file = directory.resolve(name);
        tails.remove(name);
        Path target = corruptDirectory.resolve(name);
        try {
            for (int n = 1; Files.exists(target); n++) {
                target = corruptDirectory.resolve(name + "." + n);
            }
            move(file, target);
            syncDirectory();
            LOG.warn("Outbox file {} cannot be read back ({}); moved to {}", file, reason, target);
        } catch (IOException e) {
            target = file;
            LOG.error("Outbox file {} cannot be read back ({}) and cannot be moved away; it is skipped", file,
                    reason, e);
        }
        setAsideCount.incrementAndGet();
        setAside.add(target);
        while (setAside.size() > SET_ASIDE_LISTED) {
            setAside.remove(0);
        }
        return target;
    }

    /** @return how many files were set aside since this outbox was opened, mail and SMS */
    long setAsideCount() {
        return setAsideCount.get();
    }

    /** @return the newest files moved to {@code corrupt/} (or left in place when even that failed), oldest first */
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

    /** @return the file operations this outbox uses, for the files beside the mail */
    OutboxFileSystem files() {
        return files;
    }

    /**
     * Writes a small file of the outbox atomically: temporary file, forced, renamed, directory forced.
     *
     * @param name the file's name in the outbox directory
     * @param content what it holds
     * @throws IOException when it cannot be written; then the previous content stays
     */
    void writeAtomically(String name, byte[] content) throws IOException {
        Path temp = directory.resolve(name + TEMP_SUFFIX);
        try {
            try (FileChannel channel = files.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writeFully(channel, ByteBuffer.wrap(content), 0);
                force(channel);
            }
            files.move(temp, directory.resolve(name), ATOMIC_MOVE, REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private record HeaderPart(MailHeader header, long headerEnd, int messageFrameLength) {

        long messageEnd() {
            return headerEnd + messageFrameLength;
        }
    }

    /** Reads the file header and the header frame; checks that the message frame fits in the file. */
    private HeaderPart readHeaderPart(FileChannel channel, long size) throws IOException, CorruptRecordException {
        if (size < RecordCodec.HEADER_SIZE + RecordCodec.FRAME_HEAD) {
            throw new CorruptRecordException("not an outbox file (" + size + " bytes)");
        }
        int version = codec.version(readAt(channel, 0, RecordCodec.HEADER_SIZE));
        if (version != RecordCodec.VERSION) {
            throw new CorruptRecordException("a file of outbox format " + version + " under a name of format "
                    + RecordCodec.VERSION);
        }
        RecordCodec.FrameHead head = codec.frameHead(readAt(channel, RecordCodec.HEADER_SIZE, RecordCodec.FRAME_HEAD));
        if (head.type() != RecordCodec.HEADER_FRAME || head.payloadLength() < 0
                || head.payloadLength() > RecordCodec.MAX_HEADER_PAYLOAD
                || RecordCodec.HEADER_SIZE + head.frameLength() > size) {
            throw new CorruptRecordException("header frame is damaged or torn");
        }
        byte[] frame = readAt(channel, RecordCodec.HEADER_SIZE, (int) head.frameLength());
        MailHeader header = codec.decodeHeader(frame);
        int messageFrameLength = codec.messageFrameLength(frame);
        long headerEnd = RecordCodec.HEADER_SIZE + head.frameLength();
        if (messageFrameLength < RecordCodec.FRAME_OVERHEAD || headerEnd + messageFrameLength > size
                || size - headerEnd - messageFrameLength > Integer.MAX_VALUE) {
            throw new CorruptRecordException("message frame is torn (" + messageFrameLength + " bytes recorded, "
                    + (size - headerEnd) + " in the file)").of(header.id());
        }
        return new HeaderPart(header, headerEnd, messageFrameLength);
    }

    /** The message frame's own head must agree with what the header frame recorded of it. */
    private void requireMessageFrame(byte[] head, int recordedLength) throws CorruptRecordException {
        RecordCodec.FrameHead frame = codec.frameHead(head);
        if (frame.type() != RecordCodec.MESSAGE_FRAME || frame.frameLength() != recordedLength) {
            throw new CorruptRecordException("message frame is damaged (type " + frame.type() + ", "
                    + frame.frameLength() + " bytes, header says " + recordedLength + ")");
        }
    }

    private void append(String name, Tail tail, byte[] frame) throws IOException {
        Path file = directory.resolve(name);
        // No CREATE: a mail deleted meanwhile must not come back as a file holding only a state frame.
        try (FileChannel channel = files.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() != tail.length()) {
                // The last append failed and could not be cut off then: cut it off now, so frames line up.
                channel.truncate(tail.length());
            }
            writeFully(channel, ByteBuffer.wrap(frame), tail.length());
            force(channel);
        } catch (IOException e) {
            cutBack(file, tail.length());
            throw e;
        }
        tails.put(name, new Tail(tail.prefix(), tail.length() + frame.length, tail.frames() + 1));
    }

    private void rewrite(String name, Tail tail, byte[] frame) throws IOException {
        Path file = directory.resolve(name);
        Path temp = directory.resolve(name + TEMP_SUFFIX);
        try {
            try (FileChannel source = files.open(file, StandardOpenOption.READ);
                    FileChannel target = files.open(temp, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                // The header and message frames are copied as they are: the mail is never held in memory here.
                for (long copied = 0; copied < tail.prefix();) {
                    long moved = source.transferTo(copied, tail.prefix() - copied, target);
                    if (moved <= 0) {
                        throw new EOFException("outbox file " + file + " ended after " + copied + " bytes");
                    }
                    copied += moved;
                }
                writeFully(target, ByteBuffer.wrap(frame), tail.prefix());
                force(target);
            }
            files.move(temp, file, ATOMIC_MOVE, REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        tails.put(name, new Tail(tail.prefix(), tail.prefix() + frame.length, 1));
    }

    /** Cuts a file back to a length, forgiving failure: the next append or load cuts it then. */
    private void cutBack(Path file, long length) {
        try (FileChannel channel = files.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                channel.truncate(length);
                force(channel);
            }
        } catch (IOException e) {
            LOG.debug("Cannot cut outbox file {} back to {} bytes now; the next append or start does", file, length,
                    e);
        }
    }

    private void move(Path from, Path to) throws IOException {
        try {
            files.move(from, to, ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            files.move(from, to);
        }
    }

    private void deleteQuietly(Path file) {
        try {
            files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}; the next start does", file, e);
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

    private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ended " + buffer.remaining() + " bytes early");
            }
        }
        return buffer.array();
    }

    private static void writeFully(FileChannel channel, ByteBuffer content, long position) throws IOException {
        long at = position;
        while (content.hasRemaining()) {
            at += channel.write(content, at);
        }
    }
}
