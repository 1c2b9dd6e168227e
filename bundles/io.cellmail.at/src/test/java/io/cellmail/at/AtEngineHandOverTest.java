/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.serial.PortSettings;

/**
 * Who writes a command. The reader thread handles a reply, and on a link whose writes cannot block for long (no
 * flow control, a short line) it writes the next command itself and reads its reply: no thread is woken for a
 * command. Where a write may block without limit (RTS/CTS), every write goes to the writer thread, whose write
 * budget declares the link lost while the engine runs on.
 */
class AtEngineHandOverTest extends EngineTestSupport {

    private static final Duration MODEM_TURNAROUND = Duration.ofMillis(40);

    private final ControlledLine line = new ControlledLine();

    @AfterEach
    void releaseTheLine() {
        line.close();
    }

    @Test
    void shouldWriteTheNextCommandOnTheThreadThatReadTheReplyWhenTheLinkCannotBlock() throws Exception {
        startEngine(settings(line.around(modem.opener())));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK").after(MODEM_TURNAROUND);

        sendThreeAtOnce();

        // the first comes from the caller, through the engine thread; each later one follows a reply
        assertThat(writersOf("AT+CSQ\r")).hasSize(3).first().isEqualTo("cellmail-at-writer-test");
        assertThat(writersOf("AT+CSQ\r").subList(1, 3)).containsOnly("cellmail-at-reader-test");
    }

    @Test
    void shouldHandEveryWriteToTheWriterThreadWhenFlowControlMayHoldIt() throws Exception {
        line.settings(new PortSettings(115200, 8, PortSettings.Parity.NONE, PortSettings.StopBits.ONE,
                PortSettings.FlowControl.RTS_CTS));
        startEngine(settings(line.around(modem.opener())));
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK").after(MODEM_TURNAROUND);

        sendThreeAtOnce();

        assertThat(line.writes()).extracting(ControlledLine.Write::thread).containsOnly("cellmail-at-writer-test");
    }

    private void sendThreeAtOnce() throws Exception {
        List<CompletionStage<AtResponse>> replies = List.of(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")),
                engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")),
                engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));
        for (CompletionStage<AtResponse> reply : replies) {
            assertThat(result(reply).infoLines()).extracting(InfoLine::line).containsExactly("+CSQ: 20,0");
        }
        assertThat(replies).allMatch(r -> r.toCompletableFuture().isDone() && !((CompletableFuture<?>) r)
                .isCompletedExceptionally());
    }

    private List<String> writersOf(String text) {
        return line.writes().stream().filter(w -> w.text().equals(text)).map(ControlledLine.Write::thread).toList();
    }
}
