/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device paths this JVM holds open. Static on purpose: a device is a process-wide resource, and whether the
 * OS or jSerialComm refuses a second open from the same process differs between versions and between root and
 * normal users; this set makes a second open inside the JVM fail the same way everywhere. Keys are real paths, so a
 * {@code /dev/serial/by-id} link and the {@code ttyUSB} node it points at are one port.
 */
final class HeldPorts {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private HeldPorts() {
    }

    /** @return true if the caller now holds the device, false if someone in this JVM already does */
    static boolean acquire(Path realPath) {
        return HELD.add(realPath);
    }

    static void release(Path realPath) {
        HELD.remove(realPath);
    }

    static boolean isHeld(Path realPath) {
        return HELD.contains(realPath);
    }
}
