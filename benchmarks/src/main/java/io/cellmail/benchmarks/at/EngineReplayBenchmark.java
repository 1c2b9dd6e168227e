/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.ModemListener;

/**
 * The whole AT engine — reader thread, framer, URC router, response matching (the exchange state machine),
 * deferred results, data-mode uploads, transcript, futures — replaying a recorded mail session through a
 * {@link ReplayLink} that answers at once. One operation is one mail session: every command is queued at once, as
 * a driver's steps would be if it never waited, and the operation ends when the last one completed. Guard time,
 * settle time and the trailing-OK linger are set to their minimum, and the variation of the link's delay that the
 * engine adds to them is given as zero instead of measured (the replay link has no transit delay; measured in this
 * cold JVM it came to milliseconds), so the figure is the engine's processing and its thread hand-overs, not its
 * deliberate waits (those are part of the end-to-end model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineReplayBenchmark {

    private static final Duration TINY = Duration.ofNanos(1000);

    /** Recipients of the replayed mail. */
    @Param("20")
    public int recipients;

    /** Attachments of the replayed mail. */
    @Param("10")
    public int attachments;

    /** Size of the body and of each attachment. */
    @Param("10240")
    public int payloadBytes;

    private SessionRecording recording;
    private List<SessionScript.Step> steps;
    private long lineBytes;
    private AtEngine engine;

    /**
     * Records the session from the emulator, then starts an engine on a replay of it.
     *
     * @throws Exception when recording fails or the engine does not become ready
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        recording = SessionRecorder.record(SessionScript.mail(25, recipients, attachments, payloadBytes));
        steps = recording.script().steps();
        lineBytes = recording.modemBytes() + recording.hostBytes();
        engine = new AtEngine(AtEngineSettings.builder("replay", () -> new ReplayLink(recording))
                .guardTime(TINY).settleTime(TINY).trailingOkLinger(TINY).linkJitter(Duration.ZERO)
                .probeTimeout(Duration.ofSeconds(1))
                .build());
        CountDownLatch ready = new CountDownLatch(1);
        engine.addModemListener(new ModemListener() {
            @Override
            public void onReady(long epoch) {
                ready.countDown();
            }
        });
        engine.start();
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the engine did not get ready on the replay link");
        }
    }

    /** Stops the engine and its threads. */
    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /**
     * @param counters bytes and commands of the session
     * @return the last command's result, so nothing is optimised away
     */
    @Benchmark
    public Object session(ByteCounters counters) {
        CompletableFuture<?>[] results = new CompletableFuture<?>[steps.size()];
        for (int i = 0; i < results.length; i++) {
            SessionScript.Step step = steps.get(i);
            results[i] = (step.isUpload() ? engine.upload(step.command(), step.payload(), step.upload())
                    : engine.send(step.command())).toCompletableFuture();
        }
        CompletableFuture.allOf(results).join();
        counters.modemBytes += recording.modemBytes();
        counters.lineBytes += lineBytes;
        counters.commands += results.length;
        return results[results.length - 1].join();
    }
}
