/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write that does not finish (RTS/CTS held low by a module asleep or in reset, a peer that stopped reading) is a
 * lost link, and never freezes the engine: its timers, the URC routing and {@code close()} go on while the write
 * hangs.
 */
class AtEngineStuckWriteTest extends EngineTestSupport {

    private final ControlledLine line = new ControlledLine();

    @AfterEach
    void releaseTheLine() {
        line.close();
    }

    @Test
    void shouldFailTheCommandReopenAndRecoverWhenAWriteDoesNotFinishWithinItsBudget() throws Exception {
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings(line.around(modem.opener())).writeGrace(Duration.ofMillis(200)));

        line.stall(false);
        AtException stuck = failure(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));
        // while the line stays stuck, every reopened link gets stuck at its first write and is given up again
        await().atMost(WAIT).until(() -> modem.opens() >= 3);
        line.release();
        awaitEpoch(2);
        AtResponse next = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(stuck.kind()).isEqualTo(AtException.Kind.LINK_LOST);
        assertThat(stuck.getMessage()).contains("did not finish within");
        assertThat(next.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        assertThat(events).contains("link lost");
        assertThat(engine.counters().reopens()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRouteUrcsAndCloseAtOnceWhileAWriteHangsForGood() throws Exception {
        startEngine(settings(line.around(modem.opener())).writeGrace(Duration.ofSeconds(60)));
        line.stall(true); // like a native write that neither a close nor an interrupt ends

        CompletionStage<AtResponse> csq = engine.send(AtCommand.of("AT+CSQ"));
        await().atMost(WAIT).until(() -> line.writersBlocked() == 1);
        modem.emit("+CREG: 1");
        await().atMost(WAIT).until(() -> urcs.stream().anyMatch(u -> u.line().equals("+CREG: 1")));
        assertThat(csq.toCompletableFuture()).isNotDone();
        assertTimeoutPreemptively(WAIT, engine::close);

        assertThat(failure(csq).kind()).isEqualTo(AtException.Kind.CLOSED);
        // what is left is the writer, stuck in the line and named so that a thread dump shows what it is
        await().atMost(WAIT).until(() -> engineThreads().equals(List.of("cellmail-at-writer-test")));
        line.release();
        await().atMost(WAIT).until(() -> engineThreads().isEmpty());
    }

    @Test
    void shouldLeaveNoThreadBehindWhenClosedWhileAWriteIsStuckOnALinkThatEndsItOnClose() {
        startEngine(settings(line.around(modem.opener())).writeGrace(Duration.ofSeconds(60)));
        line.stall(false);

        CompletionStage<AtResponse> csq = engine.send(AtCommand.of("AT+CSQ"));
        await().atMost(WAIT).until(() -> line.writersBlocked() == 1);
        assertTimeoutPreemptively(WAIT, engine::close);

        assertThat(failure(csq).kind()).isEqualTo(AtException.Kind.CLOSED);
        await().atMost(WAIT).until(() -> engineThreads().isEmpty());
        assertThat(line.writersBlocked()).isZero();
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("cellmail-at-")).sorted().toList();
    }
}
