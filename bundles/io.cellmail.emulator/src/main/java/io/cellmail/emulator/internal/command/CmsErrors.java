/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;

/** The {@code +CMS ERROR} codes the emulator gives and their verbose texts ({@code AT+CMEE=2}), 3GPP TS 27.005. */
public final class CmsErrors {

    public static final int OPERATION_NOT_ALLOWED = 302;
    public static final int NOT_SUPPORTED = 303;
    public static final int INVALID_PDU_PARAMETER = 304;
    public static final int INVALID_TEXT_PARAMETER = 305;
    public static final int SIM_NOT_INSERTED = 310;
    public static final int SIM_PIN_REQUIRED = 311;
    public static final int SIM_PUK_REQUIRED = 316;
    public static final int SMSC_ADDRESS_UNKNOWN = 330;
    public static final int NO_NETWORK_SERVICE = 331;

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(1, "Unassigned (unallocated) number"),
            Map.entry(8, "Operator determined barring"),
            Map.entry(10, "Call barred"),
            Map.entry(21, "Short message transfer rejected"),
            Map.entry(27, "Destination out of service"),
            Map.entry(28, "Unidentified subscriber"),
            Map.entry(29, "Facility rejected"),
            Map.entry(30, "Unknown subscriber"),
            Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"),
            Map.entry(42, "Congestion"),
            Map.entry(47, "Resources unavailable, unspecified"),
            Map.entry(50, "Requested facility not subscribed"),
            Map.entry(300, "ME failure"),
            Map.entry(301, "SMS service of ME reserved"),
            Map.entry(OPERATION_NOT_ALLOWED, "operation not allowed"),
            Map.entry(NOT_SUPPORTED, "operation not supported"),
            Map.entry(INVALID_PDU_PARAMETER, "invalid PDU mode parameter"),
            Map.entry(INVALID_TEXT_PARAMETER, "invalid text mode parameter"),
            Map.entry(SIM_NOT_INSERTED, "SIM not inserted"),
            Map.entry(SIM_PIN_REQUIRED, "SIM PIN required"),
            Map.entry(SIM_PUK_REQUIRED, "SIM PUK required"),
            Map.entry(SMSC_ADDRESS_UNKNOWN, "SMSC address unknown"),
            Map.entry(NO_NETWORK_SERVICE, "no network service"),
            Map.entry(332, "network timeout"),
            Map.entry(500, "unknown error"));

    private CmsErrors() {
    }

    /** @return the verbose text of a code; "unknown error" for a code without one */
    public static String text(int code) {
        return TEXTS.getOrDefault(code, "unknown error");
    }
}
