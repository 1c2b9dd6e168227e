/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;
import io.cellmail.serial.SecretText;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line typed at the {@code at} terminal, turned into what the AT engine needs to know to give it its whole
 * reply: the info-line prefix ({@code AT+CSQ} → {@code +CSQ:}) besides unprefixed lines ({@code ATI}), a late
 * info line for read commands ({@code AT+QSMTPSRV?} answers {@code OK} first), the deferred result of the SMTP
 * commands that answer twice ({@code AT+QSMTPPUT}, {@code AT+QSMTPDST=…}, {@code AT+QSMTPDATT}), a data-mode
 * upload for {@code AT+QSMTPBODY=…}/{@code AT+QSMTPATT=…}, and passwords masked by {@link SecretText}.
 *
 * @param command the command for the engine
 * @param upload how its payload ends and what its result looks like, for a data-mode upload
 */
public record TypedCommand(AtCommand command, Optional<UploadOptions> upload) {

    /** How long the SMTP commands other than a send take to give their deferred result. */
    static final Duration SHORT_DEFERRED = Duration.ofSeconds(30);
    /** Added to the timeout of {@code AT+QSMTPPUT=<timeout>}: the module reports at its deadline, not before. */
    static final Duration PUT_MARGIN = Duration.ofSeconds(30);
    /** The deadline of {@code AT+QSMTPPUT} without a timeout (the module then tries without limit). */
    static final Duration UNBOUNDED_PUT = Duration.ofSeconds(330);
    /** How long a read command may take to send its info line after {@code OK}. */
    static final Duration LATE_INFO = Duration.ofMillis(300);

    private static final Pattern NAME = Pattern.compile("(?i)^AT\\s*([+&]?[A-Z]*)");
    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,9})\\s*");

    public TypedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(upload, "upload");
    }

    /**
     * @param line the typed line, without its line end
     * @return the command and how to run it
     * @throws IllegalArgumentException if the line is not an AT command (no {@code AT} prefix, control characters)
     */
    public static TypedCommand of(String line) {
        String text = line.strip();
        AtCommand base = AtCommand.of(text).maskedBy(SecretText::mask);
        Matcher m = NAME.matcher(text);
        String name = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
        String rest = text.substring(m.end()).strip();
        Form form = Form.of(rest);
        if (form == Form.WRITE && (name.equals("+QSMTPBODY") || name.equals("+QSMTPATT"))) {
            return new TypedCommand(base, Optional.of(UploadOptions.expectResult(name + ":")));
        }
        Optional<Duration> deferred = deferredDeadline(name, form, rest);
        if (deferred.isPresent()) {
            return new TypedCommand(base.deferredResult(name + ":", deferred.get()), Optional.empty());
        }
        AtCommand command = base.expectingAnyInfo();
        if (name.startsWith("+") && name.length() > 1) {
            command = command.expecting(name + ":");
        }
        if (form == Form.READ) {
            command = command.infoMayFollowOk(LATE_INFO);
        }
        return new TypedCommand(command, Optional.empty());
    }

    /** @return true for a data-mode upload: the lines up to {@code +++} are its payload */
    public boolean isUpload() {
        return upload.isPresent();
    }

    private static Optional<Duration> deferredDeadline(String name, Form form, String rest) {
        switch (name) {
            case "+QSMTPPUT":
                if (form == Form.EXECUTE) {
                    return Optional.of(UNBOUNDED_PUT);
                }
                if (form == Form.WRITE) {
                    Matcher seconds = NUMBER.matcher(rest.substring(1));
                    return Optional.of(seconds.matches()
                            ? Duration.ofSeconds(Long.parseLong(seconds.group(1))).plus(PUT_MARGIN)
                            : UNBOUNDED_PUT);
                }
                return Optional.empty();
            case "+QSMTPDST":
                return form == Form.WRITE ? Optional.of(SHORT_DEFERRED) : Optional.empty();
            case "+QSMTPDATT":
                return form == Form.EXECUTE || form == Form.WRITE ? Optional.of(SHORT_DEFERRED) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The four shapes of an extended command: {@code AT+X=?}, {@code AT+X?}, {@code AT+X=…}, {@code AT+X}. */
    private enum Form {
        TEST, READ, WRITE, EXECUTE;

        static Form of(String rest) {
            if (rest.startsWith("=")) {
                return rest.substring(1).strip().equals("?") ? TEST : WRITE;
            }
            return rest.startsWith("?") ? READ : EXECUTE;
        }
    }
}
