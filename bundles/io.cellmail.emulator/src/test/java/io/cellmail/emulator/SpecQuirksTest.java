/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import org.junit.jupiter.api.Test;

/** The spec's two output quirks switched off: server line before OK, results with a space. */
class SpecQuirksTest extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().okBeforeServerInfo(false).compactResults(false).lenientEscape(true).build();
    }

    @Test
    void shouldPrintTheServerBeforeOkWhenTheQuirkIsOff() {
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPSRV?", "+QSMTPSRV: \"smtp.163.com\",25 ~ OK");
    }

    @Test
    void shouldPutASpaceAfterTheColonOfResultsWhenNotCompact() {
        expect("AT+QSMTPCFG=1", "+QSMTPCFG: 1 ~ OK");
        expect("AT+QSMTPDST=1,1,\"a@example.com\"", "OK ~ +QSMTPDST: 0");
        expect("AT+QSMTPDATT=1", "OK ~ +QSMTPDATT: -15");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT: -15");
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        host.write("hi+++");
        host.expectLines("+QSMTPBODY: 2");
    }
}
