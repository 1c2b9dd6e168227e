/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ServiceStatus;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemProbe;

/** How the console shows statuses, codes and the modem's answers: plain text, one fact per line or column. */
final class ConsoleText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ConsoleText() {
    }

    /** @return e.g. {@code -535 Authentication failed (permanent)} */
    static String code(MailErrorCode code) {
        return code.describe() + (code.isTransient() ? " (transient: retried)" : " (permanent)");
    }

    /** @return the code, and the explanation when it says more than the code's meaning */
    static String failure(MailException e) {
        String text = code(e.code());
        String message = e.getMessage();
        return message == null || message.isBlank() || message.equals(e.code().meaning()) ? text
                : text + ": " + message;
    }

    /** @return e.g. {@code 20/31 (-73 dBm)}, or {@code unknown} */
    static String signal(OptionalInt rssi) {
        if (rssi.isEmpty()) {
            return "unknown";
        }
        int value = rssi.getAsInt();
        // AT+CSQ: 0 is -113 dBm or less, 31 is -51 dBm or more, 2 dBm a step.
        return value + "/31 (" + (value == 0 ? "<= " : value == 31 ? ">= " : "") + (-113 + 2 * value) + " dBm)";
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @return the status block of one service */
    static String status(ServiceStatus status, Optional<OutboxCounters> counters, Optional<MailerSettings.Tls> security,
            Optional<String> problem) {
        StringBuilder out = new StringBuilder();
        out.append(status.name()).append('\n');
        out.append("  modem         ").append(status.modem()).append('\n');
        status.module().ifPresent(module -> out.append("  module        ").append(module).append('\n'));
        out.append("  registration  ").append(status.registration()).append('\n');
        out.append("  signal        ").append(signal(status.signal())).append('\n');
        out.append("  queue         ").append(status.queueDepth()).append(status.queueDepth() == 1 ? " mail" : " mails")
                .append('\n');
        out.append("  last error    ").append(status.lastError().map(ConsoleText::code).orElse("none")).append('\n');
        security.ifPresent(tls -> out.append("  SMTP security ").append(security(tls)).append('\n'));
        counters.ifPresent(c -> out.append("  since start   sent ").append(c.sent()).append(", failed ")
                .append(c.failed()).append(", retried ").append(c.retried()).append(", expired ").append(c.expired())
                .append(", cancelled ").append(c.cancelled()).append(", held by rate limit ")
                .append(c.heldByRateLimit()).append(", set aside ").append(c.setAside()).append('\n'));
        counters.ifPresent(c -> out.append("  SMS           ").append(c.smsQueued()).append(" waiting, sent ")
                .append(c.smsSent()).append(", failed ").append(c.smsFailed()).append(" since start\n"));
        status.warnings().forEach(w -> out.append("  WARNING       ").append(w).append('\n'));
        problem.ifPresent(p -> out.append("  problem       ").append(p).append('\n'));
        return out.toString();
    }

    /** @return e.g. {@code starttls, server verified (SSL context 1)}, or {@code none (plain SMTP)} */
    static String security(MailerSettings.Tls tls) {
        String kind = switch (tls.security()) {
            case NONE -> "none (plain SMTP)";
            case IMPLICIT_TLS -> "tls";
            case STARTTLS -> "starttls";
        };
        if (!tls.encrypted()) {
            return kind;
        }
        return kind + ", server " + (tls.verifyServer() ? "verified" : "NOT verified") + " (SSL context "
                + tls.sslContextId() + ")";
    }

    /** @return a table of the pending mails, or a line saying there are none */
    static String queue(String service, List<MessageStatus> mails) {
        if (mails.isEmpty()) {
            return service + ": no mail waiting\n";
        }
        StringBuilder out = new StringBuilder(service).append(": ").append(mails.size())
                .append(mails.size() == 1 ? " mail\n" : " mails\n");
        out.append(String.format("  %-36s  %-10s  %8s  %-19s  %-19s  %s%n", "ID", "STATE", "ATTEMPTS", "ACCEPTED",
                "NEXT ATTEMPT", "LAST ERROR"));
        for (MessageStatus mail : mails) {
            out.append(String.format("  %-36s  %-10s  %8d  %-19s  %-19s  %s%n", mail.messageId(), mail.state(),
                    mail.attempts(), time(mail.acceptedAt()), mail.nextAttemptAt().map(ConsoleText::time).orElse("-"),
                    mail.lastError().map(MailErrorCode::describe).orElse("-")));
        }
        return out.toString();
    }

    /** @return a table of the SMS waiting (one line per number), or nothing when there are none */
    static String smsQueue(String service, List<SmsStatus> sms) {
        if (sms.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(service).append(": ").append(sms.size())
                .append(" SMS\n");
        out.append(String.format("  %-36s  %-11s  %-16s  %-10s  %8s  %-19s  %s%n", "ID", "REASON", "NUMBER", "STATE",
                "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"));
        for (SmsStatus one : sms) {
            out.append(String.format("  %-36s  %-11s  %-16s  %-10s  %8d  %-19s  %s%n", one.id(), one.reason(),
                    one.number(), one.state(), one.attempts(), one.nextAttemptAt().map(ConsoleText::time).orElse("-"),
                    one.lastError().map(MailErrorCode::describe).orElse("-")));
        }
        return out.toString();
    }

    /** @return what the modem answered, one fact a line */
    static String probe(String service, ModemProbe probe) {
        StringBuilder out = new StringBuilder(service).append('\n');
        out.append("  identity      ").append(probe.identity().isEmpty() ? "(no answer to ATI)"
                : String.join(" / ", probe.identity())).append('\n');
        out.append("  SIM           ").append(probe.sim()).append('\n');
        out.append("  registration  ").append(probe.registration()).append('\n');
        out.append("  signal        ").append(signal(probe.signal())).append('\n');
        out.append("  GPRS          ").append(probe.attached() ? "attached" : "detached").append('\n');
        return out.toString();
    }
}
