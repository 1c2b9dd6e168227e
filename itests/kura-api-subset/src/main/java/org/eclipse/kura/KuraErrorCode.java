/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura;

/**
 * Error codes of {@link KuraException}: only constants that exist in every Kura release since 5.0, so code
 * compiled against this subset links against the real enum.
 */
public enum KuraErrorCode {
    /** Configuration error. */
    CONFIGURATION_ERROR,
    /** A configuration attribute cannot take a value. */
    CONFIGURATION_ATTRIBUTE_INVALID,
    /** An internal error (deprecated in Kura, still present). */
    INTERNAL_ERROR,
    /** The serial port does not exist. */
    SERIAL_PORT_NOT_EXISTING,
    /** The port is in use. */
    PORT_IN_USE,
    /** Not connected. */
    NOT_CONNECTED,
    /** Timeout while waiting for an operation to complete. */
    TIMED_OUT,
    /** Connection failed. */
    CONNECTION_FAILED,
    /** Error decoding a value. */
    DECODER_ERROR,
    /** Invalid parameter. */
    INVALID_PARAMETER,
    /** Service unavailable. */
    SERVICE_UNAVAILABLE,
    /** Error during an IO operation. */
    IO_ERROR
}
