/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** How the service sees its modem. */
public enum ModemState {
    /**
     * No modem port is configured yet (a new instance, e.g. one created in the Kura web UI): the service opens no
     * port and accepts no mail until one is set.
     *
     * @since 1.1
     */
    NOT_CONFIGURED,
    /** The port is being opened or the modem brought up. */
    STARTING,
    /** The modem answers and is ready for mail. */
    READY,
    /** The modem is sending a mail now. */
    SENDING,
    /** The port cannot be opened or the modem does not answer; the service keeps trying. */
    UNAVAILABLE,
    /** The service is stopped. */
    STOPPED,
    /**
     * The module was identified and mail cannot be sent through it (it has no SMTP client); final until the module
     * or the configuration changes. {@link ServiceStatus#module()} says which module was found.
     *
     * @since 1.2
     */
    UNSUPPORTED
}
