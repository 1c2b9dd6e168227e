/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cellmail.api.Attachment;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Recipient;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtResponse;
import io.cellmail.at.ModemListener;
import io.cellmail.at.UploadOptions;
import io.cellmail.benchmarks.RunOptions;
import io.cellmail.serial.SerialLinks;

/**
 * The driver of the common Arduino libraries, for comparison: for every mail it clears the module
 * ({@code AT+QSMTPCLR}) and sends the whole configuration again — server, user, password, authentication flag,
 * sender, every recipient, subject, body, attachments, data context — then {@code AT+QSMTPPUT}, pausing a fixed
 * time after every command (100 ms in the published figures, as those libraries do). It runs over cellmail's own AT engine (same init, same echo handling, same guard
 * times), so the comparison isolates the driver's strategy, not the AT layer; a raw-serial Arduino driver would
 * only be slower. Benchmark code only.
 */
public final class NaiveSender implements AutoCloseable {

    private static final Duration DEFERRED = Duration.ofSeconds(60);
    private static final int UPLOAD_TIMEOUT_SECONDS = 60;

    private final AtEngine engine;
    private final int smtpPort;
    private final Duration delay;
    private final Duration mailWait;

    private NaiveSender(AtEngine engine, int smtpPort, Duration delay, Duration mailWait) {
        this.engine = engine;
        this.smtpPort = smtpPort;
        this.delay = delay;
        this.mailWait = mailWait;
    }

    static NaiveSender start(SerialLinks links, RunOptions options, int smtpPort) {
        String uri = BenchLinks.uri(options.baud());
        AtEngine engine = new AtEngine(AtEngineSettings.builder("naive", () -> links.open(uri))
                .guardTime(options.hostGuard()).build());
        CountDownLatch ready = new CountDownLatch(1);
        engine.addModemListener(new ModemListener() {
            @Override
            public void onReady(long epoch) {
                ready.countDown();
            }
        });
        engine.start();
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                engine.close();
                throw new IllegalStateException("the naive driver's engine did not get ready");
            }
        } catch (InterruptedException e) {
            engine.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new NaiveSender(engine, smtpPort, options.naiveDelay(), options.mailWait());
    }

    /**
     * Sends one mail the naive way.
     *
     * @param mail an ASCII mail
     * @throws Exception when a command fails or the module reports a failed send
     */
    public void send(MailMessage mail) throws Exception {
        run(AtCommand.of("AT+QSMTPCLR"));
        run(AtCommand.of("AT+QSMTPSRV=\"127.0.0.1\"," + smtpPort));
        run(AtCommand.of("AT+QSMTPUSER=\"gateway\""));
        run(AtCommand.of("AT+QSMTPPWD=\"secret\"").maskingParameter(0));
        run(AtCommand.of("AT+QSMTPCFG=1,0"));
        run(AtCommand.of("AT+QSMTPADDR=\"gateway@example.com\""));
        run(AtCommand.of("AT+QSMTPNAME=\"Gateway 7\""));
        for (Recipient recipient : mail.recipients()) {
            int type = switch (recipient.type()) {
                case TO -> 1;
                case CC -> 2;
                case BCC -> 3;
            };
            run(AtCommand.of("AT+QSMTPDST=1," + type + ",\"" + recipient.address() + "\"")
                    .deferredResult("+QSMTPDST:", DEFERRED));
        }
        run(AtCommand.of("AT+QSMTPSUB=0,\"" + mail.subject() + "\""));
        upload(AtCommand.of("AT+QSMTPBODY=0," + UPLOAD_TIMEOUT_SECONDS), mail.body().getBytes(StandardCharsets.US_ASCII),
                "+QSMTPBODY:");
        for (Attachment attachment : mail.attachments()) {
            upload(AtCommand.of("AT+QSMTPATT=\"" + attachment.name() + "\"," + attachment.size() + ","
                    + UPLOAD_TIMEOUT_SECONDS), attachment.content(), "+QSMTPATT:");
        }
        run(AtCommand.of("AT+QIFGCNT=0"));
        run(AtCommand.of("AT+QICSGP=1,\"internet\""));
        AtResponse put = run(AtCommand.of("AT+QSMTPPUT=300").deferredResult("+QSMTPPUT:", Duration.ofSeconds(330)));
        int result = put.deferredResult().orElseThrow().intField(0);
        if (result != 0) {
            throw new IllegalStateException("the naive driver's mail failed: +QSMTPPUT: " + result);
        }
    }

    private AtResponse run(AtCommand command) throws Exception {
        AtResponse response = engine.send(command).toCompletableFuture().get(mailWait.toMillis(),
                TimeUnit.MILLISECONDS);
        pause();
        return response;
    }

    private void upload(AtCommand command, byte[] payload, String resultPrefix) throws Exception {
        engine.upload(command, payload, UploadOptions.expectResult(resultPrefix)
                .withResultTimeout(Duration.ofSeconds(UPLOAD_TIMEOUT_SECONDS))).toCompletableFuture()
                .get(mailWait.toMillis(), TimeUnit.MILLISECONDS);
        pause();
    }

    private void pause() throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }

    @Override
    public void close() {
        engine.close();
    }
}
