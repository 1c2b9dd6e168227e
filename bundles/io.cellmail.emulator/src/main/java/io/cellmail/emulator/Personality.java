/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.util.List;
import java.util.Objects;

/**
 * Which module the emulator answers as. The personality decides the command set and the identity; every other
 * setting (line rate, SIM, radio, faults, SMTP route) applies to all of them.
 */
// Both lists are List.of(...) lists, which cannot be changed; the check only sees their type.
@SuppressWarnings("ImmutableEnumChecker")
public enum Personality {

    /** Quectel M95, the GSM module of the SMTP manual V1.00: its commands exactly, {@code ATI} only. */
    M95(false, false, "Quectel_M95", "M95FAR02A08",
            List.of("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08"),
            List.of("RDY", "+CFUN: 1", "+CPIN: %s", "Call Ready")),

    /**
     * Quectel EG25-G, an LTE module with the LTE SMTP dialect ({@code AT+QSMTPCFG="<key>"}, length-ended body,
     * files in RAM, {@code +QSMTPPUT: <err>,<protocol_error>}). Identity as an EG25-G prints it.
     */
    EG25G(true, true, "EG25", "EG25GGBR07A08M2G",
            List.of("Quectel", "EG25", "Revision: EG25GGBR07A08M2G"),
            List.of("RDY", "+CFUN: 1", "+CPIN: %s", "+QUSIM: 1", "+QIND: SMS DONE")),

    /**
     * Quectel BG95-M3: an LTE-M module with the LTE context and file commands but no SMTP client; every
     * {@code AT+QSMTP...} command, {@code AT+QSMTPCFG=?} included, answers {@code ERROR}, as a real BG95-M3 does.
     */
    BG95(true, false, "BG95-M3", "BG95M3LAR02A03",
            List.of("Quectel", "BG95-M3", "Revision: BG95M3LAR02A03"),
            List.of("RDY", "+CFUN: 1", "+CPIN: %s", "+QUSIM: 1", "+QIND: SMS DONE"));

    private final boolean lte;
    private final boolean smtp;
    private final String model;
    private final String revision;
    private final List<String> identity;
    private final List<String> bootUrcs;

    Personality(boolean lte, boolean smtp, String model, String revision, List<String> identity,
            List<String> bootUrcs) {
        this.lte = lte;
        this.smtp = smtp;
        this.model = model;
        this.revision = revision;
        this.identity = identity;
        this.bootUrcs = bootUrcs;
    }

    /** @return true for the LTE family's command set ({@code AT+QICSGP} with a type, {@code AT+QFUPL}, ...) */
    public boolean lte() {
        return lte;
    }

    /** @return true if the LTE module has the LTE SMTP client; the M95's GSM SMTP commands are not counted */
    public boolean lteSmtp() {
        return lte && smtp;
    }

    /** @return what {@code AT+CGMM} prints (LTE personalities only) */
    public String model() {
        return model;
    }

    /** @return what {@code AT+GMR} prints (LTE personalities only) */
    public String revision() {
        return revision;
    }

    /** @return the lines {@code ATI} prints unless the settings give others */
    public List<String> identity() {
        return identity;
    }

    /**
     * @param simStatus the text of {@code +CPIN:} (READY, SIM PIN, ...)
     * @param simReady whether the SIM is usable, which the M95 announces with {@code Call Ready}
     * @return the lines announcing a boot
     */
    public List<String> bootUrcs(String simStatus, boolean simReady) {
        Objects.requireNonNull(simStatus, "simStatus");
        return bootUrcs.stream()
                .filter(line -> simReady || !line.equals("Call Ready"))
                .map(line -> line.formatted(simStatus))
                .toList();
    }

    /**
     * @param name {@code m95}, {@code eg25g} or {@code bg95}, any case, with or without a dash
     * @return the personality of that name
     * @throws IllegalArgumentException for any other name
     */
    public static Personality of(String name) {
        String key = name.strip().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        for (Personality personality : values()) {
            if (personality.name().equals(key)) {
                return personality;
            }
        }
        throw new IllegalArgumentException("personality must be m95, eg25g or bg95: " + name);
    }
}
