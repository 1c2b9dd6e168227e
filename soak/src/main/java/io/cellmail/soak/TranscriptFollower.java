/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.ModuleTranscript;
import io.cellmail.emulator.TranscriptLine;

/**
 * Keeps every line of the modules' transcripts for the whole run (a transcript itself keeps only its most recent
 * {@value ModuleTranscript#CAPACITY}) and writes them to a file: the evidence behind every PUT, result and reboot the
 * report names. It reads the transcripts at a short interval; {@link #await} lets the soak act on a line (a PUT
 * starting) a few milliseconds after the module heard it.
 */
final class TranscriptFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptFollower.class);
    private static final Duration INTERVAL = Duration.ofMillis(10);

    private final Map<String, ModuleTranscript> transcripts;
    private final Map<String, TranscriptLine> lastSeen = new LinkedHashMap<>();
    private final List<HeardLine> lines = new ArrayList<>();
    private final BufferedWriter file;
    private final Thread thread;
    private int lost;

    private TranscriptFollower(Map<String, ModuleTranscript> transcripts, BufferedWriter file) {
        this.transcripts = Map.copyOf(transcripts);
        this.file = file;
        this.thread = new Thread(this::follow, "cellmail-soak-transcripts");
        thread.setDaemon(true);
    }

    /**
     * @param transcripts the modules' transcripts by module name
     * @param file where every line is written as it is read
     * @return the running follower
     * @throws IOException when the file cannot be opened
     */
    static TranscriptFollower start(Map<String, ModuleTranscript> transcripts, Path file) throws IOException {
        TranscriptFollower follower = new TranscriptFollower(transcripts,
                Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        follower.thread.start();
        return follower;
    }

    /** @return every line read so far, in time order */
    List<HeardLine> lines() {
        synchronized (lines) {
            List<HeardLine> copy = new ArrayList<>(lines);
            copy.sort(Comparator.comparing(HeardLine::time));
            return copy;
        }
    }

    /** @return how many lines a transcript dropped before they were read (0 unless the soak fell far behind) */
    int lostLines() {
        synchronized (lines) {
            return lost;
        }
    }

    /**
     * @param what the line waited for
     * @param after only lines at or after this moment count
     * @param timeout the bound
     * @return the first such line, empty when none came in time
     * @throws InterruptedException when interrupted
     */
    Optional<HeardLine> await(Predicate<HeardLine> what, Instant after, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (int i = lines.size() - 1; i >= 0 && !lines.get(i).time().isBefore(after.minusSeconds(1)); i--) {
                    HeardLine line = lines.get(i);
                    if (!line.time().isBefore(after) && what.test(line)) {
                        return Optional.of(first(what, after));
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private HeardLine first(Predicate<HeardLine> what, Instant after) {
        return lines.stream().filter(line -> !line.time().isBefore(after) && what.test(line))
                .min(Comparator.comparing(HeardLine::time)).orElseThrow();
    }

    private void follow() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                readNewLines();
                Thread.sleep(INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readNewLines();
        }
    }

    private void readNewLines() {
        List<HeardLine> fresh = new ArrayList<>();
        int dropped = 0;
        for (Map.Entry<String, ModuleTranscript> transcript : transcripts.entrySet()) {
            List<TranscriptLine> snapshot = transcript.getValue().lines();
            TranscriptLine last = lastSeen.get(transcript.getKey());
            int from = 0;
            if (last != null) {
                // The same line objects stay in the transcript until they are pushed out: find ours by identity.
                int index = lastIndexOf(snapshot, last);
                if (index < 0) {
                    dropped++;
                }
                from = index + 1;
            }
            for (TranscriptLine line : snapshot.subList(from, snapshot.size())) {
                fresh.add(new HeardLine(transcript.getKey(), line));
            }
            if (!snapshot.isEmpty()) {
                lastSeen.put(transcript.getKey(), snapshot.get(snapshot.size() - 1));
            }
        }
        if (fresh.isEmpty() && dropped == 0) {
            return;
        }
        write(fresh);
        synchronized (lines) {
            lines.addAll(fresh);
            lost += dropped;
            lines.notifyAll();
        }
    }

    // The very line seen last, not an equal one: the same text at the same millisecond may come twice.
    @SuppressWarnings("ReferenceEquality")
    private static int lastIndexOf(List<TranscriptLine> snapshot, TranscriptLine wanted) {
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            if (snapshot.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private void write(List<HeardLine> fresh) {
        try {
            for (HeardLine line : fresh) {
                file.write(line.toString());
                file.newLine();
            }
            file.flush();
        } catch (IOException e) {
            LOG.warn("cannot write the transcript file", e);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.close();
    }
}
