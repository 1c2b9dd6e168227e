/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

/** A fresh EG25-G (the LTE personality) per test, with the host of {@link ModemTestSupport}. */
abstract class LteTestSupport extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().personality(Personality.EG25G).build();
    }

    /** Turns on numeric {@code +CME ERROR: <n>} results, as a driver does. */
    protected void numericErrors() {
        ok("AT+CMEE=1");
    }
}
