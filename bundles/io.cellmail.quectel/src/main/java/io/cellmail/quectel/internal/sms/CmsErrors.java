/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.util.Map;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;

/**
 * What a {@code +CMS ERROR: <n>} means and whether a retry may help: the network's causes (TS 24.011 RP cause),
 * the module's (TS 27.005 3.2.5) and the manufacturer range of the Quectel GSM modules, as a table. A refused number,
 * a barred or unsubscribed service, a parameter the module refuses and a missing service-centre number are
 * permanent ({@link MailErrorCode#SMS_REFUSED}); network, service-centre and module trouble passes
 * ({@link MailErrorCode#SMS_FAILED}); the SIM and the network registration map to the codes the mail path uses for
 * them. A code not in the table counts as passing: a retry is cheap and the service's expiry bounds it.
 */
final class CmsErrors {

    /** One row: what the code means and what it is for cellmail. */
    record Cause(int code, String meaning, MailErrorCode mapsTo) {
    }

    private static final Map<Integer, Cause> TABLE = table(
            refused(1, "unassigned (unallocated) number"),
            refused(8, "operator determined barring"),
            refused(10, "call barred"),
            refused(21, "short message transfer rejected"),
            failed(27, "destination out of service"),
            refused(28, "unidentified subscriber"),
            refused(29, "facility rejected"),
            refused(30, "unknown subscriber"),
            failed(38, "network out of order"),
            failed(41, "temporary failure"),
            failed(42, "congestion"),
            failed(47, "resources unavailable"),
            refused(50, "requested facility not subscribed"),
            refused(69, "requested facility not implemented"),
            refused(95, "invalid message, unspecified"),
            refused(96, "invalid mandatory information"),
            refused(97, "message type non-existent or not implemented"),
            refused(98, "message not compatible with short message protocol state"),
            refused(99, "information element non-existent or not implemented"),
            failed(111, "protocol error, unspecified"),
            failed(127, "interworking, unspecified"),
            failed(300, "ME failure"),
            refused(301, "SMS service of ME reserved"),
            refused(302, "operation not allowed"),
            refused(303, "operation not supported"),
            refused(304, "invalid PDU mode parameter"),
            refused(305, "invalid text mode parameter"),
            new Cause(310, "SIM not inserted", MailErrorCode.NO_SIM),
            new Cause(311, "SIM PIN required", MailErrorCode.SIM_PIN_REQUIRED),
            new Cause(313, "SIM failure", MailErrorCode.NO_SIM),
            failed(314, "SIM busy"),
            new Cause(316, "SIM PUK required", MailErrorCode.SIM_BLOCKED),
            failed(320, "memory failure"),
            failed(321, "invalid memory index"),
            failed(322, "memory full"),
            refused(330, "SMSC address unknown (no service-centre number, AT+CSCA)"),
            new Cause(331, "no network service", MailErrorCode.NOT_REGISTERED),
            failed(332, "network timeout"),
            failed(340, "no +CNMA acknowledgement expected"),
            failed(500, "unknown error"),
            failed(512, "SIM not ready"),
            refused(513, "message length exceeds"),
            refused(514, "invalid request parameters"),
            failed(515, "ME storage failure"),
            failed(517, "invalid service mode"),
            failed(528, "more messages to send state error"),
            refused(529, "MO SMS is not allowed"),
            failed(530, "GPRS is suspended"),
            failed(531, "ME storage full"));

    private CmsErrors() {
    }

    /**
     * @param code the number of {@code +CMS ERROR: <n>}
     * @return its row, if the table knows it
     */
    static Optional<Cause> of(int code) {
        return Optional.ofNullable(TABLE.get(code));
    }

    /**
     * @param code the number of {@code +CMS ERROR: <n>}
     * @return what it is for cellmail; {@link MailErrorCode#SMS_FAILED} for a code not in the table
     */
    static MailErrorCode mailCode(int code) {
        return of(code).map(Cause::mapsTo).orElse(MailErrorCode.SMS_FAILED);
    }

    /**
     * @param code the number of {@code +CMS ERROR: <n>}
     * @return e.g. {@code +CMS ERROR: 1 (unassigned (unallocated) number)}
     */
    static String describe(int code) {
        return "+CMS ERROR: " + code + of(code).map(c -> " (" + c.meaning() + ")").orElse(" (not in the table)");
    }

    /** @return every row, for tests and documentation */
    static Map<Integer, Cause> table() {
        return TABLE;
    }

    private static Cause refused(int code, String meaning) {
        return new Cause(code, meaning, MailErrorCode.SMS_REFUSED);
    }

    private static Cause failed(int code, String meaning) {
        return new Cause(code, meaning, MailErrorCode.SMS_FAILED);
    }

    private static Map<Integer, Cause> table(Cause... causes) {
        Map<Integer, Cause> rows = new java.util.TreeMap<>();
        for (Cause cause : causes) {
            if (rows.put(cause.code(), cause) != null) {
                throw new IllegalStateException("two rows for +CMS ERROR: " + cause.code());
            }
        }
        return java.util.Collections.unmodifiableMap(rows);
    }
}
