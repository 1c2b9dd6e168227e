/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;

/**
 * The AT conversation of one mail as a driver holds it, plus the health queries a driver makes: what the AT
 * engine benchmark records from the emulator and replays. It is written here against the AT engine alone, so that
 * the engine can be measured without any driver: status queries (info lines), the SMTP settings, 20 recipients
 * with their deferred results, subject, a body upload, attachment uploads, a read-back of the attachment list and
 * of the server ({@code OK} before the info line, a spec quirk), the context settings and {@code AT+QSMTPPUT}
 * with its deferred result.
 */
public final class SessionScript {

    /**
     * One command of the conversation.
     *
     * @param command the command with everything it expects
     * @param payload the data-mode payload of an upload, or null for a plain command
     * @param upload how the upload ends, or null for a plain command
     */
    // A step of a script built once and only read; nothing compares steps.
    @SuppressWarnings("ArrayRecordComponent")
    public record Step(AtCommand command, byte[] payload, UploadOptions upload) {

        public Step {
            Objects.requireNonNull(command, "command");
        }

        /** @return true for a data-mode upload */
        public boolean isUpload() {
            return payload != null;
        }
    }

    private static final Duration DEFERRED = Duration.ofSeconds(30);

    private final List<Step> steps;

    private SessionScript(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** @return the steps, in order */
    public List<Step> steps() {
        return steps;
    }

    /** @return how many payload bytes the uploads carry */
    public int payloadBytes() {
        return steps.stream().filter(Step::isUpload).mapToInt(s -> s.payload().length).sum();
    }

    /**
     * @param smtpPort the port the server command names (the emulator's route overrides it anyway)
     * @param recipients recipients of the mail
     * @param attachments attachments of the mail
     * @param payloadBytes size of the body and of each attachment
     * @return the conversation of one mail
     */
    public static SessionScript mail(int smtpPort, int recipients, int attachments, int payloadBytes) {
        List<Step> steps = new ArrayList<>();
        plain(steps, AtCommand.of("AT+CPIN?").expecting("+CPIN:"));
        plain(steps, AtCommand.of("AT+CREG?").expecting("+CREG:"));
        plain(steps, AtCommand.of("AT+CGATT?").expecting("+CGATT:"));
        plain(steps, AtCommand.of("AT+CSQ").expecting("+CSQ:"));
        plain(steps, AtCommand.of("ATI").expectingAnyInfo());
        plain(steps, AtCommand.of("AT+QSMTPSRV=\"127.0.0.1\"," + smtpPort));
        plain(steps, AtCommand.of("AT+QSMTPCFG=1,0"));
        plain(steps, AtCommand.of("AT+QSMTPADDR=\"gateway@example.com\""));
        plain(steps, AtCommand.of("AT+QSMTPNAME=\"Gateway 7\""));
        plain(steps, AtCommand.of("AT+QSMTPDST=0").deferredResult("+QSMTPDST:", DEFERRED));
        for (int i = 0; i < recipients; i++) {
            plain(steps, AtCommand.of("AT+QSMTPDST=1," + (1 + i % 3) + ",\"user" + i + "@example.com\"")
                    .deferredResult("+QSMTPDST:", DEFERRED));
        }
        plain(steps, AtCommand.of("AT+QSMTPSUB=0,\"Daily report\""));
        upload(steps, AtCommand.of("AT+QSMTPBODY=0,30"), payload(payloadBytes, "body"), "+QSMTPBODY:");
        plain(steps, AtCommand.of("AT+QSMTPDATT").deferredResult("+QSMTPDATT:", DEFERRED));
        for (int i = 0; i < attachments; i++) {
            upload(steps, AtCommand.of("AT+QSMTPATT=\"log" + i + ".csv\"," + payloadBytes + ",30"),
                    payload(payloadBytes, "att" + i), "+QSMTPATT:");
        }
        plain(steps, AtCommand.of("AT+QSMTPATT?").expecting("+QSMTPATT:"));
        plain(steps, AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:").infoMayFollowOk(Duration.ofSeconds(1)));
        plain(steps, AtCommand.of("AT+QIFGCNT=0"));
        plain(steps, AtCommand.of("AT+QICSGP=1,\"internet\""));
        plain(steps, AtCommand.of("AT+QSMTPPUT=300").deferredResult("+QSMTPPUT:", Duration.ofSeconds(60)));
        return new SessionScript(steps);
    }

    private static void plain(List<Step> steps, AtCommand command) {
        steps.add(new Step(command, null, null));
    }

    private static void upload(List<Step> steps, AtCommand command, byte[] payload, String resultPrefix) {
        steps.add(new Step(command.intermediate(AtCommand.Intermediate.CONNECT), payload,
                UploadOptions.expectResult(resultPrefix)));
    }

    private static byte[] payload(int bytes, String seed) {
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            text.append(seed).append(", pump 3 at 7.9 bar\r\n");
        }
        text.setLength(bytes);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
