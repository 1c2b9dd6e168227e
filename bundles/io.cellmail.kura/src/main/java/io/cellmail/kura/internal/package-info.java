/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The Kura front door of a cellmail mail service: a factory {@code ConfigurableComponent} whose Kura properties,
 * Password attributes decrypted, map to the same settings as the plain service's ConfigAdmin configuration.
 * Private: nothing imports this bundle.
 */
package io.cellmail.kura.internal;
