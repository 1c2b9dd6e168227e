/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.cellmail.serial.LinkUri;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.support.StreamSerialLink;

/**
 * The {@code emulator:} link provider: {@code emulator:<name>} opens an in-JVM connection to the emulated module
 * registered under that name, as if it were a serial port. Each open is a new host connection to the same module,
 * which keeps its state across connections like a real one; closing the link does not power the module off.
 *
 * <pre>{@code
 * EmulatorLinks links = new EmulatorLinks();
 * links.register("bench", ModemEmulator.create(EmulatorSettings.builder().smtpRoute("127.0.0.1:2525").build()));
 * SerialLink link = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT);
 * }</pre>
 */
public final class EmulatorLinks implements SerialLinkProvider {

    /** The URI scheme this provider serves. */
    public static final String SCHEME = "emulator";

    private final Map<String, ModemEmulator> modems = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Makes a module reachable as {@code emulator:<name>}.
     *
     * @param name letters, digits, {@code .}, {@code _} or {@code -}
     * @param modem the module
     * @throws IllegalStateException when the name is taken
     */
    public void register(String name, ModemEmulator modem) {
        Objects.requireNonNull(modem, "modem");
        if (!Objects.requireNonNull(name, "name").matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("An emulator name is letters, digits, '.', '_' or '-': " + name);
        }
        if (modems.putIfAbsent(name, modem) != null) {
            throw new IllegalStateException("An emulator named " + name + " is registered already");
        }
    }

    /**
     * Makes a module unreachable; open links stay open until closed.
     *
     * @param name the name it was registered under
     * @return the module, or null when none had that name
     */
    public @Nullable ModemEmulator unregister(String name) {
        return modems.remove(Objects.requireNonNull(name, "name"));
    }

    @Override
    public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
        String name = LinkUri.of(uri).target();
        ModemEmulator modem = modems.get(name);
        if (modem == null) {
            throw new SerialLinkException(SerialLinkException.Reason.NO_SUCH_PORT, "No emulator named '" + name
                    + "'; registered: " + new TreeSet<>(modems.keySet()));
        }
        HostSide host = modem.connect();
        return new StreamSerialLink(uri, settings, host.input(), host.output(), host::close);
    }
}
