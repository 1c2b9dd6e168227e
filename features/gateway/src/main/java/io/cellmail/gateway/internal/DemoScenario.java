/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The non-interactive demo: an alarm mail with a small attachment goes in at the console
 * ({@code cellmail:send}) and travels service → outbox → Quectel driver → AT engine → serial link → emulated
 * modem → SMTP; the demo prints what the SMTP server received and the masked AT transcript
 * ({@code cellmail:transcript}), and fails with a clear message when any part is missing or the time is up.
 */
final class DemoScenario {

    static final String MAIL_SERVICE = "(objectClass=io.cellmail.api.CellularMailService)";
    static final String CELLMAIL_COMMANDS = "(osgi.command.scope=cellmail)";
    static final String RECIPIENT = "operator@example.com";
    static final String SUBJECT = "ALARM boiler-7: flow temperature 96.4 C above limit 90.0 C";
    static final String BODY = "Boiler 7 flow temperature 96.4 C exceeds the limit of 90.0 C since 03:12 UTC."
            + " Last readings attached.";
    static final String ATTACHMENT = "boiler-7-readings.csv";
    static final String ATTACHMENT_CONTENT = "time,flow_c,return_c\n03:10,88.9,61.2\n03:11,92.7,62.0\n"
            + "03:12,96.4,62.9\n";
    static final int TRANSCRIPT_LINES = 60;
    /** Kept back from the waits for a mail, so that the transcript is still printed when none arrives. */
    private static final Duration RESERVE = Duration.ofSeconds(5);

    private final ServiceWaiter waiter;
    private final LoopbackSmtpServer smtp;
    private final PrintStream out;
    private final Deadline deadline;
    private final Path workDirectory;

    DemoScenario(ServiceWaiter waiter, LoopbackSmtpServer smtp, PrintStream out, Deadline deadline,
            Path workDirectory) {
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.out = Objects.requireNonNull(out, "out");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    }

    int run() throws GatewayException, InterruptedException, IOException {
        out.println("cellmail demo: gateway up; emulated modem 'demo' delivers to the SMTP server on "
                + smtp.route());
        waiter.await(MAIL_SERVICE, deadline.remaining(), "the cellmail mail service");
        waiter.await(CELLMAIL_COMMANDS, deadline.remaining(), "the cellmail console commands");
        try (GogoConsole console = GogoConsole.open(waiter, deadline.remaining())) {
            send(console);
            Optional<ReceivedMail> mail = awaitDelivery();
            mail.ifPresent(this::print);
            // The transcript also when nothing arrived: it shows where the mail got stuck (e.g. +QSMTPPUT: -5).
            out.println();
            out.println("== AT transcript (passwords masked), from the console:");
            String command = "cellmail:transcript --lines " + TRANSCRIPT_LINES;
            out.println("g! " + command);
            out.println(console.execute(command));
            if (mail.isEmpty()) {
                throw new GatewayException("no mail reached the SMTP server on " + smtp.route() + " within "
                        + deadline.total().toSeconds() + " s of the start (see the console output above)");
            }
            check(mail.get());
        }
        out.println();
        out.println("cellmail demo: OK");
        return 0;
    }

    private void send(GogoConsole console) throws GatewayException, IOException {
        Path attachment = Files.createDirectories(workDirectory).resolve(ATTACHMENT);
        Files.writeString(attachment, ATTACHMENT_CONTENT, StandardCharsets.US_ASCII);
        // Waits for the outcome at the console, within what is left of the demo's time.
        long waitSeconds = Math.max(1, deadline.remaining().minus(RESERVE).toSeconds());
        String command = "cellmail:send --attach " + quoted(attachment.toString()) + " --wait " + waitSeconds + " "
                + RECIPIENT + " " + quoted(SUBJECT) + " " + quoted(BODY);
        out.println();
        out.println("== Sending an alarm mail at the console:");
        out.println("g! " + command);
        out.println(console.execute(command));
    }

    /** @return the first mail the SMTP server received, unless none arrives while a few seconds are left */
    private Optional<ReceivedMail> awaitDelivery() {
        Duration wait = deadline.remaining().minus(RESERVE);
        if (wait.isNegative() || !smtp.awaitMails(1, wait)) {
            return Optional.empty();
        }
        return Optional.of(smtp.received().get(0));
    }

    private void print(ReceivedMail mail) {
        out.println();
        out.println("== The SMTP server received:");
        mail.describe().forEach(line -> out.println("  " + line));
    }

    private static void check(ReceivedMail mail) throws GatewayException {
        List<String> wrong = new java.util.ArrayList<>();
        if (!mail.to().contains(RECIPIENT)) {
            wrong.add("To is " + mail.to() + ", expected " + RECIPIENT);
        }
        if (!SUBJECT.equals(mail.subject())) {
            wrong.add("Subject is '" + mail.subject() + "', expected '" + SUBJECT + "'");
        }
        if (mail.attachments().stream().noneMatch(a -> a.name().equals(ATTACHMENT)
                && a.bytes() == ATTACHMENT_CONTENT.length())) {
            wrong.add("attachment " + ATTACHMENT + " (" + ATTACHMENT_CONTENT.length() + " bytes) is missing");
        }
        if (!mail.body().contains("Boiler 7 flow temperature")) {
            wrong.add("the body is not the alarm text");
        }
        if (!wrong.isEmpty()) {
            throw new GatewayException("the mail arrived changed: " + String.join("; ", wrong));
        }
    }

    /** Quotes an argument for the Gogo parser; the demo's texts hold no quote or backslash. */
    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
