/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.at.AtCommand;
import io.cellmail.at.EngineState;
import io.cellmail.at.LinkOpener;
import io.cellmail.at.UploadOptions;
import io.cellmail.emulator.internal.frontend.TcpEmulatorServer;
import io.cellmail.serial.SerialLinks;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.serial.internal.TcpLinkProvider;

/** The engine over the {@code tcp:} provider to the emulator's TCP front end, as to a modem behind ser2net. */
class TcpTransportScenarioTest extends ScenarioSupport {

    private final SerialLinks serialLinks = new SerialLinkRegistry(List.of(new TcpLinkProvider()));
    private TcpEmulatorServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    LinkOpener opener() {
        return () -> {
            opens.incrementAndGet();
            return serialLinks.open("tcp://127.0.0.1:" + server.port());
        };
    }

    @Test
    void shouldInitialiseAnswerAndUploadOverTcp() throws Exception {
        startModem();
        server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0);

        startEngine();

        assertIdentityAnswersCleanly();
        byte[] body = RecoveryScenarioTest.payload(100);
        assertThat(result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body,
                UploadOptions.expectResult("+QSMTPBODY:"))).reportedLength()).isEqualTo(body.length);
    }

    @Test
    void shouldKeepReopeningWhileTheServerIsDownAndWorkAgainWhenItIsBack() throws Exception {
        startModem();
        server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0);
        int port = server.port();
        startEngine();

        server.close();
        await("link lost").atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.startsWith("link lost")));
        int opensWhileDown = opens.get();
        await("retries with backoff").atMost(WAIT).until(() -> opens.get() >= opensWhileDown + 2);
        assertThat(engine.state()).isEqualTo(EngineState.REOPENING);
        assertThat(engine.transcript().toString()).contains("open failed");

        server = restartOn(port);
        awaitReadyIn(2);
        assertIdentityAnswersCleanly();
    }

    private TcpEmulatorServer restartOn(int port) throws IOException {
        return TcpEmulatorServer.start(modem::attach, "127.0.0.1", port);
    }
}
