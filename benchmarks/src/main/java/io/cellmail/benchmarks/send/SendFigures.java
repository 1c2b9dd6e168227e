/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.send;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import io.cellmail.api.MailMessage;
import io.cellmail.benchmarks.Figure;
import io.cellmail.benchmarks.Format;
import io.cellmail.benchmarks.Report;
import io.cellmail.benchmarks.RunOptions;
import io.cellmail.benchmarks.Stats;
import io.cellmail.benchmarks.outbox.Outboxes;
import io.cellmail.benchmarks.stack.CellmailSender;
import io.cellmail.benchmarks.stack.MailRun;
import io.cellmail.benchmarks.stack.NaiveSender;
import io.cellmail.benchmarks.stack.SendStack;

/**
 * Items 2 and 3 from the same mails on the same emulated module: cellmail sends mail (a) several times on a fresh
 * stack (the first mail includes bringing the modem up), then mail (b) on another fresh stack; then the naive
 * driver sends (a) twice and (b) once on the same module. Each mail is timed from {@code send} to its confirmed
 * delivery, its bytes counted at the serial link, its AT commands counted by the module.
 */
public final class SendFigures {

    /** Item 2's target: host overhead at most this share of the end-to-end time of mail (b). */
    public static final double OVERHEAD_TARGET = 0.02;
    /** Mail (b) on the GSM module before attachments could end by length (issue 13's reference), in seconds. */
    public static final double MAIL_B_BEFORE_LENGTH_ENDING = 34.4;
    /** Item 2c's target: at least this share less time than {@link #MAIL_B_BEFORE_LENGTH_ENDING}. */
    public static final double LENGTH_ENDING_SAVING_TARGET = 0.40;
    /** Item 2d's target: mail (b) on the LTE module within this factor of its line time plus the module's send. */
    public static final double LTE_WIRE_FACTOR_TARGET = 1.2;
    /** Item 3's target: steady-state round trips of mail (a). */
    public static final int ROUND_TRIP_TARGET = 5;
    /** Item 3's target: the naive driver needs at least this many times as many round trips. */
    public static final double NAIVE_FACTOR_TARGET = 2;

    /**
     * The mails of one case on one sender.
     *
     * @param first the first mail of the sender
     * @param steady the later mails
     */
    record Case(MailRun first, List<MailRun> steady) {

        double medianSeconds() {
            return Stats.median(steady.stream().mapToDouble(MailRun::seconds).toArray());
        }

        double medianRoundTrips() {
            return Stats.median(steady.stream().mapToDouble(MailRun::roundTrips).toArray());
        }

        String steadyRoundTrips() {
            int min = steady.stream().mapToInt(MailRun::roundTrips).min().orElse(0);
            int max = steady.stream().mapToInt(MailRun::roundTrips).max().orElse(0);
            return min == max ? String.valueOf(min) : min + "–" + max;
        }
    }

    private SendFigures() {
    }

    /**
     * @param options the run's settings
     * @param report where the figures go
     * @throws Exception when a mail fails
     */
    public static void run(RunOptions options, Report report) throws Exception {
        Case alarm;
        Case large;
        Case naiveAlarm;
        MailRun naiveLarge;
        try (SendStack stack = SendStack.start(options)) {
            alarm = cellmail(stack, options, "(a)", options.mails()::alarm, options.alarmMails());
            large = cellmail(stack, options, "(b)", options.mails()::large, options.largeMails());
            stack.begin();
            try (NaiveSender naive = stack.naive()) {
                MailMessage first = options.mails().alarm(1000);
                MailRun naiveFirst = stack.measure("naive (a) first", () -> {
                    naive.send(first);
                    return null;
                });
                stack.begin();
                MailMessage second = options.mails().alarm(1001);
                MailRun naiveSecond = stack.measure("naive (a) #1", () -> {
                    naive.send(second);
                    return null;
                });
                naiveAlarm = new Case(naiveFirst, List.of(naiveSecond));
                stack.begin();
                MailMessage report7 = options.mails().large(1000);
                naiveLarge = stack.measure("naive (b) #1", () -> {
                    naive.send(report7);
                    return null;
                });
            }
        }
        check(alarm, 1, 0);
        check(large, options.mails().largeRecipients(), options.mails().largeAttachments());
        endToEnd(options, report, alarm, large);
        roundTrips(report, alarm, large, naiveAlarm, naiveLarge, options.naiveDelay());
    }

