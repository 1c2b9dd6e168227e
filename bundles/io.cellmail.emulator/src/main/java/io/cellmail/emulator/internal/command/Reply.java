/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one command line, collected while its commands run: information lines (sent before the final
 * result code) and deferred lines (sent after it, such as {@code +QSMTPDST: <result>}).
 */
public final class Reply {

    private final ResultFormat format;
    private final List<String> info = new ArrayList<>();
    private final List<String> deferred = new ArrayList<>();

    public Reply(ResultFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Adds an information line, sent before the final result code. */
    public void info(String line) {
        info.add(line);
    }

    /** Adds a line sent after the final result code. */
    public void afterFinal(String line) {
        deferred.add(line);
    }

    /** Adds a deferred result such as {@code +QSMTPDST:0}, sent after the final result code. */
    public void deferredResult(String name, int value) {
        deferred.add(format.format(name, value));
    }

    /** @return a result line in the configured format */
    public String result(String name, int value) {
        return format.format(name, value);
    }

    public List<String> infoLines() {
        return List.copyOf(info);
    }

    public List<String> deferredLines() {
        return List.copyOf(deferred);
    }
}
