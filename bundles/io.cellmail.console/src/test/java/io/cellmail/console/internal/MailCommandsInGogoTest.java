/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.Priority;
import io.cellmail.api.RecipientType;
import io.cellmail.api.SmsMessage;

/**
 * The command lines an operator types, parsed by the Gogo runtime itself: options before the arguments, quoting,
 * overloads chosen by the number of arguments. Runs Gogo's command processor without a framework.
 */
class MailCommandsInGogoTest {

    private final MailCommands commands = new MailCommands();
    private final FakeMailService modem = new FakeMailService("modem1");
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private CommandSession session;

    @BeforeEach
    void startGogo() {
        Map<String, Object> properties = Map.of(CellularMailService.NAME_PROPERTY, "modem1");
        commands.bindMailService(modem, properties);
        commands.bindCellularMailAdmin(modem, properties);
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        for (String function : new String[] { "send", "sms", "status", "queue", "probe", "transcript" }) {
            processor.addCommand("cellmail", commands, function);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), output,
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stopGogo() {
        session.close();
        threadIo.stop();
    }

    @Test
    void shouldParseOptionsAndQuotedArgumentsOfSend() throws Exception {
        String out = run("cellmail:send --cc boss@example.com --priority high --id alarm-7 --nowait "
                + "ops@example.com,duty@example.com \"Pump 3 pressure high\" \"Pressure 7.9 bar at 14:02\"");

        assertThat(out).isEqualTo("Queued as alarm-7 on modem1\n");
        MailMessage mail = modem.sent.get(0);
        assertThat(mail.recipients(RecipientType.TO)).containsExactly("ops@example.com", "duty@example.com");
        assertThat(mail.recipients(RecipientType.CC)).containsExactly("boss@example.com");
        assertThat(mail.subject()).isEqualTo("Pump 3 pressure high");
        assertThat(mail.body()).isEqualTo("Pressure 7.9 bar at 14:02");
        assertThat(mail.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void shouldWaitForTheOutcomeUnlessToldNotTo() throws Exception {
        String out = run("cellmail:send -w 5 ops@example.com subject body");

        assertThat(out).startsWith("Sent ").endsWith(" after 1 attempt\n");
    }

    @Test
    void shouldParseOptionsAndQuotedTextOfSms() throws Exception {
        String out = run("cellmail:sms --id sms-7 -w 5 \"+41791234567\" \"Pump 3 pressure high, 7.9 bar\"");

        assertThat(out).startsWith("Sent SMS sms-7 on modem1 to +41791234567 at ");
        assertThat(modem.smsSent).extracting(SmsMessage::text).containsExactly("Pump 3 pressure high, 7.9 bar");
        assertThat(run("cellmail:sms")).isEqualTo(MailCommands.SMS_USAGE);
    }

    @Test
    void shouldRefuseAnUnquotedNumberWhosePlusAndLeadingZerosTheConsoleDrops() throws Exception {
        assertThat(run("cellmail:sms +41791234567 alarm")).startsWith("cellmail:sms: put the number in quotes");
        assertThat(run("cellmail:sms 0791234567 alarm")).startsWith("cellmail:sms: put the number in quotes");
        assertThat(modem.smsSent).isEmpty();
        assertThat(run("cellmail:sms '0791234567' alarm")).startsWith("Sent SMS ");
        assertThat(modem.smsSent).extracting(SmsMessage::number).containsExactly("0791234567");
    }

    @Test
    void shouldShowTheUsageOfSendWithoutArguments() throws Exception {
        assertThat(run("cellmail:send")).isEqualTo(MailCommands.SEND_USAGE);
    }

    @Test
    void shouldRunTheOtherCommandsWithAndWithoutOptions() throws Exception {
        modem.waiting("m-1", MessageState.RETRY_WAIT, 1, null);

        assertThat(run("cellmail:status")).startsWith("modem1\n  modem         READY");
        assertThat(run("cellmail:status --service modem1")).startsWith("modem1\n");
        assertThat(run("cellmail:queue")).startsWith("modem1: 1 mail\n");
        assertThat(run("cellmail:queue retry m-1")).isEqualTo("m-1 is due now on modem1\n");
        assertThat(run("cellmail:queue -s modem1 cancel m-1")).isEqualTo("m-1 cancelled on modem1\n");
        assertThat(run("cellmail:probe")).contains("SIM           READY");
        assertThat(run("cellmail:transcript -n 5")).startsWith("modem1: no AT transcript");
    }

    /**
     * Runs a command line as the console does and returns what it wrote to the session's output. The command must
     * return nothing: Gogo prints a returned value after the command's own output, so the answer would appear twice.
     */
    private String run(String commandLine) throws Exception {
        output.reset();
        Object returned = session.execute(commandLine);
        assertThat(returned).as("returned by " + commandLine + " (printed a second time)").isNull();
        return output.toString(StandardCharsets.UTF_8);
    }
}
