/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.Objects;

/**
 * The sender of one mail: the message's own address and name where it has them, else the configured defaults.
 *
 * @param address the sender's e-mail address
 * @param name the sender's display name, possibly empty
 */
public record SenderIdentity(String address, String name) {

    public SenderIdentity {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
    }
}
