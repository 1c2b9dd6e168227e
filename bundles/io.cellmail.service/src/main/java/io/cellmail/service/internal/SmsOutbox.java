/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS part of the outbox: one file per SMS job, {@code <outbox>/<sequence>.sms} (e.g. {@code 0000000007.sms},
 * format in {@link SmsRecordCodec}), beside the mail files, whose recovery lists only {@code *.mail}. Written with
 * the mail's machinery ({@link Outbox}): a new file to a temporary name, forced, renamed, directory forced; each
 * state change appended and forced, a failed append cut off again; a file rewritten whole once it holds
 * {@value Outbox#COMPACT_AFTER} appended states. A job whose numbers are all final is deleted. Only the dispatcher
 * changes a file after it was created.
 */
final class SmsOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(SmsOutbox.class);

    static final String SUFFIX = ".sms";
    /** The SMS rate limit's window ({@link ServiceStateFile}'s format), apart from the mail's. */
    static final String RATE_LIMIT_FILE = "sms.state";

    private static final Pattern SMS_FILE = Pattern.compile("(\\d{1,18})" + Pattern.quote(SUFFIX));

    /**
     * The SMS files of the outbox, read back.
     *
     * @param jobs every file that could be decoded
     * @param nextSequence a sequence number no file of the directory has
     */
    record Loaded(List<SmsRecordCodec.Decoded> jobs, long nextSequence) {
    }

    private final Outbox outbox;
    private final SmsRecordCodec codec = new SmsRecordCodec();
    private final Map<String, Integer> appended = new ConcurrentHashMap<>();

    SmsOutbox(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** @return the name of the file of the SMS job with this sequence number */
    static String fileName(long sequence) {
        return String.format(Locale.ROOT, "%010d%s", sequence, SUFFIX);
    }

    /**
     * Stores a new job durably: when this returns, it survives a crash and a power cut.
     *
     * @param stored the job
     * @param states the state of each number
     * @param at the service time now
     * @throws IOException when it cannot be written; then nothing is left behind
     */
    void create(StoredSms stored, List<SmsState> states, ServiceTime at) throws IOException {
        outbox.create(stored.fileName(), codec.encodeFile(stored, states, at));
        appended.put(stored.fileName(), 0);
    }

    /**
     * Records the new state of one number durably.
     *
     * @param stored the job
     * @param states the state of each number, the changed one included
     * @param index the number whose state changed
     * @param at the service time now
     * @throws IOException when it cannot be written; the file then holds the previous state
     */
    void record(StoredSms stored, List<SmsState> states, int index, ServiceTime at) throws IOException {
        String name = stored.fileName();
        int frames = appended.getOrDefault(name, 0);
        if (frames >= Outbox.COMPACT_AFTER) {
            try {
                create(stored, states, at);
                return;
            } catch (IOException e) {
                LOG.debug("Cannot rewrite SMS file {}; appending instead", name, e);
            }
        }
        outbox.appendFrame(name, codec.encodeState(index, states.get(index), at));
        appended.put(name, frames + 1);
    }

    /**
     * Deletes a job whose numbers are all final.
     *
     * @param stored the job
     * @throws IOException when its file cannot be deleted; its final states are recorded, so the next start does
     */
    void remove(StoredSms stored) throws IOException {
        appended.remove(stored.fileName());
        outbox.remove(stored.fileName());
    }

    /**
     * Reads every SMS file back. A file that cannot be decoded is moved to {@code corrupt/}; one that cannot be read
     * now stays where it is, for the next start.
     *
     * @return the jobs, and the next free sequence number
     * @throws IOException when the directory cannot be listed
     */
    Loaded load() throws IOException {
        List<SmsRecordCodec.Decoded> jobs = new ArrayList<>();
        long next = 0;
        try (DirectoryStream<Path> listing = outbox.files().list(outbox.directory())) {
            for (Path file : listing) {
                String name = file.getFileName().toString();
                Matcher matcher = SMS_FILE.matcher(name);
                if (!matcher.matches()) {
                    continue;
                }
                long sequence = Long.parseLong(matcher.group(1));
                next = Math.max(next, sequence + 1);
                read(name, sequence, jobs);
            }
        }
        return new Loaded(jobs, next);
    }

    private void read(String name, long sequence, List<SmsRecordCodec.Decoded> jobs) {
        try {
            byte[] bytes = outbox.readWhole(name);
            SmsRecordCodec.Decoded decoded = codec.decode(bytes, sequence);
            if (decoded.tornTail()) {
                LOG.warn("SMS file {} ends in a torn or damaged state record; it is cut off at the next change and "
                        + "the state before it holds", name);
            }
            outbox.appendsAt(name, decoded.intactLength());
            appended.put(name, 0);
            jobs.add(decoded);
        } catch (IOException e) {
            LOG.warn("Cannot read SMS file {} now ({}); it is read again at the next start", name, e.toString());
        } catch (CorruptRecordException e) {
            LOG.error("SMS file {} cannot be decoded ({}); its SMS are not sent", name, e.getMessage());
            outbox.setAside(name, e.getMessage());
        }
    }
}
