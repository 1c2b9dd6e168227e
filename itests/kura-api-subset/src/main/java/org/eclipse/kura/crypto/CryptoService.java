/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura.crypto;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kura's cryptography service; the subset holds only the AES methods Password attributes need. Kura stores a
 * Password attribute encrypted and hands it to the component as such.
 */
@ProviderType
public interface CryptoService {

    /**
     * @param value the plain characters
     * @return the encrypted characters
     * @throws KuraException when encryption fails
     */
    char[] encryptAes(char[] value) throws KuraException;

    /**
     * @param encryptedValue the encrypted characters
     * @return the plain characters
     * @throws KuraException when the value is not an encrypted value (e.g. plain text)
     */
    char[] decryptAes(char[] encryptedValue) throws KuraException;
}
