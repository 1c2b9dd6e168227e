/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail in a helper JVM of its own, driven over stdin/stdout by {@code io.cellmail.itests.support.SmtpServer}.
 * It runs outside the OSGi framework so that no Jakarta Mail class of the test JVM's class path can meet the
 * bundles' own copies; the integration tests talk to it over real SMTP on loopback, like a real mail relay.
 *
 * <p>Arguments: {@code login:password} pairs of SMTP users (AUTH with another password is refused). Protocol,
 * one line each way: {@code READY <port>} once started; {@code AWAIT <count> <millis>} → {@code COUNT <n>};
 * {@code LIST} → one {@code MAIL} line per message (space-separated Base64 UTF-8 fields: subject, from, to, cc,
 * text body, attachment names joined by {@code /}), then {@code END}; {@code RESET} → {@code OK};
 * {@code QUIT} or end of input stops the server.
 */
public final class SmtpServerMain {

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws Exception {
        GreenMailConfiguration configuration = GreenMailConfiguration.aConfig();
        for (String user : args) {
            int colon = user.indexOf(':');
            configuration = configuration.withUser(user.substring(0, colon), user.substring(colon + 1));
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.withConfiguration(configuration);
        greenMail.start();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            out.println("READY " + greenMail.getSmtp().getPort());
            serve(greenMail, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        } finally {
            greenMail.stop();
        }
    }

    private static void serve(GreenMail greenMail, BufferedReader in, PrintStream out) throws Exception {
        for (String line = in.readLine(); line != null && !line.equals("QUIT"); line = in.readLine()) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "AWAIT":
                    greenMail.waitForIncomingEmail(Long.parseLong(words[2]), Integer.parseInt(words[1]));
                    out.println("COUNT " + greenMail.getReceivedMessages().length);
                    break;
                case "LIST":
                    for (MimeMessage message : greenMail.getReceivedMessages()) {
                        out.println("MAIL " + describe(message));
                    }
                    out.println("END");
                    break;
                case "RESET":
                    greenMail.purgeEmailFromAllMailboxes();
                    out.println("OK");
                    break;
                default:
                    out.println("ERROR unknown command " + words[0]);
            }
        }
    }

    private static String describe(MimeMessage message) throws MessagingException, IOException {
        List<String> attachments = new ArrayList<>();
        String text = text(message, attachments);
        return String.join(" ", encode(message.getSubject()), encode(addresses(message.getFrom())),
                encode(addresses(message.getRecipients(Message.RecipientType.TO))),
                encode(addresses(message.getRecipients(Message.RecipientType.CC))), encode(text),
                encode(String.join("/", attachments)));
    }

    /** @return the first text part; collects the file names of the attachments on the way */
    private static String text(Part part, List<String> attachments) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            attachments.add(part.getFileName());
            return null;
        }
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String text = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body, attachments);
                text = text == null ? found : text;
            }
            return text;
        }
        return null;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> result = new ArrayList<>();
        for (Address address : addresses) {
            result.add(address.toString());
        }
        return String.join(",", result);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
