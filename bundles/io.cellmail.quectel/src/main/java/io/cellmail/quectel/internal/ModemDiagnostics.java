/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.cellmail.api.MailException;
import io.cellmail.api.Registration;
import io.cellmail.at.AtChannel;
import io.cellmail.at.InfoLine;
import io.cellmail.at.Transcript;
import io.cellmail.quectel.internal.ModemSession.Reply;
import io.cellmail.service.spi.ModemProbe;

/**
 * The diagnostic questions every Quectel module answers ({@code ATI}, {@code AT+CPIN?}, {@code AT+CREG?},
 * {@code AT+CGATT?}, {@code AT+CSQ}) and the transcript's format: the GSM mailer's {@code probe()} and
 * {@code transcript()}, and the same for an engine the {@code auto} dialect holds while no dialect's mailer does.
 */
public final class ModemDiagnostics {

    private ModemDiagnostics() {
    }

    /**
     * Asks an engine that accepts commands; enters no PIN.
     *
     * @param channel the engine
     * @param within how long the questions may take in all
     * @return the answers
     * @throws MailException {@code MODEM_TIMEOUT} or {@code MODEM_UNAVAILABLE} when the modem does not answer
     */
    public static ModemProbe probe(AtChannel channel, Duration within) {
        // no PIN: a probe only reports what the SIM asks for
        return probe(new ModemSession(channel, OptionalLong.empty(), Deadline.after(within)),
                new SimUnlock("", "", new RejectedPins()));
    }

    /**
     * @param session the work the questions belong to
     * @param unlock tells what a SIM that is not ready means for the registration
     * @return the answers
     */
    static ModemProbe probe(ModemSession session, SimUnlock unlock) {
        List<String> identity = session.run(Commands.identity()).infoLines().stream().map(InfoLine::line).toList();
        String sim = RadioCheck.sim(session.attempt(Commands.simStatus()));
        Registration registration = RadioCheck.registration(session.attempt(Commands.registration()));
        Reply attachment = session.attempt(Commands.gprsAttachment());
        Reply signal = session.attempt(Commands.signal());
        return new ModemProbe(identity, sim, RadioStatus.SIM_READY.equals(sim) ? registration
                : unlock.registrationOf(sim), RadioCheck.signal(signal), RadioCheck.attached(attachment));
    }

    /**
     * @param transcript an engine's transcript, secrets already masked
     * @param lastLines how many lines at most, from the end
     * @return the lines as {@code ModemMailer.transcript} gives them, oldest first
     */
    public static List<String> transcript(Transcript transcript, int lastLines) {
        return TranscriptFormat.lastLines(transcript, lastLines);
    }
}
