/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The whole engine gives identical results however the modem's output is cut into chunks: the same session,
 * with the spec's quirks, is replayed with its bytes split at random boundaries.
 */
class AtEngineSplitPropertiesTest {

    private static final List<String> EXPECTED = List.of(
            "AT+CSQ -> [+CSQ: 20,0] OK",
            "AT+QSMTPSRV? -> [+QSMTPSRV: \"smtp.163.com\",25] OK",
            "AT+QSMTPDST=1,1,\"a@b.c\" -> [] OK +QSMTPDST:0",
            "failed CME_ERROR 10",
            "upload 2009 of 2009",
            "AT+QSMTPPUT=300 -> [] OK +QSMTPPUT: 0",
            "AT+CREG? -> [+CREG: 0,1] OK",
            "urcs [+CREG: 1, 0,+PDP DEACT, RING]",
            "epoch 1, reboots 0, timeouts 0, resyncs 0");

    @BeforeContainer
    static void pollOften() {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
    }

    @Property(tries = 20)
    void shouldGiveIdenticalResultsForAnySplitOfTheModemOutput(@ForAll long seed) throws Exception {
        try (ScriptedModem modem = new ScriptedModem()) {
            modem.chunkRandomly(seed);
            script(modem);
            try (AtEngine engine = new AtEngine(AtEngineSettings.builder("split", modem.opener())
                    .commandTimeout(Duration.ofSeconds(2)).guardTime(Duration.ofMillis(5))
                    .probeTimeout(Duration.ofMillis(200)).settleTime(Duration.ofMillis(10))
                    .trailingOkLinger(Duration.ofMillis(10)).build())) {
                List<Urc> urcs = new CopyOnWriteArrayList<>();
                engine.addUrcListener(urcs::add);
                engine.start();

                List<String> results = session(engine);
                await().atMost(Duration.ofSeconds(5)).until(() -> urcs.size() >= 3);
                results.add("urcs " + urcs.stream().map(Urc::line).toList());
                results.add("epoch " + engine.epoch() + ", reboots " + engine.counters().reboots() + ", timeouts "
                        + engine.counters().timeouts() + ", resyncs " + engine.counters().resyncs());

                assertThat(results).containsExactlyElementsOf(EXPECTED);
            }
        }
    }

    private static void script(ScriptedModem modem) {
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "+CREG: 1", "OK");
        modem.on("AT+QSMTPSRV?").reply("OK", "+QSMTPSRV: \"smtp.163.com\",25");
        modem.on("AT+QSMTPDST=1,1,\"a@b.c\"").reply("OK", "+QSMTPDST:0");
        modem.on("AT+CPIN?").reply("+CME ERROR:10");
        modem.on("AT+QSMTPBODY=1,100").reply("OK").connect(p -> List.of("+QSMTPBODY:" + p.length));
        modem.on("AT+QSMTPPUT=300").reply("OK", "0,+PDP DEACT", "+QSMTPPUT: 0");
        modem.on("AT+CREG?").reply("+CREG: 0,1", "RING", "OK");
    }

    private static List<String> session(AtEngine engine) throws Exception {
        List<String> results = new ArrayList<>();
        results.add(describe(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"))));
        results.add(describe(engine.send(AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:")
                .infoMayFollowOk(Duration.ofSeconds(1)))));
        results.add(describe(engine.send(AtCommand.of("AT+QSMTPDST=1,1,\"a@b.c\"")
                .deferredResult("+QSMTPDST:", Duration.ofSeconds(2)))));
        results.add(describe(engine.send(AtCommand.of("AT+CPIN?").expecting("+CPIN:"))));
        byte[] body = "x".repeat(2009).getBytes(StandardCharsets.US_ASCII);
        UploadResult upload = engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body,
                UploadOptions.expectResult("+QSMTPBODY:")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        results.add("upload " + upload.reportedLength() + " of " + upload.bytesSent());
        results.add(describe(engine.send(AtCommand.of("AT+QSMTPPUT=300")
                .deferredResult("+QSMTPPUT:", Duration.ofSeconds(2)))));
        results.add(describe(engine.send(AtCommand.of("AT+CREG?").expecting("+CREG:"))));
        return results;
    }

    private static String describe(CompletionStage<AtResponse> stage) {
        try {
            AtResponse r = stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            return r.command() + " -> " + r.infoLines() + " " + r.finalLine()
                    + r.deferredResult().map(d -> " " + d.line()).orElse("");
        } catch (Exception e) {
            AtException failure = AtException.from(e);
            return "failed " + failure.kind() + failure.code().stream().mapToObj(c -> " " + c).findFirst().orElse("");
        }
    }
}
