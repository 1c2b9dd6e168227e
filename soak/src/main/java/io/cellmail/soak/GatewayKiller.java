/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses the moment of a SIGKILL and sends it. Timed kills wait on the process itself (so a gateway that ends by
 * itself is noticed at once); kills during a PUT wait for the module to hear {@code AT+QSMTPPUT}; kills after the
 * delivery wait for the SMTP server to receive the mail, and land before the module's result is on the gateway's
 * disk.
 */
final class GatewayKiller {

    /** How long a gateway may take to start its alarm bundle. */
    static final Duration READY_WAIT = Duration.ofSeconds(40);
    /** How long a kill during a PUT waits for one. */
    static final Duration PUT_WAIT = Duration.ofSeconds(20);
    /** How long a kill after the delivery waits for the SMTP server once the PUT started. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(40);

    private final TranscriptFollower transcripts;
    private final SmtpSink smtp;
    private final AlarmJournal journal;
    private final Random random;

    GatewayKiller(TranscriptFollower transcripts, SmtpSink smtp, AlarmJournal journal, Random random) {
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The outcome of one attempt to kill: the kill, or why there was nothing to kill. */
    record Outcome(Optional<Kill> kill, Optional<String> incident) {
    }

    /**
     * @param gateway the running gateway
     * @param kind when to kill it
     * @param number the kill's number if it happens
     * @return the kill, or the incident that made it moot (the gateway ended by itself)
     * @throws InterruptedException when interrupted
     */
    Outcome kill(GatewayProcess gateway, KillKind kind, int number) throws InterruptedException {
        return kill(gateway, kind, number, Optional.empty());
    }

    /**
     * @param gateway the running gateway
     * @param kind when to kill it
     * @param number the kill's number if it happens
     * @param trial the {@code +++} text a run on the lenient module must try before it is killed, bounded by
     *        {@link #PUT_WAIT}
     * @return the kill, or the incident that made it moot (the gateway ended by itself)
     * @throws InterruptedException when interrupted
     */
    Outcome kill(GatewayProcess gateway, KillKind kind, int number, Optional<EscapeTextTrial> trial)
            throws InterruptedException {
        String note = "";
        if (kind == KillKind.DURING_STARTUP && trial.isEmpty()) {
            if (gateway.awaitExit(Duration.ofMillis(200 + random.nextInt(1_300)))) {
                return endedByItself(gateway);
            }
            return killed(gateway, kind, number, note);
        }
        Optional<Instant> ready = awaitReady(gateway);
        if (!gateway.isAlive()) {
            return endedByItself(gateway);
        }
        if (ready.isEmpty()) {
            note = "its alarm bundle did not start within " + READY_WAIT.toSeconds() + " s";
        }
        Instant from = ready.orElse(Instant.now());
        if (trial.isPresent() && !BoundedWait.until(trial.get()::settled, PUT_WAIT)) {
            note = join(note, "the '+++' alarm(s) " + trial.get().tried() + " were neither refused for their text"
                    + " nor sent within " + PUT_WAIT.toSeconds() + " s");
        }
        switch (kind) {
            case TIMED, DURING_STARTUP -> {
                if (gateway.awaitExit(Duration.ofMillis(2_000 + random.nextInt(18_000)))) {
                    return endedByItself(gateway);
                }
            }
            case AT_PUT_START -> {
                Optional<HeardLine> put = transcripts.await(HeardLine::isPutCommand, from, PUT_WAIT);
                if (put.isEmpty()) {
                    note = join(note, "no PUT within " + PUT_WAIT.toSeconds() + " s");
                } else if (gateway.awaitExit(Duration.ofMillis(random.nextInt(150)))) {
                    return endedByItself(gateway);
                }
            }
            case AFTER_DELIVERY -> {
                Optional<HeardLine> put = transcripts.await(HeardLine::isPutCommand, from, PUT_WAIT);
                int received = smtp.count();
                if (put.isEmpty()) {
                    note = join(note, "no PUT within " + PUT_WAIT.toSeconds() + " s");
                } else if (!smtp.awaitMoreThan(received, DELIVERY_WAIT)) {
                    note = join(note, "the PUT of " + put.get().time() + " delivered nothing within "
                            + DELIVERY_WAIT.toSeconds() + " s");
                }
            }
            default -> throw new IllegalArgumentException("unexpected kill kind " + kind);
        }
        return killed(gateway, kind, number, note);
    }

    private Outcome killed(GatewayProcess gateway, KillKind kind, int number, String note)
            throws InterruptedException {
        Instant at = gateway.kill();
        return new Outcome(Optional.of(new Kill(number, kind, at, gateway.startedAt(), note)), Optional.empty());
    }

    private static Outcome endedByItself(GatewayProcess gateway) {
        return new Outcome(Optional.empty(), Optional.of("gateway start " + gateway.number()
                + " ended by itself with exit code " + gateway.exitCode() + " (see " + gateway.log().getFileName()
                + ")"));
    }

    /** @return when the gateway's alarm bundle journalled its start, empty if it did not within the bound */
    private Optional<Instant> awaitReady(GatewayProcess gateway) throws InterruptedException {
        Instant[] ready = new Instant[1];
        BoundedWait.until(() -> {
            if (!gateway.isAlive()) {
                return true;
            }
            try {
                ready[0] = journal.read().sender().stream()
                        .filter(entry -> entry.kind().equals("STARTED") && !entry.time().isBefore(
                                gateway.startedAt().minusMillis(1)))
                        .map(JournalEntry::time).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ready[0] != null;
        }, READY_WAIT);
        return Optional.ofNullable(ready[0]);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }
}
