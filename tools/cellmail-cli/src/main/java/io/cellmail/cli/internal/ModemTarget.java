/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.serial.LinkUri;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every command that drives a modem through its dialect's mailer ({@code send}, {@code sms}, {@code probe})
 * takes from its command line the same way: the {@code LINK}, {@code --dialect}, and for an {@code emulator:} link
 * the in-process emulator's {@code --smtp}, {@code --fault} and {@code --personality}.
 *
 * @param link the modem's link
 * @param dialect the dialect the modem is driven in, a name {@link Dialects#parse} returned
 * @param smtpRoute the in-process emulator's SMTP route ({@code --smtp})
 * @param faults the in-process emulator's faults ({@code --fault})
 * @param personality the in-process emulator's module ({@code --personality})
 */
public record ModemTarget(LinkUri link, String dialect, Optional<String> smtpRoute, List<String> faults,
        Optional<String> personality) {

    public ModemTarget {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(smtpRoute, "smtpRoute");
        faults = List.copyOf(faults);
        Objects.requireNonNull(personality, "personality");
    }

    /**
     * @param options a command's options
     * @return the same, with {@code --dialect}, {@code --smtp}, {@code --fault} and {@code --personality} declared
     */
    public static Options declare(Options options) {
        return options.single("--dialect").single("--smtp").repeatable("--fault").single("--personality");
    }

    /**
     * @param parsed the command line, its options {@link #declare declared}
     * @param environment for {@code $CELLMAIL_LINK}
     * @param links parses the link
     * @return the target
     * @throws UsageException if the link or the dialect is missing or wrong
     */
    public static ModemTarget of(Options.Parsed parsed, CliEnvironment environment, ModemLinks links)
            throws UsageException {
        return new ModemTarget(LinkArgument.require(parsed, environment, links),
                Dialects.parse(parsed.value("--dialect")), parsed.value("--smtp"), parsed.values("--fault"),
                parsed.value("--personality"));
    }

    /**
     * Starts the emulated module of an {@code emulator:} link in this process ({@link ModemLinks#startEmulatorFor}).
     *
     * @param links the command's links, which stop the emulator when closed
     * @throws UsageException if an emulator option is malformed, or given for another link
     */
    public void startEmulator(ModemLinks links) throws UsageException {
        links.startEmulatorFor(link, smtpRoute, faults, personality);
    }
}
