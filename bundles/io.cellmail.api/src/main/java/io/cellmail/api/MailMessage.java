/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An immutable mail: an id, recipients, optional sender override, subject, text body, attachments, charset and
 * queue priority. Built with {@link #builder()}; {@link Builder#build()} checks the structure (1 to 20
 * recipients, a well-formed id) and the service checks every limit of the modem before it accepts the mail.
 *
 * <p>The id is known before the mail is sent, so a caller can follow it with
 * {@link CellularMailService#status(String)} or cancel it. Give your own id (e.g. {@code pump3-overpressure-1702})
 * to make sending idempotent: a mail whose id is still in the outbox, or reached its outcome within the last hour,
 * is not queued twice. An id names one mail: give each new mail a new one.
 *
 * <pre>{@code
 * MailMessage alarm = MailMessage.builder()
 *         .to("ops@example.com")
 *         .subject("Pump 3 pressure high")
 *         .body("Pressure 7.9 bar at 14:02")
 *         .priority(Priority.URGENT)
 *         .build();
 * }</pre>
 */
public final class MailMessage {

    /** The most recipients the modem accepts for one mail, To, Cc and Bcc together. */
    public static final int MAX_RECIPIENTS = 20;

    /** What an id may look like: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, not starting with a dot. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private final String id;

    private final List<Recipient> recipients;
    private final String senderAddress;
    private final String senderName;
    private final String subject;
    private final String body;
    private final List<Attachment> attachments;
    private final MailCharset charset;
    private final Priority priority;

    private MailMessage(Builder builder) {
        this.id = builder.id != null ? builder.id : UUID.randomUUID().toString();
        this.recipients = List.copyOf(builder.recipients);
        this.senderAddress = builder.senderAddress;
        this.senderName = builder.senderName;
        this.subject = builder.subject;
        this.body = builder.body;
        this.attachments = List.copyOf(builder.attachments);
        this.charset = builder.charset != null ? builder.charset : MailCharset.choose(subject + body);
        this.priority = builder.priority;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the message id: the one given to the builder, else a random UUID */
    public String id() {
        return id;
    }

    /** @return all recipients in the order they were added */
    public List<Recipient> recipients() {
        return recipients;
    }

    /**
     * @param type To, Cc or Bcc
     * @return the addresses of that type, in the order they were added
     */
    public List<String> recipients(RecipientType type) {
        return recipients.stream().filter(r -> r.type() == type).map(Recipient::address).toList();
    }

    /** @return the sender address overriding the configured one, if any */
    public Optional<String> senderAddress() {
        return Optional.ofNullable(senderAddress);
    }

    /** @return the sender display name overriding the configured one, if any */
    public Optional<String> senderName() {
        return Optional.ofNullable(senderName);
    }

    /** @return the subject, possibly empty */
    public String subject() {
        return subject;
    }

    /** @return the text body, possibly empty */
    public String body() {
        return body;
    }

    /** @return the attachments in order */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** @return the charset of subject and body: the one given, else chosen by {@link MailCharset#choose} */
    public MailCharset charset() {
        return charset;
    }

    /** @return the queue priority */
    public Priority priority() {
        return priority;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailMessage that
                && id.equals(that.id)
                && recipients.equals(that.recipients)
                && Objects.equals(senderAddress, that.senderAddress)
                && Objects.equals(senderName, that.senderName)
                && subject.equals(that.subject)
                && body.equals(that.body)
                && attachments.equals(that.attachments)
                && charset == that.charset
                && priority == that.priority;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, recipients, senderAddress, senderName, subject, body, attachments, charset, priority);
    }

    @Override
    public String toString() {
        return "MailMessage[" + id + ", " + recipients.size() + " recipients, subject " + subject.length() + " chars, body "
                + body.length() + " chars, " + attachments.size() + " attachments, " + charset + ", " + priority + "]";
    }

    /** Collects the parts of a {@link MailMessage}. Not thread-safe. */
    public static final class Builder {

        private final List<Recipient> recipients = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private String id;
        private String senderAddress;
        private String senderName;
        private String subject = "";
        private String body = "";
        private MailCharset charset;
        private Priority priority = Priority.NORMAL;

        private Builder() {
        }

        /**
         * Sets the message id (default: a random UUID).
         *
         * @param id 1 to 64 characters of {@link MailMessage#ID_PATTERN}
         * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} for field {@code id} when malformed
         */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID_PATTERN.matcher(id).matches()) {
                throw MailException.invalid("id", "must be 1 to 64 letters, digits, '.', '_' or '-', not starting"
                        + " with '.'");
            }
            this.id = id;
            return this;
        }

        /** Adds To recipients. */
        public Builder to(String... addresses) {
            return add(RecipientType.TO, addresses);
        }

        /** Adds Cc recipients. */
        public Builder cc(String... addresses) {
            return add(RecipientType.CC, addresses);
        }

        /** Adds Bcc recipients: they receive the mail without appearing in its headers. */
        public Builder bcc(String... addresses) {
            return add(RecipientType.BCC, addresses);
        }

        /** Adds a recipient. */
        public Builder recipient(Recipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        private Builder add(RecipientType type, String... addresses) {
            for (String address : addresses) {
                recipients.add(new Recipient(type, address));
            }
            return this;
        }

        /** Overrides the configured sender address for this mail. */
        public Builder senderAddress(String address) {
            this.senderAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Overrides the configured sender display name for this mail. */
        public Builder senderName(String name) {
            this.senderName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the subject (default empty). */
        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /** Sets the text body (default empty). */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Adds an attachment. */
        public Builder attach(String name, byte[] content) {
            return attach(new Attachment(name, content));
        }

        /** Adds an attachment. */
        public Builder attach(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /** Sets the charset of subject and body; when not set it is chosen from the text. */
        public Builder charset(MailCharset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** Sets the queue priority (default {@link Priority#NORMAL}). */
        public Builder priority(Priority priority) {
            this.priority = Objects.requireNonNull(priority, "priority");
            return this;
        }

        /**
         * @return the message
         * @throws MailException with {@link MailErrorCode#INVALID_MESSAGE} and field {@code recipients} when there
         *     are none or more than {@value MailMessage#MAX_RECIPIENTS}
         */
        public MailMessage build() {
            if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
                throw MailException.invalid("recipients",
                        "a mail needs 1 to " + MAX_RECIPIENTS + " recipients (To, Cc and Bcc together), got "
                                + recipients.size());
            }
            return new MailMessage(this);
        }
    }
}
