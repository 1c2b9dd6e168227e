/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.ModemListener;
import io.cellmail.benchmarks.stack.SmtpSink;
import io.cellmail.benchmarks.stack.TappedLink;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.HostSide;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.support.StreamSerialLink;

/**
 * Records a {@link SessionScript} against the emulator: the AT engine sends the script's commands to an emulated
 * M95 that really sends the mail (to an {@link SmtpSink}), and every byte the modem sends is kept, cut into one
 * reply per command. Two URCs arrive inside replies ({@code +CREG: 1} within {@code AT+CSQ}, {@code +CGREG: 1}
 * within {@code AT+QSMTPSUB}), as a network that re-registers would send them. The line is unlimited and the guard
 * times short: the recording is about bytes, not time.
 */
public final class SessionRecorder {

    private static final Duration READY_WAIT = Duration.ofSeconds(20);
    private static final Duration STEP_WAIT = Duration.ofSeconds(60);

    private SessionRecorder() {
    }

    /**
     * @param script the commands to run
     * @return what the modem answered
     * @throws Exception when the emulator, the engine or the SMTP sink fails
     */
    public static SessionRecording record(SessionScript script) throws Exception {
        try (SmtpSink smtp = SmtpSink.start();
                ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder()
                        .smtpRoute(smtp.route()).guardTime(Duration.ofMillis(20)).build())) {
            Recording tap = new Recording();
            AtEngineSettings settings = AtEngineSettings.builder("record", () -> {
                HostSide host = modem.connect();
                return new TappedLink(new StreamSerialLink(URI.create("emulator:record"), PortSettings.DEFAULT,
                        host.input(), host.output(), host::close), tap);
            }).guardTime(Duration.ofMillis(30)).settleTime(Duration.ofMillis(20))
                    .trailingOkLinger(Duration.ofMillis(20)).build();
            try (AtEngine engine = new AtEngine(settings)) {
                awaitReady(engine);
                byte[] startup = tap.receivedSince(0);
                int mark = startup.length;
                long sentBefore = tap.sent.get();
                modem.faults().urcInReply("AT+CSQ", "+CREG: 1");
                modem.faults().urcInReply("AT+QSMTPSUB", "+CGREG: 1");
                List<SessionRecording.Reply> replies = new ArrayList<>();
                for (SessionScript.Step step : script.steps()) {
                    if (step.isUpload()) {
                        engine.upload(step.command(), step.payload(), step.upload()).toCompletableFuture()
                                .get(STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        engine.send(step.command()).toCompletableFuture()
                                .get(STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    byte[] reply = tap.receivedSince(mark);
                    mark += reply.length;
                    replies.add(SessionRecording.Reply.of(step.command().text(), reply, step.isUpload()));
                }
                smtp.next(STEP_WAIT);
                return new SessionRecording(script, startup, replies, tap.sent.get() - sentBefore);
            }
        }
    }

    private static void awaitReady(AtEngine engine) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        engine.addModemListener(new ModemListener() {
            @Override
            public void onReady(long epoch) {
                ready.countDown();
            }
        });
        engine.start();
        if (!ready.await(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the AT engine did not get the emulator ready within " + READY_WAIT);
        }
    }

    /** Keeps every received byte; counts the sent ones. */
    private static final class Recording implements TappedLink.Tap {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final AtomicLong sent = new AtomicLong();

        @Override
        public synchronized void received(byte[] bytes, int offset, int length) {
            received.write(bytes, offset, length);
        }

        @Override
        public void sent(byte[] bytes, int offset, int length) {
            sent.addAndGet(length);
        }

        synchronized byte[] receivedSince(int mark) {
            byte[] all = received.toByteArray();
            return Arrays.copyOfRange(all, mark, all.length);
        }
    }
}
