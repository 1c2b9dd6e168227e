/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto;

/** The name of the dialect that asks the module which dialect it speaks. */
public final class AutoDialect {

    /** The value of {@link io.cellmail.service.spi.ModemMailerFactory#DIALECT_PROPERTY} of this dialect. */
    public static final String NAME = "auto";

    private AutoDialect() {
    }
}
