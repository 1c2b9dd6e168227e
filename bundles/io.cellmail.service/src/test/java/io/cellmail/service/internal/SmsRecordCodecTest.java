/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.SmsReason;

/** The SMS file: a job and a state per number, the last intact state of each number counting. */
class SmsRecordCodecTest {

    private static final ServiceTime AT = new ServiceTime(Duration.ofMinutes(5).toNanos());
    private static final StoredSms STORED = new StoredSms(7, new SmsJob("mail-7", SmsReason.FALLBACK,
            List.of("+41791234567", "0791234567"), "Mail mail-7: Pump 3 — Druck 7,9 bar"),
            Instant.parse("2026-03-02T08:00:00Z"), AT);

    private final SmsRecordCodec codec = new SmsRecordCodec();

    @Test
    void shouldReadBackTheJobAndTheLastStateOfEachNumber() throws Exception {
        SmsState initial = SmsState.initial(AT);
        SmsState sent = initial.started().sent(List.of(17, 18));
        SmsState retrying = initial.started().retrying(MailErrorCode.SMS_FAILED, AT.plus(Duration.ofSeconds(30)));
        byte[] file = concat(codec.encodeFile(STORED, List.of(initial, initial), AT),
                codec.encodeState(0, initial.started(), AT), codec.encodeState(0, sent, AT),
                codec.encodeState(1, retrying, AT.plus(Duration.ofSeconds(1))));

        SmsRecordCodec.Decoded decoded = codec.decode(file, 7);

        assertThat(decoded.stored()).isEqualTo(STORED);
        assertThat(decoded.states()).containsExactly(sent, retrying);
        assertThat(decoded.intactLength()).isEqualTo(file.length);
        assertThat(decoded.tornTail()).isFalse();
        assertThat(decoded.lastRecorded()).isEqualTo(AT.plus(Duration.ofSeconds(1)));
    }

    @Test
    void shouldKeepTheStateBeforeATornLastFrameAndSayWhereTheIntactPartEnds() throws Exception {
        SmsState inFlight = SmsState.initial(AT).started();
        byte[] intact = concat(codec.encodeFile(STORED, List.of(SmsState.initial(AT), SmsState.initial(AT)), AT),
                codec.encodeState(1, inFlight, AT));
        byte[] torn = concat(intact, Arrays.copyOf(codec.encodeState(1, inFlight.sent(List.of(3)), AT), 11));

        SmsRecordCodec.Decoded decoded = codec.decode(torn, 7);

        assertThat(decoded.states().get(1)).isEqualTo(inFlight);
        assertThat(decoded.states().get(1).inFlight()).isTrue();
        assertThat(decoded.tornTail()).isTrue();
        assertThat(decoded.intactLength()).isEqualTo(intact.length);
    }

    @Test
    void shouldRefuseAFileWhoseJobIsDamaged() {
        byte[] file = codec.encodeFile(STORED, List.of(SmsState.initial(AT), SmsState.initial(AT)), AT);
        file[12] ^= 0x40;

        assertThatThrownBy(() -> codec.decode(file, 7)).isInstanceOf(CorruptRecordException.class);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
