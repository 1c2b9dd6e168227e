/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.cellmail.api.Attachment;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Recipient;
import io.cellmail.quectel.internal.PreparedMail.AttachmentUpload;
import io.cellmail.service.spi.SenderIdentity;

/**
 * Every limit of the module, checked before any AT traffic, and the mail turned into what the commands take.
 * Failures are {@code INVALID_MESSAGE} naming the field: {@code recipients}, {@code senderAddress},
 * {@code senderName}, {@code subject}, {@code body} or {@code attachments}.
 *
 * <p>Bodies get CR LF line ends ({@link BodyText}); the size limit counts the bytes that go to the module.
 *
 * <p>The {@code +++} policy: a modem that honours the guard time takes {@code +++} inside a payload as data,
 * because the AT engine writes a payload in one go, so bodies and attachments may hold it. A lenient modem ends
 * the upload at any {@code +++}; there a payload holding {@code +++}, or ending in {@code +} (which would join the
 * {@code +++} that ends the upload), is refused ({@link #refuseEscapes}), since the rest of it would reach the
 * module's command line. Whether the modem is lenient is not a limit of the message: {@link EscapeKnowledge}
 * tells.
 */
final class MessageRules {

    private static final byte PLUS = '+';

    private MessageRules() {
    }

    /**
     * Checks a message against the GSM manual's limits, including the sender it names, if any.
     *
     * @param message the mail
     * @return the mail as the commands take it
     * @throws MailException {@code INVALID_MESSAGE} naming the field at fault
     */
    static PreparedMail prepare(MailMessage message) {
        return prepare(message, MailLimits.GSM);
    }

    /**
     * Checks a message against a dialect's limits, including the sender it names, if any.
     *
     * @param message the mail
     * @param limits the dialect's limits
     * @return the mail as the commands take it
     * @throws MailException {@code INVALID_MESSAGE} naming the field at fault
     */
    static PreparedMail prepare(MailMessage message, MailLimits limits) {
        message.senderAddress().ifPresent(MessageRules::checkSenderAddress);
        message.senderName().ifPresent(MessageRules::checkSenderName);
        List<Recipient> recipients = checkRecipients(message.recipients(), limits.maxRecipients());
        EncodedSubject subject = limits.subjects().encode(message.subject(), message.charset());
        byte[] body = CharsetText.encode(BodyText.canonical(message.body()), message.charset(), "body");
        if (body.length > limits.maxBodyBytes()) {
            throw MailException.invalid("body", "is " + body.length + " bytes in " + message.charset()
                    + ", the modem takes at most " + limits.maxBodyBytes());
        }
        int charset = message.charset().code();
        return new PreparedMail(recipients, subject, charset, Payload.of("body " + charset, body),
                checkAttachments(message.attachments(), limits), message.senderAddress().isPresent(),
                message.senderName().isPresent());
    }

    /**
     * @param mail a checked mail
     * @return true if a lenient modem would end one of its uploads early: a payload holds {@code +++} or ends with
     *     {@code +}
     */
    static boolean holdsEscape(PreparedMail mail) {
        return escapeProblem(mail.body().bytes()).isPresent()
                || mail.attachments().stream().anyMatch(a -> escapeProblem(a.content().bytes()).isPresent());
    }

