/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

/**
 * What the module writes when it is ready for the text of {@code AT+CMGS}/{@code AT+QCMGS}; never followed by a
 * line end the host could wait for, except in {@link #LINE}.
 */
public enum SmsPrompt {
    /** {@code CR LF > SP}: 3GPP TS 27.005 and Quectel modules. */
    SPACE("\r\n> "),
    /** {@code CR LF >}: firmwares that leave out the space. */
    BARE("\r\n>"),
    /** {@code CR LF > CR LF}: a prompt on a line of its own, as some SIMCom firmwares write it. */
    LINE("\r\n>\r\n");

    private final String bytes;

    SmsPrompt(String bytes) {
        this.bytes = bytes;
    }

    /** @return the prompt's characters, each one byte */
    public String bytes() {
        return bytes;
    }

    /**
     * @param name {@code space}, {@code bare} or {@code line}, any case
     * @return the prompt of that name
     * @throws IllegalArgumentException for any other name
     */
    public static SmsPrompt of(String name) {
        for (SmsPrompt prompt : values()) {
            if (prompt.name().equalsIgnoreCase(name.strip())) {
                return prompt;
            }
        }
        throw new IllegalArgumentException("SMS prompt must be space, bare or line: " + name);
    }
}
