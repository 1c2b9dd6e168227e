/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinks;

/** Records the URI of every open and fails it: no port is there. */
public final class RecordingLinks implements SerialLinks {

    private final List<String> opened = new CopyOnWriteArrayList<>();

    /** @return the URIs asked for so far, oldest first */
    public List<String> opened() {
        return List.copyOf(opened);
    }

    @Override
    public SerialLink open(String uri) throws SerialLinkException {
        opened.add(uri);
        throw new SerialLinkException(SerialLinkException.Reason.NO_SUCH_PORT, "no port " + uri);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("serial", "tcp", "emulator");
    }
}
