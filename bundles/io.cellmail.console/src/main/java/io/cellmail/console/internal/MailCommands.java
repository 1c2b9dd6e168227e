/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.serial.SecretText;
import io.cellmail.service.CellularMailAdmin;

/**
 * The {@code cellmail:} commands of the Gogo console: {@code send}, {@code sms}, {@code status}, {@code queue},
 * {@code probe} and {@code transcript}. Each writes its answer to the session's output (see {@link SessionOutput});
 * a wrong call writes what was wrong and the usage. Nothing here ever prints a password: the commands show statuses, ids, codes
 * and the (masked) AT transcript, never a configuration.
 */
@Component(service = MailCommands.class, property = {
    "osgi.command.scope=cellmail",
    "osgi.command.function=send",
    "osgi.command.function=sms",
    "osgi.command.function=status",
    "osgi.command.function=queue",
    "osgi.command.function=probe",
    "osgi.command.function=transcript" })
@Descriptor("cellmail: e-mail through a cellular modem")
public final class MailCommands {

    static final String SEND_USAGE = """
            usage: cellmail:send [options] <to> <subject> <body>
              <to>                 recipients, comma-separated
              -s, --service NAME   the mail service to use, when there are several
              --cc LIST            Cc recipients, comma-separated
              --bcc LIST           Bcc recipients, comma-separated
              -a, --attach FILES   files to attach, comma-separated paths
              -p, --priority P     low, normal (default), high or urgent
              --id ID              the mail's id (letters, digits, . _ -), to follow it or to send only once
              -w, --wait SECONDS   how long to wait for the outcome (default 60)
              --nowait             print the id once the mail is queued, do not wait
            example: cellmail:send --cc ops@example.com alarm@example.com "Pump 3" "Pressure 7.9 bar"
            """;
    static final String SMS_USAGE = """
            usage: cellmail:sms [options] <number> <text>
              <number>             in quotes: "+", country code and number (E.164), or the digits the network
                                   dials (unquoted, the console drops the + and leading zeros of a number)
              -s, --service NAME   the mail service whose modem sends it, when there are several
              --id ID              the SMS's id (letters, digits, . _ -), to send it only once
              -w, --wait SECONDS   how long to wait for the outcome (default 60)
              --nowait             print the id once the SMS is queued, do not wait
            example: cellmail:sms "+41791234567" "Pump 3 pressure high, 7.9 bar"
            """;
    static final String QUEUE_USAGE = """
            usage: cellmail:queue [-s NAME]                 list the mails waiting
                   cellmail:queue [-s NAME] retry <id>      try a waiting mail now
                   cellmail:queue [-s NAME] cancel <id>     cancel a mail that is not being sent
            """;
    static final int DEFAULT_WAIT_SECONDS = 60;
    static final int DEFAULT_TRANSCRIPT_LINES = 50;

    private final MailServices services = new MailServices();
    private final SessionOutput sessionOutput;

    /** The commands as the console runs them: they write to the session's output. */
    public MailCommands() {
        this(new SessionOutput());
    }

