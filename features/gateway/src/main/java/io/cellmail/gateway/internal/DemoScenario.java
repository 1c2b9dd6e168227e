package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
            ReceivedMail mail = awaitDelivery();
            out.println();
            out.println("== The SMTP server received:");
            mail.describe().forEach(line -> out.println("  " + line));
            check(mail);
            out.println();
            out.println("== AT transcript (passwords masked), from the console:");
            String command = "cellmail:transcript " + TRANSCRIPT_LINES;
            out.println("g! " + command);
            out.println(console.execute(command));
        }
        out.println();
        out.println("cellmail demo: OK");
        return 0;
    }

    private void send(GogoConsole console) throws GatewayException, IOException {
        Path attachment = Files.createDirectories(workDirectory).resolve(ATTACHMENT);
        Files.writeString(attachment, ATTACHMENT_CONTENT, StandardCharsets.US_ASCII);
        String command = "cellmail:send --to " + RECIPIENT + " --subject " + quoted(SUBJECT) + " --attach "
                + quoted(attachment.toString()) + " " + quoted(BODY);
        out.println();
        out.println("== Sending an alarm mail at the console:");
        out.println("g! " + command);
        out.println(console.execute(command));
    }

    private ReceivedMail awaitDelivery() throws GatewayException {
        if (!smtp.awaitMails(1, deadline.remaining())) {
            throw new GatewayException("no mail reached the SMTP server on " + smtp.route() + " within "
                    + deadline.total().toSeconds() + " s of the start (see the console output above)");
        }
        return smtp.received().get(0);
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
