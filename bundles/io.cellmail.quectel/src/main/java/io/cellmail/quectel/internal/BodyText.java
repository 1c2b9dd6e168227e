/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailException;

/**
 * A body as the module's SMTP client should get it: lines ended by CR LF, the only line end SMTP allows (servers
 * hardened against SMTP smuggling refuse bare LF), and no line holding a lone {@code .}, which ends the DATA of an
 * SMTP transaction when the client does not dot-stuff. The manual does not say whether the module dot-stuffs,
 * so such a body is refused rather than risked.
 */
final class BodyText {

    private BodyText() {
    }

    /**
     * @param body the caller's body
     * @return the body with every CR, LF or CR LF as CR LF
     * @throws MailException {@code INVALID_MESSAGE} for field {@code body} when a line holds only {@code .}
     */
    static String canonical(String body) {
        StringBuilder out = new StringBuilder(body.length() + 16);
        int lineStart = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\r' || c == '\n') {
                requireNotLoneDot(out, lineStart);
                out.append("\r\n");
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = out.length();
            } else {
                out.append(c);
            }
        }
        requireNotLoneDot(out, lineStart);
        return out.toString();
    }

    private static void requireNotLoneDot(StringBuilder text, int lineStart) {
        if (text.length() - lineStart == 1 && text.charAt(lineStart) == '.') {
            throw MailException.invalid("body", "a line holding only '.' would end the mail early on the SMTP "
                    + "server; write '..' or add text to the line");
        }
    }
}
