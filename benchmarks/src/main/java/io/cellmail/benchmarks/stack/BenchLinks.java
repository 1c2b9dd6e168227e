/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.net.URI;
import java.util.Objects;

import io.cellmail.emulator.HostSide;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.support.StreamSerialLink;

/**
 * The {@code bench:} links: every open is a new in-JVM connection to the one emulated module, watched by the one
 * {@link WireTap}. Like {@code emulator:} links, but counted.
 */
public final class BenchLinks implements SerialLinkProvider {

    /** The scheme. */
    public static final String SCHEME = "bench";

    private final ModemEmulator modem;
    private final WireTap tap;

    /**
     * @param modem the module every link connects to
     * @param tap what counts the bytes
     */
    public BenchLinks(ModemEmulator modem, WireTap tap) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.tap = Objects.requireNonNull(tap, "tap");
    }

    /**
     * @param baud the line rate the host assumes (the engine's drain-time estimate)
     * @return the URI of the module's link
     */
    public static String uri(int baud) {
        return SCHEME + ":modem?baud=" + baud;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public SerialLink open(URI uri, PortSettings settings) {
        HostSide host = modem.connect();
        return new TappedLink(new StreamSerialLink(uri, settings, host.input(), host.output(), host::close), tap);
    }
}
