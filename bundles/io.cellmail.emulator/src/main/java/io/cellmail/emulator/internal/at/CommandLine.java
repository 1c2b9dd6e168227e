/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a received line into its AT commands, as V.250 describes: the characters before the {@code AT} prefix
 * are ignored (so {@code +++AT} after a failed escape still works), spaces outside quotes are ignored, basic
 * commands may follow each other ({@code ATE0V1}), an extended command ends at {@code ;}
 * ({@code AT+IPR=115200;&W}).
 */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * @param line a line as received, without its terminator
     * @return the commands, or empty when the line holds no {@code AT} prefix (such a line gets no answer)
     * @throws FormatException if the line is not valid AT syntax
     */
    public static Optional<List<AtCommand>> parse(String line) {
        int prefix = prefixIndex(line);
        if (prefix < 0) {
            return Optional.empty();
        }
        String body = withoutSpaces(line.substring(prefix + 2));
        List<AtCommand> commands = new ArrayList<>();
        if (body.isEmpty()) {
            commands.add(new AtCommand("", AtCommand.Form.EXECUTE, ""));
            return Optional.of(commands);
        }
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == ';') {
                i++;
            } else if (c == '+' || c == '$' || c == '*' || c == '^') {
                i = extended(body, i, commands);
            } else if (Character.isLetter(c) || c == '&') {
                i = basic(body, i, commands);
            } else {
                throw new FormatException("unexpected character in command line");
            }
        }
        return Optional.of(commands);
    }

    /** @return the index of the first "AT" (any case), or -1 */
    public static int prefixIndex(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            if (Character.toUpperCase(line.charAt(i)) == 'A' && Character.toUpperCase(line.charAt(i + 1)) == 'T') {
                return i;
            }
        }
        return -1;
    }

    private static int extended(String body, int start, List<AtCommand> commands) {
        int end = start + 1;
        while (end < body.length() && isNameChar(body.charAt(end))) {
            end++;
        }
        if (end == start + 1) {
            throw new FormatException("extended command without a name");
        }
        String name = body.substring(start, end).toUpperCase(Locale.ROOT);
        if (body.startsWith("=?", end)) {
            commands.add(new AtCommand(name, AtCommand.Form.TEST, ""));
            return requireEndOfCommand(body, end + 2);
        }
        if (body.startsWith("?", end)) {
            commands.add(new AtCommand(name, AtCommand.Form.READ, ""));
            return requireEndOfCommand(body, end + 1);
        }
        if (body.startsWith("=", end)) {
            int argsEnd = endOfArguments(body, end + 1);
            commands.add(new AtCommand(name, AtCommand.Form.WRITE, body.substring(end + 1, argsEnd)));
            return argsEnd;
        }
        commands.add(new AtCommand(name, AtCommand.Form.EXECUTE, ""));
        return requireEndOfCommand(body, end);
    }

    private static int basic(String body, int start, List<AtCommand> commands) {
        int i = start;
        StringBuilder name = new StringBuilder();
        if (body.charAt(i) == '&') {
            name.append('&');
            i++;
            if (i >= body.length() || !Character.isLetter(body.charAt(i))) {
                throw new FormatException("& without a letter");
            }
        }
        name.append(Character.toUpperCase(body.charAt(i++)));
        int digits = i;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            i++;
        }
        AtCommand.Form form = AtCommand.Form.EXECUTE;
        if (body.startsWith("=?", i)) {
            form = AtCommand.Form.TEST;
            i += 2;
        } else if (body.startsWith("?", i)) {
            form = AtCommand.Form.READ;
            i++;
        }
        commands.add(new AtCommand(name.toString(), form, body.substring(digits, i).replaceAll("[=?]", "")));
        return i;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '%' || c == '!' || c == '.');
    }

    private static int requireEndOfCommand(String body, int i) {
        if (i < body.length() && body.charAt(i) != ';') {
            throw new FormatException("junk after command");
        }
        return i;
    }

    private static int endOfArguments(String body, int from) {
        boolean quoted = false;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return body.length();
    }

    private static String withoutSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || (c != ' ' && c != '\t')) {
                out.append(c);
            }
        }
        if (quoted) {
            throw new FormatException("unterminated quoted string");
        }
        return out.toString();
    }
}
