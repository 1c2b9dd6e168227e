/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The {@code <charset>} numbers of {@code AT+QSMTPSUB} and {@code AT+QSMTPBODY}, with their Java and MIME names. */
public enum ModuleCharset {
    ASCII(0, StandardCharsets.US_ASCII, "us-ascii"),
    UTF_8(1, StandardCharsets.UTF_8, "utf-8"),
    GB2312(2, Charset.forName("GB2312"), "gb2312"),
    BIG5(3, Charset.forName("Big5"), "big5");

    private final int code;
    private final Charset charset;
    private final String mimeName;

    ModuleCharset(int code, Charset charset, String mimeName) {
        this.code = code;
        this.charset = charset;
        this.mimeName = mimeName;
    }

    /** @return the {@code <charset>} number, 0 to 3 */
    public int code() {
        return code;
    }

    /** @return the Java charset that decodes the module's bytes */
    public Charset charset() {
        return charset;
    }

    /** @return the charset name as it goes into a MIME header or {@code charset=} parameter */
    public String mimeName() {
        return mimeName;
    }

    /**
     * @param code a {@code <charset>} number
     * @return the charset for that number
     * @throws IllegalArgumentException when the number is not 0 to 3
     */
    public static ModuleCharset of(int code) {
        for (ModuleCharset candidate : values()) {
            if (candidate.code == code) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("charset " + code);
    }
}
