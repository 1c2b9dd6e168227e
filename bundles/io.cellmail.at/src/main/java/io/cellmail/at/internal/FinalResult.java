/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cellmail.at.AtException;

/**
 * The general final result codes, matched as whole lines: {@code OK}, {@code ERROR}, {@code +CME ERROR: <n>},
 * {@code +CMS ERROR: <n>} (with or without the space; a textual code, as with {@code AT+CMEE=2}, gives no
 * number).
 *
 * @param type which final
 * @param code the numeric error code, or null
 * @param line the line as received
 */
public record FinalResult(Type type, Integer code, String line) {

    /** The general finals. */
    public enum Type { OK, ERROR, CME_ERROR, CMS_ERROR }

    private static final Pattern EQUIPMENT_ERROR = Pattern.compile("\\+(CME|CMS) ERROR:\\s*(.*)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /**
     * @param line a received line
     * @return the final it is, if it is one
     */
    public static Optional<FinalResult> parse(String line) {
        if (line.equals("OK")) {
            return Optional.of(new FinalResult(Type.OK, null, line));
        }
        if (line.equals("ERROR")) {
            return Optional.of(new FinalResult(Type.ERROR, null, line));
        }
        Matcher m = EQUIPMENT_ERROR.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Type type = m.group(1).equals("CME") ? Type.CME_ERROR : Type.CMS_ERROR;
        String value = m.group(2).strip();
        Integer code = NUMBER.matcher(value).matches() && value.length() < 10 ? Integer.valueOf(value) : null;
        return Optional.of(new FinalResult(type, code, line));
    }

    /** @return true for {@code OK} */
    public boolean isOk() {
        return type == Type.OK;
    }

    /**
     * @param command the masked command text, for the message
     * @return the failure this error final stands for
     */
    public AtException toException(String command) {
        AtException.Kind kind = switch (type) {
            case ERROR -> AtException.Kind.ERROR;
            case CME_ERROR -> AtException.Kind.CME_ERROR;
            case CMS_ERROR -> AtException.Kind.CMS_ERROR;
            case OK -> throw new IllegalStateException("OK is not a failure");
        };
        return new AtException(kind, code, command + ": " + line, null);
    }
}
