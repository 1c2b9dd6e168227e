/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.ModuleTranscript;

/**
 * The two emulated M95 modules the soak plugs in: {@code strict}, which ends data mode only at {@code +++} framed
 * by the guard time as the manual says, and {@code lenient}, which ends it at any {@code +++} (firmware that does
 * so exists). Both relay their mail to the soak's SMTP server.
 */
final class Modules implements AutoCloseable {

    static final String STRICT = "strict";
    static final String LENIENT = "lenient";
    /** The module's guard time; the gateway's is a little longer, as the manual asks. */
    static final Duration GUARD_TIME = Duration.ofMillis(100);
    static final Duration COMMAND_LATENCY = Duration.ofMillis(2);

    private final ModemEmulator strict;
    private final ModemEmulator lenient;

    private Modules(ModemEmulator strict, ModemEmulator lenient) {
        this.strict = strict;
        this.lenient = lenient;
    }

    /**
     * @param smtpRoute {@code host:port} of the SMTP server the modules deliver to
     * @return both modules, powered off until a host connects
     */
    static Modules create(String smtpRoute) {
        EmulatorSettings settings = EmulatorSettings.builder().smtpRoute(smtpRoute).guardTime(GUARD_TIME)
                .commandLatency(COMMAND_LATENCY).build();
        return new Modules(ModemEmulator.create(settings),
                ModemEmulator.create(settings.toBuilder().lenientEscape(true).build()));
    }

    ModemEmulator strict() {
        return strict;
    }

    ModemEmulator lenient() {
        return lenient;
    }

    /** @return the module's name, {@value #STRICT} or {@value #LENIENT} */
    String nameOf(ModemEmulator module) {
        return Objects.requireNonNull(module, "module") == lenient ? LENIENT : STRICT;
    }

    /** @return both transcripts by module name */
    Map<String, ModuleTranscript> transcripts() {
        return Map.of(STRICT, strict.transcript(), LENIENT, lenient.transcript());
    }

    @Override
    public void close() {
        strict.close();
        lenient.close();
    }
}
