/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import io.cellmail.api.MailErrorCode;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.InfoLine;
import io.cellmail.at.ModemListener;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.serial.SerialLinks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The terminal over the AT engine: each command gets exactly its own reply (echo off, URCs apart, late replies
 * consumed), URCs are printed as they come, and negative SMTP results are explained with the manual's words.
 */
final class EngineSession implements TerminalSession {

    private final AtEngine engine;
    private final String link;
    private final Duration timeout;
    private final TerminalOutput output;
    private final CompletableFuture<Void> stop;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicReference<String> lastLinkTrouble = new AtomicReference<>();

    /**
     * @param links opens the link, again after a loss
     * @param link the link URI
     * @param timeout how long the modem may take to come up and to answer a command
     * @param output where the session is shown
     * @param stop ends a wait when complete
     */
    EngineSession(SerialLinks links, String link, Duration timeout, TerminalOutput output,
            CompletableFuture<Void> stop) {
        Objects.requireNonNull(links, "links");
        this.link = Objects.requireNonNull(link, "link");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.output = Objects.requireNonNull(output, "output");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.engine = new AtEngine(AtEngineSettings.builder("cli", () -> links.open(link))
                .commandTimeout(timeout)
                .build());
    }

    @Override
    public void open() throws CommandFailure {
        engine.addUrcListener(urc -> {
            output.received(urc.line());
            explainResult(urc.line());
        });
        engine.addModemListener(new ModemListener() {
            @Override
            public void onStateChanged(EngineState state) {
                // Not onReady: the engine reports the new epoch a moment before its state is READY.
                if (state == EngineState.READY) {
                    ready.complete(null);
                }
            }

            @Override
            public void onRebooted(String reason) {
                output.note("the modem rebooted (" + reason + ")");
            }

            @Override
            public void onLinkLost(String reason) {
                lastLinkTrouble.set(reason);
                output.note("link lost: " + reason + "; reopening");
            }
        });
        engine.start();
        try {
            CompletableFuture.anyOf(ready, stop).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String trouble = lastLinkTrouble.get();
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "the modem at " + link + " did not answer AT within "
                    + Durations.format(timeout) + (trouble == null ? "" : " (" + trouble + ")")
                    + "; is it powered, and is the baud rate right?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a readiness signal failed", e);
        }
    }

    @Override
    public void execute(String line, LineSource input) {
        TypedCommand typed;
        try {
            typed = TypedCommand.of(line);
        } catch (IllegalArgumentException e) {
            output.note("not sent (" + e.getMessage() + "): " + line);
            return;
        }
        output.sent(line);
        try {
            if (typed.isUpload()) {
                byte[] payload = payload(input);
                await(engine.upload(typed.command(), payload, typed.upload().orElseThrow()))
                        .ifPresent(this::print);
            } else {
                await(engine.send(typed.command())).ifPresent(this::print);
            }
        } catch (AtException e) {
            print(e, typed);
        }
    }

    /** The lines after an upload command up to {@code +++}, joined with CR LF, as a person typed them. */
    private byte[] payload(LineSource input) {
        StringBuilder payload = new StringBuilder();
        for (Optional<String> next = input.next(); next.isPresent() && !next.get().strip().equals("+++");
                next = input.next()) {
            output.sent(next.get());
            if (payload.length() > 0) {
                payload.append("\r\n");
            }
            payload.append(next.get());
        }
        output.sent("+++");
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    private <T> Optional<T> await(CompletionStage<T> stage) {
        CompletableFuture<T> reply = stage.toCompletableFuture();
        try {
            CompletableFuture.anyOf(reply, stop).join();
        } catch (CompletionException | CancellationException e) {
            // The reply failed; reported below.
        }
        if (!reply.isDone()) {
            reply.cancel(true);
            return Optional.empty();
        }
        try {
            return Optional.of(reply.join());
        } catch (CompletionException | CancellationException e) {
            throw AtException.from(e);
        }
    }

    private void print(AtResponse response) {
        response.infoLines().forEach(info -> output.received(info.line()));
        output.received(response.finalLine());
        response.deferredResult().map(InfoLine::line).ifPresent(result -> {
            output.received(result);
            explainResult(result);
        });
    }

    private void print(UploadResult result) {
        output.received(result.resultLine().line());
    }

    private void print(AtException failure, TypedCommand typed) {
        switch (failure.kind()) {
            case ERROR -> output.received("ERROR");
            case CME_ERROR -> output.received("+CME ERROR: " + code(failure));
            case CMS_ERROR -> output.received("+CMS ERROR: " + code(failure));
            case RESULT_ERROR -> {
                String prefix = typed.upload().map(UploadOptions::resultPrefix).orElse("result:");
                output.received(prefix + " " + code(failure));
                failure.code().ifPresent(this::explain);
            }
            case TIMEOUT -> output.note("no answer in time: " + failure.getMessage());
            default -> output.note(failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + failure.getMessage());
        }
    }

    private static String code(AtException failure) {
        return failure.code().isPresent() ? String.valueOf(failure.code().getAsInt()) : "?";
    }

    /** {@code +QSMTPPUT: -535} → {@code -- -535 Authentication failed}. */
    private void explainResult(String line) {
        if (!line.startsWith("+QSMTP")) {
            return;
        }
        int colon = line.indexOf(':');
        try {
            int value = Integer.parseInt(line.substring(colon + 1).strip().split(",")[0].strip());
            if (value < 0) {
                explain(value);
            }
        } catch (NumberFormatException e) {
            // Not a result line (e.g. +QSMTPSRV: "host",25): nothing to explain.
        }
    }

    private void explain(int code) {
        MailErrorCode.of(code).filter(MailErrorCode::isModemCode).ifPresent(c -> output.note(c.describe()));
    }

    @Override
    public void close() {
        engine.close();
    }
}
