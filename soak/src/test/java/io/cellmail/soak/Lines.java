/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cellmail.emulator.TranscriptLine;
import io.cellmail.emulator.TranscriptLine.Direction;
import io.cellmail.emulator.TranscriptLine.Kind;

/** Builds a module's transcript for a test: what the host sent and the module said, a millisecond apart. */
final class Lines {

    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final List<HeardLine> lines = new ArrayList<>();
    private final String module;
    private long millis;

    Lines(String module) {
        this.module = module;
    }

    /** @return the moment {@code offset} ms after {@link #T0} */
    static Instant time(long offset) {
        return T0.plusMillis(offset);
    }

    /** Moves the clock to {@code offset} ms after {@link #T0}. */
    Lines at(long offset) {
        millis = offset;
        return this;
    }

    Lines host(String... texts) {
        for (String text : texts) {
            lines.add(new HeardLine(module, new TranscriptLine(time(millis++), Direction.HOST_TO_MODEM, Kind.LINE,
                    text)));
        }
        return this;
    }

    Lines module(String... texts) {
        for (String text : texts) {
            lines.add(new HeardLine(module, new TranscriptLine(time(millis++), Direction.MODEM_TO_HOST, Kind.LINE,
                    text)));
        }
        return this;
    }

    /** A mail's usual commands up to and including a PUT the module takes on. */
    Lines put(String alarmId) {
        host("AT+QSMTPSUB=0,\"SOAK " + alarmId + " pump alarm\"");
        module("OK");
        host("AT+QSMTPPUT=100");
        return module("OK");
    }

    List<HeardLine> lines() {
        return List.copyOf(lines);
    }
}
