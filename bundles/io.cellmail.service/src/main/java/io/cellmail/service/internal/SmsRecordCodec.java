/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.SmsReason;

/**
 * The binary format of an SMS file of the outbox, framed like a mail file ({@link RecordCodec}: type, length,
 * payload, CRC-32):
 *
 * <pre>
 * file  = "CMSM" version(1 byte) job-frame state-frame*
 * job   = id, reason, accepted-at (wall clock), accepted-at (service time), text, count(int32), number*
 * state = number index(int32), attempts(int32), next attempt (service time), last error(int32, 0: none),
 *         flags(1 byte: 1 in flight, 2 sent, 4 failed), count(int32), message reference(int32)*,
 *         recorded at (service time)
 * </pre>
 *
 * The job frame never changes; a state frame is appended for one number at each change, and the last intact one of
 * each number counts. The first frame that is torn or damaged ends the file: what follows is cut off at the next
 * append (an SMS file is a few hundred bytes, written by one thread; a damaged frame in its middle would need a
 * bit flip on the disk, and costs at most that number's later states, so at worst one more send).
 */
final class SmsRecordCodec {

    static final byte[] MAGIC = {'C', 'M', 'S', 'M'};
    static final byte VERSION = 1;
    static final byte JOB_FRAME = 4;
    static final byte STATE_FRAME = 5;
    /** A job frame is small: an id, a text of at most 255 parts (about 40 KB) and a few numbers. */
    static final int MAX_FILE = 1 << 20;

    private static final int IN_FLIGHT = 1;
    private static final int SENT = 2;
    private static final int FAILED = 4;

    /**
     * An SMS file, decoded.
     *
     * @param stored the job
     * @param states the last intact state of each number, in the job's order
     * @param intactLength the length of the intact part of the file: appends go there
     * @param tornTail true when bytes after {@code intactLength} were cut off: a torn or damaged frame
     * @param lastRecorded the latest service time the file recorded
     */
    record Decoded(StoredSms stored, List<SmsState> states, int intactLength, boolean tornTail,
            ServiceTime lastRecorded) {
    }

    /** @return a new file: the job and the initial state of each number */
    byte[] encodeFile(StoredSms stored, List<SmsState> states, ServiceTime at) {
        ByteArrayOutputStream file = new ByteArrayOutputStream(256);
        file.writeBytes(MAGIC);
        file.write(VERSION);
        file.writeBytes(RecordCodec.frame(JOB_FRAME, jobPayload(stored)));
        for (int i = 0; i < states.size(); i++) {
            file.writeBytes(encodeState(i, states.get(i), at));
        }
        return file.toByteArray();
    }

    /** @return a state frame of the number at {@code index} to append */
    byte[] encodeState(int index, SmsState state, ServiceTime at) {
        return RecordCodec.frame(STATE_FRAME, RecordCodec.write(out -> {
            out.writeInt(index);
            out.writeInt(state.attempts());
            out.writeLong(state.nextAttemptAt().nanos());
            out.writeInt(state.lastError().map(MailErrorCode::code).orElse(0));
            out.writeByte((state.inFlight() ? IN_FLIGHT : 0) | (state.outcome() == SmsState.Outcome.SENT ? SENT : 0)
                    | (state.outcome() == SmsState.Outcome.FAILED ? FAILED : 0));
            out.writeInt(state.references().size());
            for (int reference : state.references()) {
                out.writeInt(reference);
            }
            out.writeLong(at.nanos());
        }));
    }

