/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.emulator.HostSide;
import io.cellmail.emulator.TranscriptLine;

/** Late replies, reboots and lost connections: after each the engine is back in a known state. */
class RecoveryScenarioTest extends ScenarioSupport {

    private static final AtCommand BODY = AtCommand.of("AT+QSMTPBODY=1,100");
    private static final UploadOptions BODY_RESULT = UploadOptions.expectResult("+QSMTPBODY:")
            .withResultTimeout(Duration.ofSeconds(2));

    @Test
    void shouldConsumeAReplyThatArrivesAfterItsTimeoutSoTheNextCommandGetsItsOwn() throws Exception {
        startModem();
        startEngine();
        Duration timeout = Duration.ofMillis(300);
        modem.faults().delayOn("AT+CSQ", timeout.plusMillis(400));

        CompletionStage<AtResponse> csq = engine.send(CSQ.timeout(timeout));
        CompletionStage<AtResponse> identity = engine.send(ATI);

        assertThat(failure(csq).kind()).isEqualTo(AtException.Kind.TIMEOUT);
        // ATI takes unprefixed lines: a late "+CSQ:" or "OK" handed to it would show here
        assertThat(result(identity).infoLines()).extracting(InfoLine::line)
                .containsExactlyElementsOf(modem.settings().identity());
        List<String> log = modemLog();
        List<String> lateReplies = log.stream().filter(l -> l.startsWith(">> +CSQ:")).toList();
        assertThat(lateReplies).hasSize(1);
        assertThat(log.indexOf(lateReplies.get(0))).as("the late reply came before ATI was sent")
                .isLessThan(log.indexOf("<< ATI"));
        assertThat(engine.counters().timeouts()).isEqualTo(1);
        assertThat(engine.counters().resyncs()).isEqualTo(1);
        assertThat(engine.epoch()).as("a late reply is no reason to re-initialise").isEqualTo(1);
    }

    @Test
    void shouldFailTheCommandARebootInterruptsAndInitialiseTheModemAgain() throws Exception {
        startModem();
        startEngine();
        modem.faults().rebootOn("AT+CSQ");

        AtException failure = failure(engine.send(CSQ));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        awaitReadyIn(2);
        assertThat(events).anyMatch(e -> e.startsWith("rebooted RDY"));
        assertThat(engine.counters().reboots()).as("one boot, however many boot URCs").isEqualTo(1);
        assertThat(modemSent().stream().filter("ATE0"::equals)).as("echo on after each boot, until ATE0")
                .hasSize(2);
        modem.transcript().clear();
        assertIdentityAnswersCleanly();
        assertThat(modemSent()).as("echo is off again after the reboot").doesNotContain("ATI");
        assertThat(modem.transcript().commands()).containsExactly("ATI");
    }

    @Test
    void shouldRunQueuedCommandsAfterTheRebootInTheNewEpoch() throws Exception {
        startModem();
        startEngine();
        modem.faults().rebootOn("AT+CSQ");

        CompletionStage<AtResponse> interrupted = engine.send(CSQ);
        CompletionStage<AtResponse> queued = engine.send(ATI);
        CompletionStage<AtResponse> pinned = engine.send(ATI.onlyInEpoch(1));

        assertThat(failure(interrupted).kind()).isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(result(queued).infoLines()).extracting(InfoLine::line)
                .containsExactlyElementsOf(modem.settings().identity());
        assertThat(failure(pinned).kind()).as("belongs to the forgotten epoch").isEqualTo(AtException.Kind.MODEM_REBOOTED);
        assertThat(engine.epoch()).isEqualTo(2);
    }

    @Test
    void shouldReopenTheLinkWhenTheModemCutsItMidUploadAndLeaveDataModeAfterwards() throws Exception {
        startModem();
        startEngine();
        modem.faults().closeMidUpload();
        byte[] payload = payload(100);

        AtException failure = failure(engine.upload(BODY, payload, BODY_RESULT));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.LINK_LOST);
        awaitReadyIn(2);
        assertThat(opens).hasValue(2);
        assertThat(events).anyMatch(e -> e.startsWith("link lost"));
        assertThat(engine.counters().reopens()).isEqualTo(1);
        // the module stayed in data mode across the connections; the engine escaped before it probed, so no probe
        // became payload
        assertThat(bytesOfFirstUpload()).isBetween(1, payload.length);
        assertIdentityAnswersCleanly();
        UploadResult again = result(engine.upload(BODY, payload, BODY_RESULT));
        assertThat(again.reportedLength()).isEqualTo(payload.length);
    }

    @Test
    void shouldReopenTheLinkWhenAnotherHostTakesTheModemAwayAndWorkAfterwards() throws Exception {
        startModem();
        startEngine();

        // the emulator serves one host at a time: a second connection ends the engine's session
        HostSide intruder = modem.connect();
        await("link lost").atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.startsWith("link lost")));
        awaitReadyIn(2);
        intruder.close();

        assertThat(opens).hasValue(2);
        assertThat(engine.state()).isEqualTo(EngineState.READY);
        assertIdentityAnswersCleanly();
    }

    /** @return the payload bytes the module took in its first data mode, from its "[data N bytes]" line */
    private int bytesOfFirstUpload() {
        String summary = modem.transcript().lines().stream().filter(l -> l.kind() == TranscriptLine.Kind.DATA)
                .map(TranscriptLine::text).findFirst().orElseThrow();
        return Integer.parseInt(summary.replaceAll("\\D", ""));
    }

    static byte[] payload(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append("line ").append(i).append(" of the body\r\n");
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
