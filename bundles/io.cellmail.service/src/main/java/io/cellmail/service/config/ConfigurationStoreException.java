/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.config;

/**
 * The platform could not read or write a configuration; the message says why in words for an operator and never
 * holds a password.
 */
public class ConfigurationStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why, for an operator */
    public ConfigurationStoreException(String message) {
        super(message);
    }

    /**
     * @param message why, for an operator
     * @param cause the platform's failure
     */
    public ConfigurationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
