/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

/**
 * The module's short message settings: {@code AT+CMGF}, {@code AT+CSCS}, {@code AT+CSMP}, the service centre
 * address of {@code AT+CSCA} and the last message reference. Format, character set and text parameters go back to
 * their defaults at a boot; the service centre address (kept on the SIM) and the message reference (kept by the
 * module, TS 23.040 asks it to go on counting) survive. Modem thread only.
 */
public final class SmsSettings {

    /** The service centre address of an emulated SIM. */
    public static final String DEFAULT_SERVICE_CENTRE = "+491710760000";

    private boolean textMode;
    private String charset = "GSM";
    private int firstOctet = 17;
    private int validity = 167;
    private int protocolId;
    private int dataCoding;
    private String serviceCentre = DEFAULT_SERVICE_CENTRE;
    private int serviceCentreType = 145;
    private int nextReference;

    /** A boot: PDU mode, "GSM", 17,167,0,0. */
    public void powerOn() {
        textMode = false;
        charset = "GSM";
        firstOctet = 17;
        validity = 167;
        protocolId = 0;
        dataCoding = 0;
    }

    public boolean textMode() {
        return textMode;
    }

    public void textMode(boolean on) {
        textMode = on;
    }

    /** @return "GSM", "IRA" or "UCS2" */
    public String charset() {
        return charset;
    }

    public void charset(String name) {
        charset = name;
    }

    public int firstOctet() {
        return firstOctet;
    }

    public int validity() {
        return validity;
    }

    public int protocolId() {
        return protocolId;
    }

    public int dataCoding() {
        return dataCoding;
    }

    public void textParameters(int fo, int vp, int pid, int dcs) {
        firstOctet = fo;
        validity = vp;
        protocolId = pid;
        dataCoding = dcs;
    }

    public String serviceCentre() {
        return serviceCentre;
    }

    public int serviceCentreType() {
        return serviceCentreType;
    }

    public void serviceCentre(String address, int type) {
        serviceCentre = address;
        serviceCentreType = type;
    }

    /** @return the TP-MR the next message gets */
    public int nextReference() {
        return nextReference;
    }

    /** A message went out under {@link #nextReference()}: the next one gets the following number, mod 256. */
    public void referenceUsed() {
        nextReference = (nextReference + 1) % 256;
    }
}
