/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import io.cellmail.emulator.ModemEmulator;

/**
 * Where configured emulators make themselves reachable as {@code emulator:<name>}: the link provider component,
 * seen by the emulator components of this bundle only (the interface is private to it).
 */
public interface EmulatorRegistry {

    /**
     * @param name the name in {@code emulator:<name>}
     * @param modem the module
     * @throws IllegalArgumentException when the name has characters a link URI cannot carry
     * @throws IllegalStateException when another module has the name
     */
    void register(String name, ModemEmulator modem);

    /**
     * Makes the module registered under the name unreachable; links open to it stay open until closed.
     *
     * @param name a name this caller registered
     */
    void unregister(String name);
}
