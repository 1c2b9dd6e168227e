/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The successful response to one command: its final line ({@code OK} or a command-specific final), its info
 * lines in arrival order (never a URC) and, for commands that declared one, the deferred result line.
 * Error finals do not make a response; they fail the command with an {@link AtException}.
 */
@ProviderType
public final class AtResponse {

    private final String command;
    private final String finalLine;
    private final List<InfoLine> infoLines;
    private final @Nullable InfoLine deferredResult;

    /**
     * @param command the command's masked text
     * @param finalLine the final line, e.g. {@code OK}
     * @param infoLines the info lines in arrival order
     * @param deferredResult the deferred result line, or null
     */
    public AtResponse(String command, String finalLine, List<InfoLine> infoLines, @Nullable InfoLine deferredResult) {
        this.command = Objects.requireNonNull(command, "command");
        this.finalLine = Objects.requireNonNull(finalLine, "finalLine");
        this.infoLines = List.copyOf(infoLines);
        this.deferredResult = deferredResult;
    }

    /** @return the masked text of the command this answers */
    public String command() {
        return command;
    }

    /** @return the final line: {@code OK} or one of the command's {@link AtCommand#finals extra finals} */
    public String finalLine() {
        return finalLine;
    }

    /** @return true if the final line is {@code OK} */
    public boolean isOk() {
        return "OK".equals(finalLine);
    }

    /** @return all info lines in arrival order */
    public List<InfoLine> infoLines() {
        return infoLines;
    }

    /**
     * @param prefix e.g. {@code +QSMTPDST:}
     * @return the info lines starting with this prefix, in arrival order
     */
    public List<InfoLine> infoLines(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return infoLines.stream().filter(l -> l.line().startsWith(prefix)).toList();
    }

    /**
     * @param prefix e.g. {@code +CSQ:}
     * @return the first info line starting with this prefix
     */
    public Optional<InfoLine> firstInfo(String prefix) {
        return infoLines(prefix).stream().findFirst();
    }

    /** @return the deferred result line ({@code +QSMTPPUT: 0}) if the command declared one */
    public Optional<InfoLine> deferredResult() {
        return Optional.ofNullable(deferredResult);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtResponse r && command.equals(r.command) && finalLine.equals(r.finalLine)
                && infoLines.equals(r.infoLines) && Objects.equals(deferredResult, r.deferredResult);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, finalLine, infoLines, deferredResult);
    }

    @Override
    public String toString() {
        return command + " -> " + infoLines + " " + finalLine + (deferredResult == null ? "" : " " + deferredResult);
    }
}
