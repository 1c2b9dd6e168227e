/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura.configuration;

/**
 * The value of a Password attribute in Kura's configuration service: its characters as Kura keeps them (encrypted
 * with the CryptoService once stored). {@link #toString()} gives those characters, as Kura's does.
 */
public class Password {

    private final char[] password;

    /** @param password the characters */
    public Password(String password) {
        this.password = password == null ? null : password.toCharArray();
    }

    /** @param password the characters */
    public Password(char[] password) {
        this.password = password;
    }

    /** @return the characters */
    public char[] getPassword() {
        return password;
    }

    @Override
    @SuppressWarnings("ToStringReturnsNull") // test stand-in: a Password made without characters has no text
    public String toString() {
        return password == null ? null : new String(password);
    }
}
