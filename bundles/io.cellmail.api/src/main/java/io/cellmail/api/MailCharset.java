/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.nio.charset.Charset;

/** The character sets the modem's SMTP client knows, with the number its AT commands use for each. */
public enum MailCharset {
    /** Plain 7-bit ASCII: subjects go to the modem as text. */
    ASCII(0, "US-ASCII"),
    /** UTF-8: subjects go to the modem hex-encoded. */
    UTF_8(1, "UTF-8"),
    /** Simplified Chinese GB2312: subjects go to the modem hex-encoded. */
    GB2312(2, "GB2312"),
    /** Traditional Chinese BIG5: subjects go to the modem hex-encoded. */
    BIG5(3, "Big5");

    private final int code;
    private final String javaName;

    MailCharset(int code, String javaName) {
        this.code = code;
        this.javaName = javaName;
    }

    /** @return the {@code <charset>} number of {@code AT+QSMTPSUB} and {@code AT+QSMTPBODY} */
    public int code() {
        return code;
    }

    /** @return the Java charset that encodes text for this modem charset */
    public Charset charset() {
        return Charset.forName(javaName);
    }

    /**
     * Chooses the charset for a text when the caller gave none: ASCII when every character is printable ASCII
     * or a tab, CR or LF, else UTF-8.
     *
     * @param text the subject and body together
     * @return {@link #ASCII} or {@link #UTF_8}
     */
    public static MailCharset choose(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c >= 0x20 && c < 0x7f;
            if (!printable && c != '\t' && c != '\r' && c != '\n') {
                return UTF_8;
            }
        }
        return ASCII;
    }
}