    /**
     * @param file the whole file
     * @param sequence the sequence number its name gives
     * @return what it holds
     * @throws CorruptRecordException when it is no SMS file, or its job frame is damaged
     */
    Decoded decode(byte[] file, long sequence) throws CorruptRecordException {
        if (file.length < MAGIC.length + 1 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || file[MAGIC.length] != VERSION) {
            throw new CorruptRecordException("not an SMS file of version " + VERSION);
        }
        RecordCodec.Frame jobFrame = RecordCodec.frameAt(file, MAGIC.length + 1);
        if (jobFrame == null || !jobFrame.intact() || jobFrame.type() != JOB_FRAME) {
            throw new CorruptRecordException("the job frame is torn or damaged");
        }
        StoredSms stored = decodeJob(RecordCodec.payload(file, jobFrame), sequence);
        List<SmsState> states = new ArrayList<>();
        for (int i = 0; i < stored.job().numbers().size(); i++) {
            states.add(SmsState.initial(stored.acceptedAtService()));
        }
        ServiceTime lastRecorded = stored.acceptedAtService();
        int position = jobFrame.end();
        while (position < file.length) {
            RecordCodec.Frame frame = RecordCodec.frameAt(file, position);
            if (frame == null || !frame.intact() || frame.type() != STATE_FRAME) {
                return new Decoded(stored, states, position, true, lastRecorded);
            }
            ByteBuffer in = RecordCodec.payload(file, frame);
            try {
                int index = in.getInt();
                SmsState state = decodeState(in);
                ServiceTime recorded = new ServiceTime(in.getLong());
                if (index < 0 || index >= states.size() || in.hasRemaining()) {
                    throw new IllegalArgumentException("state of number " + index);
                }
                states.set(index, state);
                lastRecorded = ServiceTime.later(lastRecorded, recorded);
            } catch (RuntimeException e) {
                // An intact frame we cannot make sense of was not written by this code: treat it as damage.
                return new Decoded(stored, states, position, true, lastRecorded);
            }
            position = frame.end();
        }
        return new Decoded(stored, states, position, false, lastRecorded);
    }

    private static byte[] jobPayload(StoredSms stored) {
        SmsJob job = stored.job();
        return RecordCodec.write(out -> {
            RecordCodec.writeString(out, job.id());
            RecordCodec.writeString(out, job.reason().name());
            RecordCodec.writeInstant(out, stored.acceptedAt());
            out.writeLong(stored.acceptedAtService().nanos());
            RecordCodec.writeString(out, job.text());
            out.writeInt(job.numbers().size());
            for (String number : job.numbers()) {
                RecordCodec.writeString(out, number);
            }
        });
    }

    private static StoredSms decodeJob(ByteBuffer in, long sequence) throws CorruptRecordException {
        try {
            String id = RecordCodec.readString(in);
            SmsReason reason = SmsReason.valueOf(RecordCodec.readString(in));
            Instant acceptedAt = RecordCodec.readInstant(in);
            ServiceTime acceptedAtService = new ServiceTime(in.getLong());
            String text = RecordCodec.readString(in);
            int count = in.getInt();
            if (count < 1 || count > in.remaining() / 4) {
                throw new IllegalArgumentException(count + " numbers");
            }
            List<String> numbers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                numbers.add(RecordCodec.readString(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the job");
            }
            return new StoredSms(sequence, new SmsJob(id, reason, numbers, text), acceptedAt, acceptedAtService);
        } catch (RuntimeException e) {
            throw new CorruptRecordException("the job frame cannot be decoded: " + e, e);
        }
    }

    private static SmsState decodeState(ByteBuffer in) {
        int attempts = Math.max(0, in.getInt());
        ServiceTime next = new ServiceTime(in.getLong());
        Optional<MailErrorCode> lastError = RecordCodec.errorCode(in.getInt());
        byte flags = in.get();
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 4) {
            throw new IllegalArgumentException(count + " message references");
        }
        List<Integer> references = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            references.add(in.getInt());
        }
        SmsState.Outcome outcome = (flags & SENT) != 0 ? SmsState.Outcome.SENT
                : (flags & FAILED) != 0 ? SmsState.Outcome.FAILED : SmsState.Outcome.OPEN;
        return new SmsState(attempts, next, lastError, (flags & IN_FLIGHT) != 0, outcome, references);
    }
}