    /**
     * Item 2c: mail (b) as in item 2b, same wire model, on a GSM module that ends each attachment upload by itself
     * at its announced size (issue 13): the driver sends no {@code +++} after an attachment that the module answered
     * in the guard silence.
     *
     * @param options the run's settings
     * @param report where the figure goes
     * @throws Exception when a mail fails
     */
    public static void runLengthEnded(RunOptions options, Report report) throws Exception {
        Case large;
        try (SendStack stack = SendStack.start(options, true)) {
            large = cellmail(stack, options, "(b) length-ended", options.mails()::large, options.largeMails());
        }
        check(large, options.mails().largeRecipients(), options.mails().largeAttachments());
        WireModel b = medianModel(large, options);
        double saving = 1 - b.measured() / MAIL_B_BEFORE_LENGTH_ENDING;
        report.add(new Figure("2c", "End-to-end send of mail (b) on a GSM module that ends attachments at their "
                + "size (median of " + large.steady().size() + ")", Format.seconds(b.measured()), modelText(b)
                + "; before: " + MAIL_B_BEFORE_LENGTH_ENDING + " s", Format.percent(saving) + " less; "
                + overheadText(b), "≥ 40 % less than " + MAIL_B_BEFORE_LENGTH_ENDING + " s",
                Figure.Verdict.of(saving >= LENGTH_ENDING_SAVING_TARGET)));
        List<MailRun> all = new ArrayList<>();
        all.add(large.first());
        all.addAll(large.steady());
        report.detail("2c. Mail (b), attachments ended by length", String.format(Locale.ROOT, """
                The emulated M95 with attachmentsEndByLength: an attachment upload ends by itself once its announced
                size came, answered +QSMTPATT: <n> and OK in the host's guard silence, so the host sends no +++ after
                it and waits no guard time; the body still ends with +++. Same line, latency, guard times and model
                as item 2 ("Guards" counts the +++ actually sent).

                | Mail | Measured | Bytes to / from modem | Line | Latency | Guards | Module send | Overhead (after uploads) | Share |
                |---|---|---|---|---|---|---|---|---|
                %s""", rows(all, options)));
    }

    /**
     * Item 2d: mail (b) on an emulated LTE EG25-G in the LTE dialect: a body and attachments that end by their
     * length (no guard time, no {@code +++}), attachments uploaded as RAM files and deleted after the send.
     *
     * @param options line rate, latency and guard times
     * @param report where the figure goes
     * @throws Exception when a mail is not delivered
     */
    public static void runLte(RunOptions options, Report report) throws Exception {
        Case large;
        try (SendStack stack = SendStack.startLte(options)) {
            large = cellmail(stack, options, "(b) LTE", options.mails()::large, options.largeMails());
        }
        check(large, options.mails().largeRecipients(), options.mails().largeAttachments());
        WireModel b = medianModel(large, options);
        double wire = b.line() + b.moduleSend();
        double factor = b.measured() / wire;
        report.add(new Figure("2d", "End-to-end send of mail (b) on an LTE module, LTE dialect (median of "
                + large.steady().size() + ")", Format.seconds(b.measured()), modelText(b),
                String.format(Locale.ROOT, "%.2f × line + module send; ", factor) + overheadText(b),
                "overhead ≤ 2 %, ≤ " + LTE_WIRE_FACTOR_TARGET + " × line + module send",
                Figure.Verdict.of(b.overheadShare() <= OVERHEAD_TARGET && factor <= LTE_WIRE_FACTOR_TARGET)));
        List<MailRun> all = new ArrayList<>();
        all.add(large.first());
        all.addAll(large.steady());
        report.detail("2d. Mail (b) on the LTE dialect", String.format(Locale.ROOT, """
                The emulated EG25-G in the LTE dialect: the body (AT+QSMTPBODY) and each attachment (AT+QFUPL to a RAM
                file, then AT+QSMTPATT) end by their length, so no +++ and no guard time; the RAM files are deleted
                after the send. Same line, latency and model as item 2; "Module send" is from the OK of AT+QSMTPPUT
                to its +QSMTPPUT: <err>,<protocol_error>.

                | Mail | Measured | Bytes to / from modem | Line | Latency | Guards | Module send | Overhead (after uploads) | Share |
                |---|---|---|---|---|---|---|---|---|
                %s""", rows(all, options)));
    }