    /**
     * For a modem that ends an upload at any {@code +++}.
     *
     * @param mail a checked mail
     * @throws MailException {@code INVALID_MESSAGE} for {@code body} or {@code attachments} when a payload holds
     *     {@code +++} or ends with {@code +}
     */
    static void refuseEscapes(PreparedMail mail) {
        escapeProblem(mail.body().bytes()).ifPresent(problem -> {
            throw MailException.invalid("body", "the body " + problem);
        });
        List<AttachmentUpload> attachments = mail.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentUpload attachment = attachments.get(i);
            String what = "attachment " + i + " (" + attachment.name() + ") ";
            escapeProblem(attachment.content().bytes()).ifPresent(problem -> {
                throw MailException.invalid("attachments", what + problem);
            });
        }
    }

    /**
     * @param sender the sender of one mail
     * @throws MailException {@code INVALID_MESSAGE} for {@code senderAddress} or {@code senderName}
     */
    static void checkSender(SenderIdentity sender) {
        checkSenderAddress(sender.address());
        checkSenderName(sender.name());
    }

    private static void checkSenderAddress(String address) {
        SafeText.addressProblem(address).ifPresent(problem -> {
            throw MailException.invalid("senderAddress", problem);
        });
    }

    private static void checkSenderName(String name) {
        // The module has no charset for the name: it must be sendable as it is.
        SafeText.quotingProblem(name).ifPresent(problem -> {
            throw MailException.invalid("senderName", problem);
        });
    }

    private static List<Recipient> checkRecipients(List<Recipient> recipients, int max) {
        if (recipients.isEmpty() || recipients.size() > max) {
            throw MailException.invalid("recipients", "a mail needs 1 to " + max
                    + " recipients, got " + recipients.size());
        }
        for (int i = 0; i < recipients.size(); i++) {
            int index = i;
            SafeText.addressProblem(recipients.get(i).address()).ifPresent(problem -> {
                throw MailException.invalid("recipients", "recipient " + index + " " + problem);
            });
        }
        return recipients;
    }

    private static List<AttachmentUpload> checkAttachments(List<Attachment> attachments, MailLimits limits) {
        if (attachments.size() > limits.maxAttachments()) {
            throw MailException.invalid("attachments", attachments.size() + " attachments, the modem takes at most "
                    + limits.maxAttachments());
        }
        long total = attachments.stream().mapToLong(Attachment::size).sum();
        if (total > limits.maxAttachmentBytes()) {
            throw MailException.invalid("attachments", total + " bytes together, the modem takes at most "
                    + limits.maxAttachmentBytes());
        }
        List<AttachmentUpload> uploads = new ArrayList<>(attachments.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String name = attachment.name();
            int index = i;
            nameProblem(name, limits).ifPresent(problem -> {
                throw MailException.invalid("attachments", "the name of attachment " + index + " " + problem);
            });
            // the module's file system does not tell upper and lower case apart everywhere: compare without case
            if (limits.fileNames() && !names.add(name.toLowerCase(Locale.ROOT))) {
                throw MailException.invalid("attachments", "the name of attachment " + index + " '" + name + "' is "
                        + "given twice; the module keeps each attachment as a file of that name");
            }
            uploads.add(new AttachmentUpload(name, Payload.of("attachment " + name, attachment.content())));
        }
        return uploads;
    }

    private static Optional<String> nameProblem(String name, MailLimits limits) {
        if (name.isBlank()) {
            return Optional.of("is blank");
        }
        if (name.length() > limits.maxAttachmentName()) {
            return Optional.of("is longer than " + limits.maxAttachmentName() + " characters");
        }
        Optional<String> quoting = SafeText.quotingProblem(name);
        if (quoting.isPresent()) {
            return quoting;
        }
        if (name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' is a path; give a plain file name");
        }
        if (limits.fileNames() && name.chars().anyMatch(c -> c == ':' || c == '*' || c == '?')) {
            return Optional.of("'" + name + "' holds ':', '*' or '?', which name a drive or a wildcard on the "
                    + "module's file system; give a plain file name");
        }
        return Optional.empty();
    }

    private static Optional<String> escapeProblem(byte[] payload) {
        for (int i = 0; i + 2 < payload.length; i++) {
            if (payload[i] == PLUS && payload[i + 1] == PLUS && payload[i + 2] == PLUS) {
                return Optional.of("contains '+++' at byte " + i + "; this modem ends an upload at any +++ "
                        + "(escapeMode lenient, configured or found out), and the rest would reach its command line");
            }
        }
        if (payload.length > 0 && payload[payload.length - 1] == PLUS) {
            return Optional.of("ends with '+'; this modem ends an upload at any +++ (escapeMode lenient, configured "
                    + "or found out), and would take it as part of the '+++' that ends the upload");
        }
        return Optional.empty();
    }
}
