/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

/** The faults the soak arms at random, each a row of the fault matrix it exercises. */
enum FaultKind {
    /** The module reboots now ({@code reboot}). */
    REBOOT("module reboot"),
    /** The module reboots right after it took the next PUT on ({@code reboot-after=AT+QSMTPPUT}). */
    REBOOT_DURING_PUT("module reboot during a PUT"),
    /** The module never answers the next matching command ({@code mute-on=PREFIX}). */
    HANG("module hangs on a command"),
    /** The TCP connection to the module is closed under the gateway. */
    DROPPED_LINK("dropped link"),
    /** The next PUT fails as if the SMTP server were unreachable ({@code smtp-down}). */
    SMTP_DOWN("SMTP server down"),
    /** The next PUT's SMTP transaction starts late ({@code smtp-delay=DURATION}). */
    SMTP_SLOW("SMTP server slow"),
    /** The next PUT ends with a temporary SMTP refusal ({@code smtp-reply=-421}). */
    SMTP_REFUSING("SMTP server refusing (421)"),
    /** The next PUT ends with a permanent SMTP refusal ({@code smtp-reply=-550}): the mail fails for good. */
    SMTP_REJECTING("SMTP server rejecting the mail (550)"),
    /** The module stops reading the line for a while ({@code cts-stall=DURATION}). */
    CTS_STALL("CTS stall"),
    /** The outbox's file system fills for a few seconds. */
    DISK_FULL("disk full");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    /** @return the fault as the report names it */
    String description() {
        return description;
    }
}
