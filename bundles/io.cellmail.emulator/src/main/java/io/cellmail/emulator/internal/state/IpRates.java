/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

/** The rates {@code AT+IPR} accepts on M-series modules; 0 is autobaud. */
public final class IpRates {

    /** Every accepted {@code <rate>}. */
    static final int[] ALL = {0, 300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 28800, 38400, 57600, 115200};

    private IpRates() {
    }

    /** @return true if {@code AT+IPR=<rate>} accepts it */
    public static boolean accepts(int rate) {
        for (int r : ALL) {
            if (r == rate) {
                return true;
            }
        }
        return false;
    }

    /** @return the list as {@code AT+IPR=?} prints it */
    public static String list() {
        StringBuilder out = new StringBuilder();
        for (int r : ALL) {
            out.append(out.length() == 0 ? "" : ",").append(r);
        }
        return out.toString();
    }
}
