/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** Queue priority: a higher priority mail is sent before any lower one that is due; equal ones oldest first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
