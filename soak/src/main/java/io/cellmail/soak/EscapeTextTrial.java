/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run on the lenient module must try alarm text with {@code +++} in it: one is requested when the module is
 * plugged in, and the run is not killed before the gateway refused it for its text (a typed refusal naming the
 * field) or started its PUT. Refused for another reason (a full disk), another one is requested, up to
 * {@value #TRIES} in all.
 */
final class EscapeTextTrial {

    /** How many alarms a trial requests at most: a full disk refuses them all. */
    private static final int TRIES = 3;

    private final AlarmProducer producer;
    private final AlarmJournal journal;
    private final TranscriptFollower transcripts;
    private final Instant from;
    private final List<String> tried = new ArrayList<>();

    /**
     * @param producer requests the alarms
     * @param journal what send said
     * @param transcripts what the module heard
     * @param from when the run started
     * @throws IOException when the first request cannot be written
     */
    EscapeTextTrial(AlarmProducer producer, AlarmJournal journal, TranscriptFollower transcripts, Instant from)
            throws IOException {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.from = Objects.requireNonNull(from, "from");
        tried.add(producer.requestEscapeText());
    }

    /**
     * @return whether the gateway refused the alarm for its text or started its PUT, or the trial gave up; requests
     *         another alarm when one was refused for another reason, a few times at most
     */
    boolean settled() {
        String id = tried.get(tried.size() - 1);
        try {
            String refusal = journal.read().refused().get(id);
            if (refusal != null) {
                if (refusal.startsWith("INVALID_MESSAGE") || tried.size() >= TRIES) {
                    return true;
                }
                tried.add(producer.requestEscapeText());
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PutLog.of(transcripts.lines()).stream()
                .anyMatch(put -> !put.start().isBefore(from) && put.alarmId().filter(id::equals).isPresent());
    }

    /** @return the alarms tried so far */
    List<String> tried() {
        return List.copyOf(tried);
    }
}
