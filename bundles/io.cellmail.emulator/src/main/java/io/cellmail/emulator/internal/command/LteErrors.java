/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

/**
 * The LTE SMTP client's {@code <err>} numbers. The manual's table (chapter 5, from 651) is not public; the
 * emulator numbers it in V1.00's order, {@code <err> = base + n} for V1.00's {@code -n} (651 unknown, 653 busy,
 * 654 DNS, 655 network, 658 context deactivated, 659 timeout, 660 no recipient, 661 send failed, 662 open file,
 * 665 wrong parameter), with the base a setting. A failure the server replied to is {@code <err>} "send failed"
 * with the reply code in {@code <protocol_error>}.
 */
public final class LteErrors {

    private final int base;

    /** @param base the {@code <err>} of V1.00's -0, so that base + 1 is "unknown error" */
    public LteErrors(int base) {
        this.base = base;
    }

    /**
     * @param gsmCode a V1.00 code: 0, -1 to -15, or a negative SMTP reply code (-421 ... -554)
     * @return {@code <err>,<protocol_error>} as {@code +QSMTPPUT:} reports them
     */
    public String putResult(int gsmCode) {
        if (gsmCode == 0) {
            return "0,0";
        }
        if (gsmCode <= -100) {
            return code(SmtpResultCodes.SEND_FAILED) + "," + -gsmCode;
        }
        return code(gsmCode) + ",0";
    }

    /** @return the {@code <err>} for the V1.00 code {@code -n} */
    public int code(int gsmCode) {
        return base - gsmCode;
    }
}
