/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.cellmail.benchmarks.RunOptions;
import io.cellmail.benchmarks.stack.MailRun;
import io.cellmail.benchmarks.stack.SmtpSink;
import io.cellmail.benchmarks.stack.WireTap;

class WireModelTest {

    private final RunOptions options = RunOptions.full(Path.of("unused"))
            .withCommandLatency(Duration.ofMillis(20)).withBaud(115_200);

    @Test
    void shouldLeaveForTheHostWhatLineTimeAndModuleTimeDoNotExplain() {
        // 11 520 bytes each way: 1 s of line each way at 115200 baud; 10 commands, 2 uploads, a 0.5 s module send
        MailRun run = new MailRun("m", 5.0, Collections.nCopies(10, "AT"), new WireTap.Snapshot(11_520, 11_520, 2,
                500_000_000L + 1_000_000L, 12, 150_000_000L), new SmtpSink.Received(1, 100, "", 300_000_000L));

        WireModel model = WireModel.of(run, options);

        assertThat(model.line()).isCloseTo(2.0, within(1e-9));
        assertThat(model.latency()).isCloseTo(0.2, within(1e-9));
        assertThat(model.guards()).isCloseTo(2 * 2 * 1.1, within(1e-9));
        assertThat(model.moduleSend()).isCloseTo(0.501 - 12 / 11_520.0, within(1e-9));
        assertThat(model.overhead()).isCloseTo(5.0 - 2.0 - 0.2 - 4.4 - model.moduleSend(), within(1e-9));
        assertThat(model.overheadShare()).isCloseTo(model.overhead() / 5.0, within(1e-12));
        assertThat(model.smtpServer()).isCloseTo(0.3, within(1e-9));
        assertThat(model.afterUploads()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void shouldCountNoModuleSendWhenThePutResultWasNotSeen() {
        MailRun run = new MailRun("m", 1.0, Collections.nCopies(1, "AT"), new WireTap.Snapshot(0, 0, 0, -1, 0, 0),
                new SmtpSink.Received(1, 100, "", 0));

        assertThat(WireModel.of(run, options).moduleSend()).isZero();
    }
}
