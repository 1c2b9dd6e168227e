package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Priority;

class RecordCodecTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456789Z");
    private static final MailMessage FULL = MailMessage.builder().id("3f1c-id")
            .to("ops@example.com", "oncall@example.com").cc("boss@example.com").bcc("audit@example.com")
            .senderAddress("pump3@example.com").senderName("Pumpe 3 – Süd")
            .subject("Druck zu hoch: 7,9 bar").body("Zeile 1\r\nZeile 2 — ünïcödé\n")
            .attach("log.txt", "line".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .attach("empty.bin", new byte[0])
            .charset(MailCharset.UTF_8).priority(Priority.URGENT).build();
    private static final StoredMessage STORED = new StoredMessage(42, T0, FULL);

    private final RecordCodec codec = new RecordCodec();

    @Test
    void shouldReadBackEveryPartOfAMail() throws Exception {
        RecordCodec.Decoded decoded = codec.decode(codec.encodeFile(STORED));

        assertThat(decoded.stored()).isEqualTo(STORED);
        assertThat(decoded.state()).isEqualTo(DeliveryState.initial(T0));
        assertThat(decoded.stateFrames()).isZero();
        assertThat(decoded.tornTail()).isFalse();
    }

    @Test
    void shouldReadAMailWithoutOptionalParts() throws Exception {
        MailMessage minimal = MailMessage.builder().id("min").to("ops@example.com").build();
        StoredMessage stored = new StoredMessage(0, T0, minimal);

        assertThat(codec.decode(codec.encodeFile(stored)).stored()).isEqualTo(stored);
    }

    @Test
    void shouldTakeTheLastOfSeveralAppendedStates() throws Exception {
        DeliveryState first = new DeliveryState(1, T0, Optional.empty(), true);
        DeliveryState second = new DeliveryState(1, T0.plusSeconds(30), Optional.of(MailErrorCode.SMTP_421), false);

        RecordCodec.Decoded decoded = codec.decode(concat(codec.encodeFile(STORED), codec.encodeState(first),
                codec.encodeState(second)));

        assertThat(decoded.state()).isEqualTo(second);
        assertThat(decoded.stateFrames()).isEqualTo(2);
    }

    @ParameterizedTest(name = "cut {0} bytes off")
    @ValueSource(ints = {1, 4, 9, 20})
    void shouldTreatABrokenLastStateAsATornAppendAndKeepThePreviousState(int cut) throws Exception {
        DeliveryState kept = new DeliveryState(2, T0.plusSeconds(60), Optional.of(MailErrorCode.TIMEOUT), false);
        byte[] intact = concat(codec.encodeFile(STORED), codec.encodeState(kept));
        byte[] file = concat(intact, codec.encodeState(new DeliveryState(3, T0.plusSeconds(90), Optional.empty(),
                true)));

        RecordCodec.Decoded decoded = codec.decode(Arrays.copyOf(file, file.length - cut));

        assertThat(decoded.state()).isEqualTo(kept);
        assertThat(decoded.tornTail()).isTrue();
        assertThat(decoded.validLength()).isEqualTo(intact.length);
    }

    @Test
    void shouldTreatALastStateWithAFlippedByteAsTorn() throws Exception {
        byte[] file = concat(codec.encodeFile(STORED), codec.encodeState(new DeliveryState(1, T0,
                Optional.empty(), true)));
        file[file.length - 6] ^= 1;

        RecordCodec.Decoded decoded = codec.decode(file);

        assertThat(decoded.tornTail()).isTrue();
        assertThat(decoded.state()).isEqualTo(DeliveryState.initial(T0));
    }

    @Test
    void shouldRejectADamagedStateBeforeTheLast() {
        byte[] message = codec.encodeFile(STORED);
        byte[] file = concat(message, codec.encodeState(new DeliveryState(1, T0, Optional.empty(), true)),
                codec.encodeState(new DeliveryState(1, T0, Optional.of(MailErrorCode.TIMEOUT), false)));
        file[message.length + 7] ^= 1;

        assertThatThrownBy(() -> codec.decode(file)).isInstanceOf(CorruptRecordException.class);
    }

    @ParameterizedTest(name = "file cut to {0} bytes")
    @ValueSource(ints = {0, 3, 5, 12, 60, 120})
    void shouldRejectATornMessage(int length) {
        byte[] file = codec.encodeFile(STORED);

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(file, Math.min(length, file.length - 1))))
                .isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void shouldRejectAMessageWithAnyByteFlipped() {
        byte[] file = codec.encodeFile(STORED);
        for (int i = 0; i < file.length; i++) {
            byte[] damaged = file.clone();
            damaged[i] ^= 0x10;

            assertThatThrownBy(() -> codec.decode(damaged)).as("byte %d flipped", i)
                    .isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void shouldRejectAnUnknownVersion() {
        byte[] file = codec.encodeFile(STORED);
        file[RecordCodec.MAGIC.length] = 2;

        assertThatThrownBy(() -> codec.decode(file)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("version 2");
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
