/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.internal.frontend.EmulatorOptions.ListenAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated module behind the front end the options name: what {@link Main} and the {@code cellmail emulate}
 * command run until they are stopped.
 */
public final class StandaloneEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneEmulator.class);

    private final ModemEmulator modem;
    private final AutoCloseable frontEnd;
    private final String location;

    private StandaloneEmulator(ModemEmulator modem, AutoCloseable frontEnd, String location) {
        this.modem = modem;
        this.frontEnd = frontEnd;
        this.location = location;
    }

    /**
     * Makes the module, arms the faults and opens the front end.
     *
     * @param options what to run; not a help request
     * @return the running emulator
     * @throws IllegalArgumentException if a fault spec is not understood
     * @throws IOException if the front end can't be opened
     */
    public static StandaloneEmulator start(EmulatorOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        ModemEmulator modem = ModemEmulator.create(options.settings());
        try {
            for (String fault : options.faults()) {
                modem.faults().apply(fault);
            }
            if (options.listen().isPresent()) {
                ListenAddress listen = options.listen().get();
                TcpEmulatorServer server = TcpEmulatorServer.start(modem::attach, listen.host(), listen.port());
                String bound = new ListenAddress(server.address().getAddress().getHostAddress(), server.port())
                        .toString();
                return new StandaloneEmulator(modem, server, bound);
            }
            Path link = options.pty().orElseThrow(() -> new IllegalArgumentException("no front end chosen"));
            PtyEmulator pty = PtyEmulator.start(modem::attach, link);
            return new StandaloneEmulator(modem, pty, pty.hostPath().toString());
        } catch (IOException | RuntimeException e) {
            modem.close();
            throw e;
        }
    }

    /** @return where hosts connect: {@code host:port} or the pty device path */
    public String location() {
        return location;
    }

    /** Closes the front end, then the module. */
    @Override
    public void close() {
        try {
            frontEnd.close();
        } catch (Exception e) {
            LOG.debug("closing the front end failed", e);
        }
        modem.close();
    }
}
