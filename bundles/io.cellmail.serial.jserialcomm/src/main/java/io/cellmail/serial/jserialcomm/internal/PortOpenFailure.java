/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.nio.file.Path;

import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;

/** Turns jSerialComm's "open failed" plus its last error code into a typed, actionable failure. */
final class PortOpenFailure {

    // Linux errno values jSerialComm reports from open(2), flock(2) and tcsetattr(3).
    static final int EPERM = 1;
    static final int ENXIO = 6;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EINVAL = 22;

    private PortOpenFailure() {
    }

    static SerialLinkException describe(Path device, int errorCode) {
        String code = " (error " + errorCode + ")";
        return switch (errorCode) {
            case EACCES, EPERM -> new SerialLinkException(Reason.IO_ERROR, "no permission to open " + device
                    + code + "; add the user to the group owning the device (often dialout) or fix its udev rule");
            case ENXIO, ENODEV -> new SerialLinkException(Reason.NO_SUCH_PORT,
                    "the device behind " + device + " went away while opening" + code);
            case EINVAL -> new SerialLinkException(Reason.IO_ERROR,
                    device + " rejected the port settings" + code + "; check baud, data, parity, stop and flow");
            // EBUSY (TIOCEXCL), EWOULDBLOCK (another flock holder), jSerialComm's own "already open" and the rest.
            default -> new SerialLinkException(Reason.PORT_BUSY, "cannot open " + device + code
                    + ": another program holds it; ModemManager takes modem ports unless told to ignore the device"
                    + " (udev ID_MM_DEVICE_IGNORE=1); check with: fuser -v " + device);
        };
    }
}
