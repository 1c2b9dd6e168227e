/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Timeouts, cancellation, echo, reboots and lost links: the engine always gets back to a known state. */
class AtEngineRecoveryTest extends EngineTestSupport {

    @Test
    void shouldConsumeAReplyThatArrivesAfterItsTimeoutSoTheNextCommandGetsItsOwn() throws Exception {
        modem.on("AT+SLOW").after(Duration.ofMillis(200)).reply("+SLOW: 1", "OK");
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine();

        CompletionStage<AtResponse> slow = engine.send(AtCommand.of("AT+SLOW").expecting("+SLOW:")
                .timeout(Duration.ofMillis(50)));
        CompletionStage<AtResponse> csq = engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"));

        assertThat(failure(slow).kind()).isEqualTo(AtException.Kind.TIMEOUT);
        AtResponse reply = result(csq);
        assertThat(reply.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        // the CSQ was sent only after the late reply had been consumed
        assertThat(modem.log()).containsSubsequence("<< +SLOW: 1", ">> AT+CSQ");
        assertThat(engine.counters().timeouts()).isEqualTo(1);
        assertThat(engine.counters().resyncs()).isGreaterThanOrEqualTo(1);
        assertThat(engine.epoch()).isEqualTo(1);
    }

    @Test
    void shouldWithdrawAQueuedCommandThatIsCancelled() throws Exception {
        modem.on("AT+A").after(Duration.ofMillis(60)).reply("OK");
        startEngine();

        CompletionStage<AtResponse> a = engine.send(AtCommand.of("AT+A"));
        CompletionStage<AtResponse> b = engine.send(AtCommand.of("AT+B"));
        b.toCompletableFuture().cancel(true);
        result(a);
        result(engine.send(AtCommand.of("AT")));

        assertThat(modem.commands()).doesNotContain("AT+B");
        assertThat(engine.counters().cancellations()).isEqualTo(1);
        assertThat(engine.counters().resyncs()).isZero();
    }

    @Test
    void shouldResyncAfterTheRunningCommandIsCancelled() throws Exception {
        modem.on("AT+A").after(Duration.ofMillis(300)).reply("+A: 1", "OK");
        modem.on("AT+CSQ").reply("+CSQ: 7,0", "OK");
        startEngine();

        CompletionStage<AtResponse> a = engine.send(AtCommand.of("AT+A").expecting("+A:"));
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+A"));
        a.toCompletableFuture().cancel(true);
        AtResponse csq = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(csq.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 7,0");
        assertThat(modem.log()).containsSubsequence("<< +A: 1", ">> AT+CSQ");
        assertThat(engine.counters().cancellations()).isEqualTo(1);
        assertThat(engine.counters().resyncs()).isEqualTo(1);
    }

    @Test
    void shouldTreatAnOrTimeoutOnTheFutureLikeACancellation() throws Exception {
        modem.on("AT+A").after(Duration.ofMillis(100)).reply("OK");
        startEngine();

        CompletionStage<AtResponse> a = engine.send(AtCommand.of("AT+A")).toCompletableFuture()
                .orTimeout(20, TimeUnit.MILLISECONDS);
        AtException failure = failure(a);
        result(engine.send(AtCommand.of("AT")));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.TIMEOUT);
        assertThat(engine.counters().cancellations()).isEqualTo(1);
        assertThat(engine.counters().resyncs()).isEqualTo(1);
    }

    @Test
    void shouldReopenThePortAfterTooManyConsecutiveTimeouts() throws Exception {
        modem.on("AT+DEAF").silently();
        startEngine(settings().maxConsecutiveTimeouts(2));

        failure(engine.send(AtCommand.of("AT+DEAF").timeout(Duration.ofMillis(30))));
        failure(engine.send(AtCommand.of("AT+DEAF").timeout(Duration.ofMillis(30))));
        awaitEpoch(2);

        assertThat(modem.opens()).isEqualTo(2);
        assertThat(engine.counters().reopens()).isEqualTo(1);
        assertThat(engine.counters().timeouts()).isEqualTo(2);
        assertThat(result(engine.send(AtCommand.of("AT"))).isOk()).isTrue();
    }

    @Test
    void shouldFailACommandInterruptedByARebootAndInitialiseAgain() throws Exception {
        modem.on("AT+QSMTPPUT").reply("OK").then(Duration.ofMillis(30), modem::reboot);
        startEngine();

        AtException failure = failure(engine.send(AtCommand.of("AT+QSMTPPUT")
                .deferredResult("+QSMTPPUT:", Duration.ofSeconds(3))));
        awaitEpoch(2);

        assertThat(failure.kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(engine.counters().reboots()).as("RDY, +CFUN: 1 and Call Ready are one boot").isEqualTo(1);
        assertThat(commandsAfterInit()).isEmpty();
        assertThat(modem.commands().stream().filter("ATE0"::equals)).hasSize(2);
        await().atMost(WAIT).until(() -> events.contains("ready 2"));
        assertThat(events).containsSubsequence("ready 1", "rebooted RDY", "ready 2");
        assertThat(urcs).extracting(Urc::line).contains("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
    }

    @Test
    void shouldLeaveReadyBeforeFailingTheInterruptedCommandAndBeReadyWhenItSaysSo() throws Exception {
        modem.on("AT+QSMTPPUT").reply("OK").then(Duration.ofMillis(30), modem::reboot);
        List<String> seen = new CopyOnWriteArrayList<>();
        engine = new AtEngine(settings().build());
        engine.addModemListener(new ModemListener() {
            @Override
            public void onStateChanged(EngineState state) {
                seen.add("state " + state);
            }

            @Override
            public void onReady(long epoch) {
                seen.add("ready " + epoch + " while " + engine.state());
            }
        });
        engine.start();

        // Listeners and futures are told in order on one thread: the order seen is the order of the engine.
        engine.send(AtCommand.of("AT+QSMTPPUT").deferredResult("+QSMTPPUT:", Duration.ofSeconds(3)))
                .whenComplete((response, failure) -> seen.add("command failed"));
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(e -> e.startsWith("ready 2")));

        assertThat(seen).contains("ready 1 while READY", "ready 2 while READY")
                .containsSubsequence("ready 1 while READY", "state SYNCING", "command failed", "ready 2 while READY");
    }

    @Test
    void shouldFailAQueuedCommandPinnedToAnEpochThatEndedWithoutSendingIt() throws Exception {
        modem.on("AT+QSMTPDST=1,1,\"a@b.c\"").reply("OK").then(Duration.ofMillis(30), modem::reboot);
        startEngine();

        long epoch = engine.epoch();
        CompletionStage<AtResponse> dst = engine.send(AtCommand.of("AT+QSMTPDST=1,1,\"a@b.c\"")
                .deferredResult("+QSMTPDST:", Duration.ofSeconds(3)).onlyInEpoch(epoch));
        CompletionStage<AtResponse> put = engine.send(AtCommand.of("AT+QSMTPPUT").onlyInEpoch(epoch));
        CompletionStage<AtResponse> unpinned = engine.send(AtCommand.of("AT"));

        assertThat(failure(dst).kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(failure(put).kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(result(unpinned).isOk()).isTrue();
        assertThat(modem.commands()).doesNotContain("AT+QSMTPPUT");
        assertThat(engine.epoch()).isEqualTo(2);
    }

    @Test
    void shouldDropTheEchoOfAModemThatSilentlyRebootedIntoEchoOnAndInitialiseAgain() throws Exception {
        modem.on("AT+CSQ").reply("+CSQ: 11,0", "OK");
        startEngine();
        modem.echo(true);

        AtException first = failure(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));
        awaitEpoch(2);
        AtResponse second = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:").expectingAnyInfo()));

        assertThat(first.kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(second.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 11,0");
        assertThat(engine.counters().droppedLines()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldDropEchoesDuringInitialisationWithoutTakingThemForAReboot() {
        startEngine();

        assertThat(engine.counters().droppedLines()).as("echo of AT, ATV1 and ATE0").isGreaterThanOrEqualTo(3);
        assertThat(engine.counters().reboots()).isZero();
        assertThat(engine.transcript().entries()).extracting(Transcript.Entry::text).contains("ATE0");
    }

    @Test
    void shouldTakeABootUrcLongAfterTheLastBootForAReboot() throws Exception {
        startEngine(settings().bootUrcWindow(Duration.ofMillis(1)));

        modem.emit("Call Ready");
        awaitEpoch(2);

        assertThat(engine.counters().reboots()).isEqualTo(1);
    }

    @Test
    void shouldInitialiseAgainInANewEpochWhenADriverReportsASilentReset() throws Exception {
        startEngine();

        engine.modemReset("AT+QSMTPSRV? is empty");
        awaitEpoch(2);
        result(engine.send(AtCommand.of("AT")));

        assertThat(engine.counters().reboots()).isEqualTo(1);
        assertThat(events).contains("rebooted reported by the driver: AT+QSMTPSRV? is empty");
        assertThat(modem.commands()).containsSubsequence("ATE0", "ATE0");
    }

    @Test
    void shouldNotTakeTheBootLinesOfASimUnlockedByItsPinForAReboot() throws Exception {
        modem.on("AT+SLOW").after(Duration.ofMillis(400)).reply("OK");
        modem.on("AT+CPIN=\"1234\"").reply("OK", "+CPIN: READY", "Call Ready");
        startEngine();
        result(engine.send(AtCommand.of("AT+SLOW"))); // past the boot window of the module's start

        result(engine.send(AtCommand.of("AT+CPIN=\"1234\"").maskingParameter(0)));
        await().atMost(WAIT).until(() -> urcs.stream().anyMatch(u -> u.line().equals("Call Ready")));
        result(engine.send(AtCommand.of("AT")));

        assertThat(engine.counters().reboots()).isZero();
        assertThat(engine.epoch()).isEqualTo(1);
    }

    @Test
    void shouldTreatAPowerDownLikeALossOfModemState() {
        startEngine();

        modem.emit("UNDER-VOLTAGE POWER DOWN");
        awaitEpoch(2);

        assertThat(events).contains("rebooted UNDER-VOLTAGE POWER DOWN");
    }

    @Test
    void shouldReopenTheLinkThroughTheOpenerWhenItIsLostAndRunQueuedCommandsAfterwards() throws Exception {
        modem.on("AT+DEAF").silently();
        startEngine();

        CompletionStage<AtResponse> inFlight = engine.send(AtCommand.of("AT+DEAF").timeout(Duration.ofSeconds(3)));
        CompletionStage<AtResponse> queued = engine.send(AtCommand.of("AT"));
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+DEAF"));
        modem.dropLink();

        assertThat(failure(inFlight).kind()).isEqualTo(AtException.Kind.LINK_LOST);
        assertThat(result(queued).isOk()).isTrue();
        assertThat(engine.epoch()).isEqualTo(2);
        assertThat(modem.opens()).isEqualTo(2);
        assertThat(engine.counters().reopens()).isEqualTo(1);
        assertThat(events).contains("link lost");
    }

    @Test
    void shouldRetryOpeningWithBackoffUntilThePortAppears() {
        modem.refuseNextOpens(3);

        startEngine();

        assertThat(modem.opens()).isEqualTo(1);
        assertThat(engine.transcript().toString()).contains("open failed");
    }

    @Test
    void shouldEscapeDataModeWhenALateConnectArrivesAfterATimeout() throws Exception {
        // late by far more than the 50 ms deadline plus the link allowance the engine measured while its JVM was
        // still cold (tens of milliseconds on a loaded machine): the deadline must pass before the CONNECT comes
        modem.on("AT+QSMTPBODY=1,10").after(Duration.ofMillis(600)).reply("OK")
                .connect(payload -> List.of("+QSMTPBODY: " + payload.length));
        modem.on("AT+CSQ").reply("+CSQ: 4,0", "OK");
        startEngine();

        AtException failure = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,10").timeout(Duration.ofMillis(50)),
                new byte[] {'x'}, UploadOptions.expectResult("+QSMTPBODY:")));
        AtResponse csq = result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.TIMEOUT);
        assertThat(csq.infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 4,0");
        assertThat(modem.escapesInDataMode()).isGreaterThanOrEqualTo(1);
        // a probe may race the late CONNECT into data mode, but never a caller's command
        assertThat(modem.uploads()).map(b -> new String(b, StandardCharsets.US_ASCII))
                .noneMatch(data -> data.contains("CSQ"));
    }

    @Test
    void shouldFailAllPendingCommandsWithClosedWhenClosed() {
        modem.on("AT+DEAF").silently();
        startEngine();

        CompletionStage<AtResponse> inFlight = engine.send(AtCommand.of("AT+DEAF"));
        CompletionStage<AtResponse> queued = engine.send(AtCommand.of("AT"));
        await().atMost(WAIT).until(() -> modem.commands().contains("AT+DEAF"));
        engine.close();

        assertThat(failure(inFlight).kind()).isEqualTo(AtException.Kind.CLOSED);
        assertThat(failure(queued).kind()).isEqualTo(AtException.Kind.CLOSED);
        assertThat(failure(engine.send(AtCommand.of("AT"))).kind()).isEqualTo(AtException.Kind.CLOSED);
        assertThat(engine.state()).isEqualTo(EngineState.CLOSED);
    }
}