    MailCommands(SessionOutput sessionOutput) {
        this.sessionOutput = sessionOutput;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMailService(CellularMailService service, Map<String, Object> properties) {
        services.addService(properties, service);
    }

    void unbindMailService(CellularMailService service, Map<String, Object> properties) {
        services.removeService(properties, service);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCellularMailAdmin(CellularMailAdmin admin, Map<String, Object> properties) {
        services.addAdmin(properties, admin);
    }

    void unbindCellularMailAdmin(CellularMailAdmin admin, Map<String, Object> properties) {
        services.removeAdmin(properties, admin);
    }

    /** Writes the usage of {@code send} */
    @Descriptor("show how to send a mail")
    public void send() {
        sessionOutput.write(() -> SEND_USAGE);
    }

    /**
     * Sends a mail and waits, bounded, for the outcome.
     *
     * Writes the receipt, the failure with its code and meaning, or the id when the outcome is not known yet.
     */
    @Descriptor("send a mail and wait for the outcome")
    public void send(
            @Descriptor("the mail service to use, when there are several")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service,
            @Descriptor("Cc recipients, comma-separated")
            @Parameter(names = "--cc", absentValue = "") String cc,
            @Descriptor("Bcc recipients, comma-separated")
            @Parameter(names = "--bcc", absentValue = "") String bcc,
            @Descriptor("files to attach, comma-separated paths")
            @Parameter(names = { "-a", "--attach" }, absentValue = "") String attach,
            @Descriptor("low, normal, high or urgent")
            @Parameter(names = { "-p", "--priority" }, absentValue = "normal") String priority,
            @Descriptor("the mail's id, to follow it or to send it only once")
            @Parameter(names = "--id", absentValue = "") String id,
            @Descriptor("seconds to wait for the outcome")
            @Parameter(names = { "-w", "--wait" }, absentValue = "" + DEFAULT_WAIT_SECONDS) int waitSeconds,
            @Descriptor("print the id once the mail is queued, do not wait")
            @Parameter(names = "--nowait", presentValue = "true", absentValue = "false") boolean noWait,
            @Descriptor("recipients, comma-separated") String to,
            @Descriptor("the subject") String subject,
            @Descriptor("the text body") String body) {
        sessionOutput.write(() -> {
            try {
                MailServices.Entry entry = services.one(service);
                MailMessage message = MailRequest.build(to, cc, bcc, subject, body, attach, priority, id);
                return send(entry, message, noWait ? Duration.ZERO : Duration.ofSeconds(Math.max(0, waitSeconds)));
            } catch (UsageException e) {
                return "cellmail:send: " + e.getMessage() + "\n" + SEND_USAGE;
            }
        });
    }

    private static String send(MailServices.Entry entry, MailMessage message, Duration wait) {
        CompletionStage<DeliveryReceipt> stage;
        try {
            stage = entry.service().send(message);
        } catch (MailException e) {
            return "Refused by " + entry.name() + ": " + ConsoleText.failure(e) + "\n";
        }
        return Outcome.await(stage, wait, message.id(), entry.name(), receipt -> "Sent " + receipt.messageId() + " on "
                + entry.name() + " at " + ConsoleText.time(receipt.sentAt()) + " after "
                + Outcome.attempts(receipt.attempts()));
    }

    /** Writes the usage of {@code sms} */
    @Descriptor("show how to send an SMS")
    public void sms() {
        sessionOutput.write(() -> SMS_USAGE);
    }

    /**
     * Sends an SMS through a service's modem and waits, bounded, for the outcome.
     *
     * Writes the parts and the network's message references, the failure with its code and meaning, or the id when
     * the outcome is not known yet.
     */
    @Descriptor("send an SMS through the modem and wait for the outcome")
    public void sms(
            @Descriptor("the mail service whose modem sends it, when there are several")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service,
            @Descriptor("the SMS's id, to send it only once")
            @Parameter(names = "--id", absentValue = "") String id,
            @Descriptor("seconds to wait for the outcome")
            @Parameter(names = { "-w", "--wait" }, absentValue = "" + DEFAULT_WAIT_SECONDS) int waitSeconds,
            @Descriptor("print the id once the SMS is queued, do not wait")
            @Parameter(names = "--nowait", presentValue = "true", absentValue = "false") boolean noWait,
            @Descriptor("the number in quotes: +, country code and number, or the digits the network dials")
            Object number,
            @Descriptor("the text") String text) {
        sessionOutput.write(() -> {
            try {
                MailServices.Entry entry = services.one(service);
                SmsMessage message = smsMessage(id, number, text);
                return sms(entry, message, noWait ? Duration.ZERO : Duration.ofSeconds(Math.max(0, waitSeconds)));
            } catch (UsageException e) {
                return "cellmail:sms: " + e.getMessage() + "\n" + SMS_USAGE;
            }
        });
    }

    /**
     * Gogo turns an unquoted word that reads as a number into a number before a command sees it: {@code +41791234567}
     * would arrive as 41791234567 and {@code 0791234567} as 791234567, another destination. Only a quoted number
     * keeps every character, so anything else is refused.
     */
    private static SmsMessage smsMessage(String id, Object number, String text) throws UsageException {
        if (!(number instanceof CharSequence)) {
            throw new UsageException("put the number in quotes (\"+41791234567\"): the console reads an unquoted "
                    + "number as a value and drops its + and leading zeros");
        }
        try {
            return id.isEmpty() ? SmsMessage.to(number.toString(), text)
                    : new SmsMessage(id, number.toString(), text);
        } catch (MailException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String sms(MailServices.Entry entry, SmsMessage message, Duration wait) {
        CompletionStage<SmsDelivery> stage;
        try {
            stage = entry.service().sendSms(message);
        } catch (MailException e) {
            return "Refused by " + entry.name() + ": " + ConsoleText.failure(e) + "\n";
        }
        return Outcome.await(stage, wait, message.id(), entry.name(), delivery -> "Sent SMS " + delivery.id()
                + " on " + entry.name() + " to " + delivery.number() + " at " + ConsoleText.time(delivery.sentAt())
                + ": " + delivery.parts() + (delivery.parts() == 1 ? " part" : " parts") + ", message references "
                + delivery.messageReferences() + ", after " + Outcome.attempts(delivery.attempts()));
    }

    /**
     * Writes one block per service: modem, registration, signal, queue depth, last error, SMTP security, counters,
     * warnings, problem
     */
    @Descriptor("show each mail service: modem, network, signal, queue and last error")
    public void status(
            @Descriptor("show only this service")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service) {
        sessionOutput.write(() -> {
            try {
                StringBuilder out = new StringBuilder();
                for (MailServices.Entry entry : services.select(service)) {
                    out.append(ConsoleText.status(entry.service().serviceStatus(),
                            entry.admin().map(CellularMailAdmin::counters),
                            entry.admin().flatMap(CellularMailAdmin::smtpSecurity),
                            entry.admin().flatMap(CellularMailAdmin::configurationProblem)));
                }
                return out.toString();
            } catch (UsageException e) {
                return "cellmail:status: " + e.getMessage() + "\n";
            }
        });
    }

    /** Writes the waiting mails of each service */
    @Descriptor("list the mails and SMS waiting in the outbox")
    public void queue(
            @Descriptor("show only this service")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service) {
        sessionOutput.write(() -> {
            try {
                StringBuilder out = new StringBuilder();
                for (MailServices.Entry entry : services.select(service)) {
                    CellularMailAdmin admin = admin(entry);
                    out.append(ConsoleText.queue(entry.name(), admin.queue()));
                    out.append(ConsoleText.smsQueue(entry.name(), admin.smsQueue()));
                }
                return out.toString();
            } catch (UsageException e) {
                return "cellmail:queue: " + e.getMessage() + "\n" + QUEUE_USAGE;
            }
        });
    }

    /** Writes what became of the mail */
    @Descriptor("retry a waiting mail now, or cancel one")
    public void queue(
            @Descriptor("the service holding the mail; by default the one that knows the id")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service,
            @Descriptor("retry or cancel") String action,
            @Descriptor("the mail's id") String id) {
        sessionOutput.write(() -> {
            try {
                MailServices.Entry entry = holderOf(service, id);
                switch (action) {
                    case "retry":
                        return admin(entry).retryNow(id) ? id + " is due now on " + entry.name() + "\n"
                                : id + " cannot be retried on " + entry.name()
                                        + ": it is unknown there, being sent or already final\n";
                    case "cancel":
                        return entry.service().cancel(id) ? id + " cancelled on " + entry.name() + "\n"
                                : id + " cannot be cancelled on " + entry.name()
                                        + ": it is unknown there, being sent or already final\n";
                    default:
                        throw new UsageException("unknown action '" + action + "'");
                }
            } catch (UsageException e) {
                return "cellmail:queue: " + e.getMessage() + "\n" + QUEUE_USAGE;
            }
        });
    }

    /** Writes the modem's answers to ATI, AT+CPIN?, AT+CREG?, AT+CSQ and AT+CGATT? */
    @Descriptor("ask the modem what it is, about its SIM, network, signal and GPRS")
    public void probe(
            @Descriptor("the service whose modem to ask, when there are several")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service) {
        sessionOutput.write(() -> {
            try {
                MailServices.Entry entry = services.one(service);
                return ConsoleText.probe(entry.name(), admin(entry).probe());
            } catch (UsageException e) {
                return "cellmail:probe: " + e.getMessage() + "\n";
            } catch (MailException e) {
                return "cellmail:probe: " + ConsoleText.failure(e) + "\n";
            }
        });
    }

    /** Writes the last AT lines exchanged with the modem, passwords masked */
    @Descriptor("show the recent AT conversation with the modem, passwords masked")
    public void transcript(
            @Descriptor("the service whose modem to show, when there are several")
            @Parameter(names = { "-s", "--service" }, absentValue = "") String service,
            @Descriptor("how many lines, from the end")
            @Parameter(names = { "-n", "--lines" }, absentValue = "" + DEFAULT_TRANSCRIPT_LINES) int lines) {
        sessionOutput.write(() -> {
            try {
                MailServices.Entry entry = services.one(service);
                List<String> transcript = admin(entry).transcript(Math.max(1, lines));
                if (transcript.isEmpty()) {
                    return entry.name() + ": no AT transcript (the modem was not talked to yet, or the dialect keeps "
                            + "none)\n";
                }
                StringBuilder out = new StringBuilder();
                transcript.forEach(line -> out.append(SecretText.mask(line)).append('\n'));
                return out.toString();
            } catch (UsageException e) {
                return "cellmail:transcript: " + e.getMessage() + "\n";
            }
        });
    }

    /** @return the named service, or the one whose outbox knows the mail */
    private MailServices.Entry holderOf(String service, String id) throws UsageException {
        List<MailServices.Entry> candidates = services.select(service);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (MailServices.Entry entry : candidates) {
            if (entry.service().status(id).filter(s -> !s.state().isFinal()).isPresent()) {
                return entry;
            }
        }
        throw new UsageException("no mail service has a waiting mail " + id);
    }

    private static CellularMailAdmin admin(MailServices.Entry entry) throws UsageException {
        return entry.admin().orElseThrow(() -> new UsageException("the mail service " + entry.name()
                + " offers no administration (it registered no CellularMailAdmin)"));
    }
}