    private static Case cellmail(SendStack stack, RunOptions options, String name, IntFunction<MailMessage> mails,
            int count) throws Exception {
        Path outbox = Files.createTempDirectory(Files.createDirectories(options.workDirectory()), "send-");
        try {
            stack.begin();
            try (CellmailSender cellmail = stack.cellmail(outbox)) {
                MailMessage firstMail = mails.apply(0);
                MailRun first = stack.measure("cellmail " + name + " first", () -> cellmail.send(firstMail));
                List<MailRun> steady = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    MailMessage mail = mails.apply(i);
                    stack.begin();
                    steady.add(stack.measure("cellmail " + name + " #" + i, () -> cellmail.send(mail)));
                }
                return new Case(first, steady);
            }
        } finally {
            Outboxes.delete(outbox);
        }
    }

    /** A delivered mail that lost recipients or attachments would make every figure meaningless. */
    private static void check(Case mails, int recipients, int attachments) {
        List<MailRun> all = new ArrayList<>(mails.steady());
        all.add(mails.first());
        for (MailRun run : all) {
            if (run.smtp().recipients() != recipients || run.smtp().attachments() != attachments) {
                throw new IllegalStateException(run.label() + " reached the SMTP server with "
                        + run.smtp().recipients() + " recipients and " + run.smtp().attachments()
                        + " attachments; expected " + recipients + " and " + attachments);
            }
        }
    }

    private static void endToEnd(RunOptions options, Report report, Case alarm, Case large) {
        WireModel a = medianModel(alarm, options);
        WireModel b = medianModel(large, options);
        report.add(new Figure("2a", "End-to-end send of mail (a), 1 KB alarm, 1 recipient (median of "
                + alarm.steady().size() + ")", Format.seconds(a.measured()), modelText(a), overheadText(a), "",
                Figure.Verdict.INFO));
        report.add(new Figure("2b", "End-to-end send of mail (b), 10 KB body, 10 × 10 KB attachments, 20 "
                + "recipients (median of " + large.steady().size() + ")", Format.seconds(b.measured()),
                modelText(b), overheadText(b), "overhead ≤ 2 %", Figure.Verdict.of(b.overheadShare()
                        <= OVERHEAD_TARGET)));
        List<MailRun> all = new ArrayList<>();
        all.add(alarm.first());
        all.addAll(alarm.steady());
        all.add(large.first());
        all.addAll(large.steady());
        report.detail("2. End-to-end send time", String.format(Locale.ROOT, """
                Model: overhead = measured − line − module, where line = (bytes to the modem + bytes from the modem)
                ÷ %s bytes/s (the conversation takes turns, so the two directions add up), and module = AT
                commands × latency + uploads × 2 guard times + the module's send (from the OK of AT+QSMTPPUT to its
                result: composing the mail and the SMTP transaction, of which the server itself saw the part in
                brackets). In brackets after the overhead: the part of it spent after upload results, measured
                at the link — from the later of the result line and the end of the guard time after +++ to the
                host's next command. The first mail of each case includes starting the engine, initialising the
                modem and checking the radio, and is not part of the medians.

                | Mail | Measured | Bytes to / from modem | Line | Latency | Guards | Module send | Overhead (after uploads) | Share |
                |---|---|---|---|---|---|---|---|---|
                %s""", Format.count((long) options.lineBytesPerSecond()), rows(all, options)));
    }

    /** @return one row of the item 2 tables per mail */
    private static String rows(List<MailRun> all, RunOptions options) {
        StringBuilder rows = new StringBuilder();
        for (MailRun run : all) {
            WireModel m = WireModel.of(run, options);
            rows.append(String.format(Locale.ROOT, "| %s | %s | %,d / %,d | %s | %d × %d ms = %s | %d × 2 × %d ms = %s "
                    + "| %s (server %s) | %s (%s) | %s |%n", run.label(), Format.seconds(m.measured()),
                    run.wire().toModem(), run.wire().fromModem(), Format.seconds(m.line()), run.roundTrips(),
                    options.commandLatency().toMillis(), Format.seconds(m.latency()), run.wire().escapes(),
                    options.hostGuard().toMillis(), Format.seconds(m.guards()), Format.seconds(m.moduleSend()),
                    Format.seconds(m.smtpServer()), Format.seconds(m.overhead()), Format.seconds(m.afterUploads()),
                    Format.percent(m.overheadShare())));
        }
        return rows.toString();
    }

    private static WireModel medianModel(Case mails, RunOptions options) {
        List<WireModel> models = mails.steady().stream().map(r -> WireModel.of(r, options)).toList();
        double[] measured = models.stream().mapToDouble(WireModel::measured).toArray();
        double median = Stats.median(measured);
        // the mail whose time is closest to the median stands for the case, with its own breakdown
        return models.stream().min((x, y) -> Double.compare(Math.abs(x.measured() - median),
                Math.abs(y.measured() - median))).orElseThrow();
    }

    private static String modelText(WireModel m) {
        return "line " + Format.seconds(m.line()) + " + module " + Format.seconds(m.module());
    }

    private static String overheadText(WireModel m) {
        double rest = m.overhead() - m.afterUploads();
        return "host overhead " + Format.millis(m.overhead() * 1000) + " = " + Format.percent(m.overheadShare())
                + ": " + Format.millis(m.afterUploads() * 1000) + " waiting after upload results, the rest "
                + Format.millis(rest * 1000) + " = " + Format.percent(rest / m.measured());
    }

    private static void roundTrips(Report report, Case alarm, Case large, Case naiveAlarm, MailRun naiveLarge,
            Duration naiveDelay) {
        double cellmail = alarm.medianRoundTrips();
        double naive = naiveAlarm.medianRoundTrips();
        boolean met = cellmail <= ROUND_TRIP_TARGET && naive / cellmail >= NAIVE_FACTOR_TARGET;
        report.add(new Figure("3a", "AT round trips per mail, steady state, mail (a)", "cellmail "
                + alarm.steadyRoundTrips(), "naive driver " + naiveAlarm.steadyRoundTrips(), Format.times(naive
                        / cellmail) + " fewer", "≤ 5 and ≥ 2× fewer", Figure.Verdict.of(met)));
        report.add(new Figure("3b", "AT round trips, first mail (a) (engine start, modem init, radio check "
                + "included)", "cellmail " + alarm.first().roundTrips(), "naive driver "
                + naiveAlarm.first().roundTrips(), Format.times((double) naiveAlarm.first().roundTrips()
                        / alarm.first().roundTrips()) + " (naive ÷ cellmail)", "", Figure.Verdict.INFO));
        report.add(new Figure("3c", "AT round trips per mail, steady state, mail (b)", "cellmail "
                + large.steadyRoundTrips(), "naive driver " + naiveLarge.roundTrips(), Format.times(
                        naiveLarge.roundTrips() / large.medianRoundTrips()) + " fewer", "", Figure.Verdict.INFO));
        report.add(new Figure("3d", "AT round trips, first mail (b) on a new driver (the module still holds mail "
                + "(a)'s settings)", "cellmail " + large.first().roundTrips(), "", "", "", Figure.Verdict.INFO));
        report.detail("3. Round trips per mail", String.format(Locale.ROOT, """
                Counted by the emulated module: every command line it received while the mail was being sent. The
                naive driver runs on cellmail's AT engine (see NaiveSender), so both pay the same per-command cost;
                it also pauses %d ms after each command, as the Arduino libraries do. Time per mail, same module:
                mail (a) cellmail %s, naive %s; mail (b) cellmail %s, naive %s.

                Steady-state mail (a), cellmail:
                ```
                %s
                ```
                Steady-state mail (a), naive driver:
                ```
                %s
                ```
                First mail (a), cellmail:
                ```
                %s
                ```
                """, naiveDelay.toMillis(), Format.seconds(alarm.medianSeconds()),
                Format.seconds(naiveAlarm.medianSeconds()), Format.seconds(large.medianSeconds()),
                Format.seconds(naiveLarge.seconds()), String.join("\n", alarm.steady().get(0).commands()),
                String.join("\n", naiveAlarm.steady().get(0).commands()), String.join("\n",
                        alarm.first().commands())));
    }
}
