/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Priority;

class RecordCodecTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456789Z");
    private static final ServiceTime S0 = new ServiceTime(Duration.ofDays(3).toNanos());
    private static final MailMessage FULL = MailMessage.builder().id("3f1c-id")
            .to("ops@example.com", "oncall@example.com").cc("boss@example.com").bcc("audit@example.com")
            .senderAddress("pump3@example.com").senderName("Pumpe 3 – Süd")
            .subject("Druck zu hoch: 7,9 bar").body("Zeile 1\r\nZeile 2 — ünïcödé\n")
            .attach("log.txt", "line".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .attach("empty.bin", new byte[0])
            .charset(MailCharset.UTF_8).priority(Priority.URGENT).build();
    private static final StoredMessage STORED = new StoredMessage(
            new MailHeader(FULL.id(), 42, Priority.URGENT, T0, S0), FULL);

    private final RecordCodec codec = new RecordCodec();

    @Test
    void shouldReadBackTheHeaderAndEveryPartOfAMail() throws Exception {
        Parts parts = parts(codec.encodeFile(STORED));

        assertThat(codec.decodeHeader(parts.header())).isEqualTo(STORED.header());
        assertThat(codec.decodeMessage(STORED.header(), parts.message())).isEqualTo(FULL);
        assertThat(codec.decodeStates(parts.states())).satisfies(states -> {
            assertThat(states.state()).isNull();
            assertThat(states.frames()).isZero();
            assertThat(states.tornTail()).isFalse();
        });
    }

    @Test
    void shouldReadAMailWithoutOptionalParts() throws Exception {
        MailMessage minimal = MailMessage.builder().id("min").to("ops@example.com").build();
        StoredMessage stored = new StoredMessage(new MailHeader("min", 0, minimal.priority(), T0, S0), minimal);
        Parts parts = parts(codec.encodeFile(stored));

        assertThat(codec.decodeMessage(stored.header(), parts.message())).isEqualTo(minimal);
    }

    @Test
    void shouldTakeTheLastOfSeveralAppendedStatesAndTheLatestRecordedTime() {
        DeliveryState first = new DeliveryState(1, S0, Optional.empty(), 0, true, false);
        DeliveryState second = new DeliveryState(1, S0.plus(Duration.ofSeconds(30)),
                Optional.of(MailErrorCode.UPLOAD_MISMATCH), 1, false, false);

        RecordCodec.States states = codec.decodeStates(concat(codec.encodeState(first, S0),
                codec.encodeState(second, S0.plus(Duration.ofSeconds(5)))));

        assertThat(states.state()).isEqualTo(second);
        assertThat(states.frames()).isEqualTo(2);
        assertThat(states.lastRecorded()).isEqualTo(S0.plus(Duration.ofSeconds(5)));
    }

    @Test
    void shouldKeepTheFinishedMarkAndTheFailuresInARow() {
        DeliveryState finished = new DeliveryState(4, S0, Optional.of(MailErrorCode.UPLOAD_MISMATCH), 2, false,
                true);

        assertThat(codec.decodeStates(codec.encodeState(finished, S0)).state()).isEqualTo(finished);
    }

    @Test
    void shouldKeepTheSmsDecisionsInTheFlagsByteWithoutChangingTheFrameLength() {
        DeliveryState plain = new DeliveryState(3, S0, Optional.of(MailErrorCode.NOT_REGISTERED), 3, true, false);
        DeliveryState decided = plain.withSms(true, false);
        DeliveryState both = plain.withSms(true, true);

        assertThat(codec.decodeStates(codec.encodeState(decided, S0)).state()).isEqualTo(decided);
        assertThat(codec.decodeStates(codec.encodeState(both, S0)).state()).isEqualTo(both);
        assertThat(codec.decodeStates(codec.encodeState(plain.withSms(false, true), S0)).state())
                .isEqualTo(plain.withSms(false, true));
        assertThat(codec.encodeState(both, S0)).as("a state frame keeps its fixed length")
                .hasSameSizeAs(codec.encodeState(plain, S0));
    }

    @Test
    void shouldReadAStateFrameWrittenBeforeTheSmsFallbackAsNoSmsDecided() {
        // A state frame as the version without SMS fallback wrote it, field by field: its flags byte held only
        // "in flight" (1) and "finished" (2).
        ByteBuffer frame = ByteBuffer.allocate(RecordCodec.FRAME_OVERHEAD + 29);
        frame.put(RecordCodec.STATE_FRAME).putInt(29)
                .putInt(2).putLong(S0.nanos()).putInt(MailErrorCode.NOT_REGISTERED.code()).putInt(1)
                .put((byte) 1).putLong(S0.nanos());
        CRC32 crc = new CRC32();
        crc.update(frame.array(), 0, frame.position());
        frame.putInt((int) crc.getValue());

        RecordCodec.States states = codec.decodeStates(frame.array());

        assertThat(states.damagedFrames()).isFalse();
        assertThat(states.state()).isEqualTo(new DeliveryState(2, S0, Optional.of(MailErrorCode.NOT_REGISTERED), 1,
                true, false, false, false));
        assertThat(frame.array()).as("what this version writes for the same state")
                .isEqualTo(codec.encodeState(states.state(), S0));
    }

    @ParameterizedTest(name = "cut {0} bytes off")
    @ValueSource(ints = {1, 4, 9, 20})
    void shouldTreatABrokenLastStateAsATornAppendAndKeepThePreviousState(int cut) {
        DeliveryState kept = state(2, false);
        byte[] intact = codec.encodeState(kept, S0);
        byte[] region = concat(intact, codec.encodeState(state(3, true), S0));

        RecordCodec.States states = codec.decodeStates(Arrays.copyOf(region, region.length - cut));

        assertThat(states.state()).isEqualTo(kept);
        assertThat(states.tornTail()).isTrue();
        assertThat(states.validLength()).isEqualTo(intact.length);
    }

    @Test
    void shouldGoOnAfterAHalfWrittenFrameThatLaterAppendsFollowed() {
        // The fault of issue 10: an append failed half-way, the next one landed after the broken bytes.
        byte[] first = codec.encodeState(state(1, true), S0);
        byte[] torn = Arrays.copyOf(codec.encodeState(state(1, false), S0), 17);
        DeliveryState latest = state(2, true);

        RecordCodec.States states = codec.decodeStates(concat(first, torn, codec.encodeState(latest, S0)));

        assertThat(states.state()).isEqualTo(latest);
        assertThat(states.damagedFrames()).isTrue();
        assertThat(states.tornTail()).isFalse();
        assertThat(states.frames()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheLastGoodStateWhenEveryLaterFrameIsDamaged() {
        DeliveryState good = state(1, false);
        byte[] region = concat(codec.encodeState(good, S0), codec.encodeState(state(2, true), S0),
                codec.encodeState(state(3, false), S0));
        int firstLength = codec.encodeState(good, S0).length;
        region[firstLength + 7] ^= 1;
        region[2 * firstLength + 7] ^= 1;

        RecordCodec.States states = codec.decodeStates(region);

        assertThat(states.state()).isEqualTo(good);
        assertThat(states.tornTail()).isTrue();
        assertThat(states.validLength()).isEqualTo(firstLength);
    }

    @Test
    void shouldRejectAHeaderWithAnyByteFlipped() {
        byte[] header = parts(codec.encodeFile(STORED)).header();
        for (int i = 0; i < header.length; i++) {
            byte[] damaged = header.clone();
            damaged[i] ^= 0x10;

            assertThatThrownBy(() -> codec.decodeHeader(damaged)).as("byte %d flipped", i)
                    .isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void shouldRejectAMessageWithAnyByteFlipped() {
        byte[] message = parts(codec.encodeFile(STORED)).message();
        for (int i = 0; i < message.length; i++) {
            byte[] damaged = message.clone();
            damaged[i] ^= 0x10;

            assertThatThrownBy(() -> codec.decodeMessage(STORED.header(), damaged)).as("byte %d flipped", i)
                    .isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void shouldRejectAnUnknownVersionAndAcceptBothKnownOnes() throws Exception {
        byte[] file = codec.encodeFile(STORED);
        assertThat(codec.version(Arrays.copyOf(file, RecordCodec.HEADER_SIZE))).isEqualTo(2);
        file[RecordCodec.MAGIC.length] = 3;

        assertThatThrownBy(() -> codec.version(Arrays.copyOf(file, RecordCodec.HEADER_SIZE)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("version 3");
    }

    @Test
    void shouldReadAFileOfTheFirstFormatWithItsLastState() throws Exception {
        Instant next = T0.plusSeconds(90);
        byte[] legacy = new LegacyOutboxFile(7, T0, FULL)
                .state(1, T0, Optional.empty(), true)
                .state(1, next, Optional.of(MailErrorCode.SMTP_421), false).bytes();

        RecordCodec.LegacyMail mail = codec.decodeLegacy(legacy);

        assertThat(mail).isEqualTo(new RecordCodec.LegacyMail(7, T0, FULL, 1, next,
                Optional.of(MailErrorCode.SMTP_421), false));
    }

    @Test
    void shouldKeepTheMailOfAFirstFormatFileWhoseMiddleStateIsDamaged() throws Exception {
        LegacyOutboxFile file = new LegacyOutboxFile(7, T0, FULL);
        int messageLength = file.bytes().length;
        byte[] legacy = file.state(1, T0, Optional.empty(), true)
                .state(1, T0.plusSeconds(30), Optional.of(MailErrorCode.TIMEOUT), false).bytes();
        legacy[messageLength + 7] ^= 1;

        RecordCodec.LegacyMail mail = codec.decodeLegacy(legacy);

        assertThat(mail.message()).isEqualTo(FULL);
        assertThat(mail.lastError()).contains(MailErrorCode.TIMEOUT);
    }

    private static DeliveryState state(int attempts, boolean inFlight) {
        return new DeliveryState(attempts, S0.plus(Duration.ofSeconds(attempts * 30L)),
                attempts > 1 ? Optional.of(MailErrorCode.TIMEOUT) : Optional.empty(), attempts > 1 ? 1 : 0, inFlight,
                false);
    }

    /** The three parts of a file: header frame, message frame, state frames. */
    // The parts of one encoded file, taken apart for the assertions; never compared as a whole.
    @SuppressWarnings("ArrayRecordComponent")
    private record Parts(byte[] header, byte[] message, byte[] states) {
    }

    private Parts parts(byte[] file) {
        int headerEnd = RecordCodec.HEADER_SIZE + RecordCodec.FRAME_OVERHEAD
                + java.nio.ByteBuffer.wrap(file).getInt(RecordCodec.HEADER_SIZE + 1);
        byte[] header = Arrays.copyOfRange(file, RecordCodec.HEADER_SIZE, headerEnd);
        int messageEnd = headerEnd + codec.messageFrameLength(header);
        return new Parts(header, Arrays.copyOfRange(file, headerEnd, messageEnd),
                Arrays.copyOfRange(file, messageEnd, file.length));
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
