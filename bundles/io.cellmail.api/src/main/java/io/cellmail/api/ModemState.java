/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** How the service sees its modem. */
public enum ModemState {
    /** The port is being opened or the modem brought up. */
    STARTING,
    /** The modem answers and is ready for mail. */
    READY,
    /** The modem is sending a mail now. */
    SENDING,
    /** The port cannot be opened or the modem does not answer; the service keeps trying. */
    UNAVAILABLE,
    /** The service is stopped. */
    STOPPED
}
