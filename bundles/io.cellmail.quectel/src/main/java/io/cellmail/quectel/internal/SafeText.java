/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import io.cellmail.quectel.QuectelDialect;

/**
 * The only text that may go inside a quoted AT parameter: printable ASCII without {@code "} (it would end the
 * parameter), {@code \} (V.250 and 27.007 modems read {@code \22} as an escape) and {@code ;} (it separates
 * commands on a line, and not every firmware honours quotes when it splits). Everything a caller gives that is
 * not in this set is either hex-encoded (subjects) or refused (addresses, names), so caller text can never end a
 * parameter, start another command or end the line.
 */
final class SafeText {

    /** RFC 5322 atext without the quoted-string forms: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}. */
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            ATEXT + "+(?:\\." + ATEXT + "+)*@" + LABEL + "(?:\\." + LABEL + ")*");
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?");

    private SafeText() {
    }

    /**
     * @param c a character
     * @return true if it may appear inside a quoted AT parameter
     */
    static boolean isQuotable(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';';
    }

    /**
     * @param text any text
     * @return true if every character may appear inside a quoted AT parameter
     */
    static boolean isQuotable(CharSequence text) {
        return firstUnquotable(text) < 0;
    }

    /**
     * For a parameter the module takes as UTF-8 text (the LTE subject): the quotable ASCII characters and any
     * character beyond Latin-1's controls. Their UTF-8 bytes are all 0x80 or above, so none of them can end the
     * parameter, the command or the line.
     *
     * @param text any text
     * @return true if every character may appear inside a quoted UTF-8 AT parameter
     */
    static boolean isQuotableText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isQuotable(c) && (c < 0xa0 || Character.isISOControl(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param text any text
     * @return the index of the first character that may not appear in a quoted AT parameter, or -1
     */
    static int firstUnquotable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isQuotable(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param text any text
     * @return why it cannot go into a quoted AT parameter, naming the character and its position, if it cannot
     */
    static Optional<String> quotingProblem(CharSequence text) {
        int at = firstUnquotable(text);
        return at < 0 ? Optional.empty()
                : Optional.of("character " + describe(text.charAt(at)) + " at index " + at + " cannot be sent to the "
                        + "modem; only printable ASCII without '\"', '\\' and ';' can");
    }

    /**
     * @param address an e-mail address
     * @return why it is not a well-formed, sendable {@code local@domain} address, if it is not
     */
    static Optional<String> addressProblem(String address) {
        if (address.isEmpty()) {
            return Optional.of("is empty");
        }
        if (address.length() > QuectelDialect.MAX_ADDRESS_LENGTH) {
            return Optional.of("is longer than " + QuectelDialect.MAX_ADDRESS_LENGTH + " characters");
        }
        Optional<String> quoting = quotingProblem(address);
        if (quoting.isPresent()) {
            return quoting;
        }
        if (!ADDRESS.matcher(address).matches() || address.indexOf('@') > MAX_LOCAL_PART) {
            return Optional.of("'" + address + "' is not a plain local@domain address (letters, digits and "
                    + "!#$%&'*+-/=?^_`{|}~ before the @, a host name after it, no spaces)");
        }
        return Optional.empty();
    }

    /**
     * @param host an SMTP server host name or IPv4 address
     * @return why it is not one, if it is not
     */
    static Optional<String> hostProblem(String host) {
        if (!HOST.matcher(host).matches()) {
            return Optional.of("'" + printable(host) + "' is not a host name or IPv4 address (letters, digits, '.', "
                    + "'-', '_', at most 253 characters)");
        }
        return Optional.empty();
    }

    /**
     * @param c a character
     * @return e.g. {@code '"' (U+0022)} or {@code U+000D} for a control character
     */
    static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return Character.isISOControl(c) ? code : "'" + c + "' (" + code + ")";
    }

    /** @return the text with control characters replaced, for a message that quotes it */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
        return out.toString();
    }
}
