/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.quectel.internal.CommandsOnlyChannel;

/**
 * A scripted AT channel for {@link SmsSender}'s unit tests: answers {@code OK} to every command and every upload with
 * the next message reference, unless told to refuse a command (by its text's start) with an error final. Records
 * what was sent: a command as its text, an upload as its command, {@code " > "} and its payload (bytes below 0x20
 * shown as {@code <xx>}).
 */
final class ScriptedSmsChannel extends CommandsOnlyChannel {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Map<String, AtException> refusals = new HashMap<>();
    private int nextReference = 40;
    private long epoch = 1;

    /** Refuses every command starting with {@code prefix}. */
    ScriptedSmsChannel refusing(String prefix, AtException.Kind kind, Integer code) {
        refusals.put(prefix, new AtException(kind, code, prefix + ": refused", null));
        return this;
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    void nextEpoch() {
        epoch++;
    }

    @Override
    public CompletionStage<AtResponse> send(AtCommand command) {
        sent.add(command.text());
        AtException refusal = refusal(command);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return CompletableFuture.completedFuture(new AtResponse(command.text(), "OK", List.of(), null));
    }

    @Override
    public CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions options) {
        sent.add(command.text() + " > " + shown(payload));
        AtException refusal = refusal(command);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return CompletableFuture.completedFuture(new UploadResult(payload.length,
                new InfoLine(options.resultPrefix() + " " + nextReference++, options.resultPrefix())));
    }

    private AtException refusal(AtCommand command) {
        return refusals.entrySet().stream().filter(e -> command.text().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String shown(byte[] payload) {
        StringBuilder out = new StringBuilder();
        for (byte b : payload) {
            if (b < 0x20) {
                out.append(String.format("<%02x>", b));
            } else {
                out.append(new String(new byte[] {b}, StandardCharsets.ISO_8859_1));
            }
        }
        return out.toString();
    }

    @Override
    public long epoch() {
        return epoch;
    }
}
