/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;
import io.cellmail.quectel.internal.ModemSession;
import io.cellmail.service.sms.SmsConcatenation;
import io.cellmail.service.sms.SmsEncoding;
import io.cellmail.service.sms.SmsSegments;
import io.cellmail.service.sms.SubmitPdu;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * Sends SMS through one Quectel module, GSM M-series or LTE alike (the SMS commands are those of TS 27.005 and the
 * same on both), on the route {@link SmsPlan} chooses: text mode ({@code AT+CMGF=1}, {@code AT+CSCS},
 * {@code AT+CSMP}, {@code AT+CMGS}), {@code AT+QCMGS} part by part for 2-7 parts where the module has it, PDU mode
 * otherwise.
 *
 * <p>Whether the module has {@code AT+QCMGS} is asked once per epoch ({@code AT+QCMGS=?}: {@code OK} or an error
 * final), and only when a text would use it: a new epoch may be a different module or firmware behind the same port,
 * and the answer costs one command.
 *
 * <p>Not thread-safe: the mailer calls it only while it holds its modem, so no other command runs while a message is
 * being entered, and the engine runs one command at a time anyway.
 */
public final class SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);
    /** An SMS command's failure by its {@code +CMS ERROR} or its kind; SMS commands have no result codes of SMTP. */
    private static final ModemSession.CommandFailures FAILURES =
            (failure, command, resultPrefix) -> SmsFailures.toMailException(failure, command);

    /** The concatenation reference of the next longer text, 0-255; starts anywhere, so restarts seldom repeat it. */
    private int nextReference = ThreadLocalRandom.current().nextInt(256);
    private long probedEpoch = -1;
    private boolean quectelConcatenation;

    /**
     * @param channel the module's AT engine
     * @param epoch the engine's epoch every command is pinned to
     * @param request the checked number and text
     * @param deadline how long until the module starts sending; then 120 s a part
     * @return the parts and their message references
     * @throws io.cellmail.api.MailException when a command fails, with the code of {@link SmsFailures}
     */
    public SmsReceipt send(AtChannel channel, long epoch, SmsRequest request, Duration deadline) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        SmsSegments segments = request.segments();
        ModemSession session = ModemSession.pinned(channel, epoch, deadline, FAILURES);
        boolean quectel = SmsPlan.wantsQuectelConcatenation(segments) && quectelConcatenation(session, epoch);
        SmsPlan plan = SmsPlan.of(segments, quectel);
        List<Integer> references = switch (plan.route()) {
            case TEXT -> text(session, request.number(), segments);
            case QUECTEL_CONCATENATED -> quectelConcatenated(session, request.number(), segments);
            case PDU -> pdu(session, request.number(), segments);
        };
        LOG.debug("SMS to {} sent: {} part(s) in {} by {}, message references {}", request.maskedNumber(),
                segments.count(), segments.encoding(), plan.route(), references);
        return new SmsReceipt(segments.count(), references, segments.encoding());
    }

    private boolean quectelConcatenation(ModemSession session, long epoch) {
        if (probedEpoch != epoch) {
            quectelConcatenation = session.attempt(SmsCommands.quectelConcatenationTest()).ok();
            probedEpoch = epoch;
            LOG.debug("AT+QCMGS {} in epoch {}", quectelConcatenation ? "supported" : "not supported", epoch);
        }
        return quectelConcatenation;
    }

    private static List<Integer> text(ModemSession session, String number, SmsSegments segments) {
        SmsEncoding encoding = segments.encoding();
        textModeSetup(session, encoding);
        String text = segments.parts().get(0);
        return List.of(submit(session, SmsCommands.textSubmit(number, encoding, promptWait(session, true)),
                encoding.textModeBytes(text), SmsCommands.submitted("+CMGS:"), "the SMS"));
    }

    private List<Integer> quectelConcatenated(ModemSession session, String number, SmsSegments segments) {
        SmsEncoding encoding = segments.encoding();
        textModeSetup(session, encoding);
        int reference = takeReference();
        List<Integer> references = new ArrayList<>();
        for (int i = 0; i < segments.count(); i++) {
            references.add(submit(session, SmsCommands.quectelSubmit(number, encoding, reference, i + 1,
                    segments.count(), promptWait(session, i == 0)), encoding.textModeBytes(segments.parts().get(i)),
                    SmsCommands.submitted("+QCMGS:"), partName(i, segments)));
        }
        return references;
    }

    private List<Integer> pdu(ModemSession session, String number, SmsSegments segments) {
        session.run(SmsCommands.pduMode());
        int reference = segments.concatenated() ? takeReference() : 0;
        List<Integer> references = new ArrayList<>();
        for (int i = 0; i < segments.count(); i++) {
            SmsConcatenation header = segments.concatenated()
                    ? new SmsConcatenation(reference, i + 1, segments.count()) : null;
            SubmitPdu pdu = SubmitPdu.of(number, segments.encoding(), segments.parts().get(i), header);
            references.add(submit(session, SmsCommands.pduSubmit(pdu.tpduOctets(), promptWait(session, i == 0)),
                    pdu.hex().getBytes(StandardCharsets.US_ASCII), SmsCommands.submitted("+CMGS:"),
                    partName(i, segments)));
        }
        return references;
    }

    private static void textModeSetup(ModemSession session, SmsEncoding encoding) {
        session.run(SmsCommands.textMode());
        session.run(SmsCommands.characterSet(encoding));
        session.run(SmsCommands.parameters(encoding));
    }

    /**
     * @param session the attempt
     * @param first true for the first part: its prompt must come before the deadline
     * @return how long to wait for the prompt
     * @throws MailException {@link MailErrorCode#MODEM_TIMEOUT} if the first part would start after the deadline
     */
    private static Duration promptWait(ModemSession session, boolean first) {
        if (!first) {
            // the module is sending the text already: its other parts must follow, whatever the deadline
            return SmsCommands.PROMPT_TIMEOUT;
        }
        Duration left = session.remaining();
        if (left.compareTo(Duration.ofMillis(1)) < 0) {
            throw new MailException(MailErrorCode.MODEM_TIMEOUT, "The deadline passed before the SMS was handed to "
                    + "the module; nothing was sent");
        }
        return left.compareTo(SmsCommands.PROMPT_TIMEOUT) < 0 ? left : SmsCommands.PROMPT_TIMEOUT;
    }

    /**
     * Hands one part over at its prompt and waits for its acknowledgement as long as the prompt and the network
     * may take, whatever the deadline: a part the module may be sending is never given up early.
     *
     * @return the message reference the module reported
     */
    private static int submit(ModemSession session, AtCommand command, byte[] text, UploadOptions options,
            String what) {
        return session.uploadBeyondDeadline(command, text, options, what).reportedLength();
    }

    private int takeReference() {
        int reference = nextReference;
        nextReference = (nextReference + 1) % 256;
        return reference;
    }

    private static String partName(int index, SmsSegments segments) {
        return segments.concatenated() ? "part " + (index + 1) + " of " + segments.count() : "the SMS";
    }
}
