/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Blackhole;

import io.cellmail.at.InfoLine;
import io.cellmail.at.Urc;
import io.cellmail.at.internal.FinalResult;
import io.cellmail.at.internal.LineFramer;
import io.cellmail.at.internal.UrcClassifier;

/**
 * The engine's per-byte path on one thread: the {@link LineFramer} splits a large recorded modem stream into
 * lines; each line goes through the {@link UrcClassifier} (the URC router's decision), then final-result
 * parsing ({@link FinalResult}) and, for an information line, field splitting ({@link InfoLine}) — what the
 * engine does with every line it receives. The stream is the emulator's replies to many mail sessions, fed in
 * chunks the size a UART reader gets. Response matching proper (the engine's exchange state machine) is package
 * private; {@link EngineReplayBenchmark} measures it through the public engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

    /** Bytes of the stream one operation parses: recorded sessions repeated until at least this many. */
    @Param("1048576")
    public int streamBytes;

    /** Bytes per framer call: a UART reader at 115200 baud gets a few dozen bytes per read. */
    @Param("64")
    public int chunkBytes;

    private byte[] stream;
    private LineFramer framer;
    private LineSink sink;
    private KeepingSink framingOnly;
    private ControlFramer control;

    /** Records a mail session from the emulator and repeats its replies into one large stream. */
    @Setup(Level.Trial)
    public void record() throws Exception {
        SessionRecording recording = SessionRecorder.record(SessionScript.mail(25, 20, 10, 256));
        byte[] session = recording.sessionStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream(streamBytes + session.length);
        all.writeBytes(recording.startup());
        while (all.size() < streamBytes) {
            all.writeBytes(session);
        }
        stream = all.toByteArray();
        framer = new LineFramer(4096);
        sink = new LineSink(new UrcClassifier(List.of("+QIURC:")));
        framingOnly = new KeepingSink();
        control = new ControlFramer(4096);
    }

    /**
     * The framer alone, lines handed to a sink that only keeps them: how much of {@link #parse} is framing.
     *
     * @param counters bytes processed
     * @param blackhole keeps the lines alive
     */
    @Benchmark
    public void frame(ByteCounters counters, Blackhole blackhole) {
        framingOnly.blackhole = blackhole;
        for (int offset = 0; offset < stream.length; offset += chunkBytes) {
            framer.feed(stream, offset, Math.min(chunkBytes, stream.length - offset), offset, framingOnly);
        }
        counters.modemBytes += stream.length;
    }

    /**
     * The control: the same framing rules over a plain byte array ({@link ControlFramer}).
     *
     * @param counters bytes processed
     * @param blackhole keeps the lines alive
     */
    @Benchmark
    public void frameControl(ByteCounters counters, Blackhole blackhole) {
        for (int offset = 0; offset < stream.length; offset += chunkBytes) {
            control.feed(stream, offset, Math.min(chunkBytes, stream.length - offset), blackhole::consume);
        }
        counters.modemBytes += stream.length;
    }

    /**
     * @param counters bytes processed
     * @param blackhole keeps the results alive
     */
    @Benchmark
    public void parse(ByteCounters counters, Blackhole blackhole) {
        sink.blackhole = blackhole;
        for (int offset = 0; offset < stream.length; offset += chunkBytes) {
            // arrival stamps only order lines against commands sent; no command is sent here
            framer.feed(stream, offset, Math.min(chunkBytes, stream.length - offset), offset, sink);
        }
        counters.modemBytes += stream.length;
    }

    /** Keeps every line and does nothing else. */
    static final class KeepingSink implements LineFramer.Sink {
        Blackhole blackhole;

        @Override
        public void line(String line) {
            blackhole.consume(line);
        }

        @Override
        public void earlierLine(String line) {
            blackhole.consume(line);
        }

        @Override
        public void prompt() {
            blackhole.consume(true);
        }

        @Override
        public void overflow() {
            blackhole.consume(false);
        }
    }

    /** What the engine does with each line, minus the state machine. */
    static final class LineSink implements LineFramer.Sink {
        private final UrcClassifier urcs;
        Blackhole blackhole;

        LineSink(UrcClassifier urcs) {
            this.urcs = urcs;
        }

        @Override
        public void line(String line) {
            Optional<Urc> urc = urcs.classify(line);
            if (urc.isPresent()) {
                blackhole.consume(urc.get());
                return;
            }
            Optional<FinalResult> result = FinalResult.parse(line);
            if (result.isPresent()) {
                blackhole.consume(result.get());
                return;
            }
            int colon = line.indexOf(':');
            if (line.startsWith("+") && colon > 0) {
                blackhole.consume(new InfoLine(line, line.substring(0, colon + 1)).fields());
            } else {
                blackhole.consume(line);
            }
        }

        @Override
        public void earlierLine(String line) {
            line(line);
        }

        @Override
        public void prompt() {
            blackhole.consume(true);
        }

        @Override
        public void overflow() {
            blackhole.consume(false);
        }
    }
}
