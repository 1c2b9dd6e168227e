/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's SMTP client: delivers what the module holds to a real SMTP server with Eclipse Angus Mail and
 * reports the result as {@code +QSMTPPUT: <result>} would.
 *
 * <p>Each send gets a fresh {@link Session} from explicit properties, never the default session or system
 * properties, so two emulators in one JVM can't see each other's settings.
 */
public final class AngusSmtpRelay implements SmtpRelay {

    private static final Logger LOG = LoggerFactory.getLogger(AngusSmtpRelay.class);

    /** Used when {@code AT+QSMTPPUT} has no timeout: the module waits forever, the emulator not quite. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The name the module greets the server with in EHLO; a fixed name also spares a reverse DNS lookup. */
    private static final String EHLO_NAME = "localhost";
    /** The mechanisms a small embedded SMTP client offers. */
    private static final String AUTH_MECHANISMS = "LOGIN PLAIN";

    /** Makes a relay; it holds no state between sends. */
    public AngusSmtpRelay() {
        // Everything a send needs is made per send.
    }

    @Override
    public int send(OutgoingMail mail, Duration timeout) {
        Objects.requireNonNull(mail, "mail");
        Duration budget = timeout == null || timeout.isNegative() || timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
        Address[] envelope = MimeMailComposer.envelopeRecipients(mail);
        if (envelope.length == 0) {
            return SmtpFailureClassifier.NO_RECIPIENT;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through ServiceLoader, which some containers only see via the TCCL, and
        // Jakarta Activation finds the multipart content handlers through Angus Mail's META-INF/mailcap, which in
        // OSGi only Angus Mail's own bundle can see: without it no mail with an attachment can be written there.
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(mail, budget));
            return deliver(mail, session, MimeMailComposer.compose(mail, session), envelope);
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("could not build or start the SMTP send of {}", mail, e);
            return SmtpFailureClassifier.UNKNOWN;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static int deliver(OutgoingMail mail, Session session, MimeMessage message, Address[] envelope)
            throws MessagingException {
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        boolean connected = false;
        try {
            // With STARTTLS Angus connects in the clear, sends EHLO and STARTTLS, verifies the server in the
            // handshake, sends EHLO again, and only then authenticates: no credential crosses the clear part.
            if (mail.authenticate()) {
                transport.connect(mail.serverHost(), mail.serverPort(), orEmpty(mail.user()),
                        orEmpty(mail.password()));
            } else {
                transport.connect(mail.serverHost(), mail.serverPort(), null, null);
            }
            connected = true;
            transport.sendMessage(message, envelope);
            LOG.debug("sent {}: {}", mail, transport.getLastServerResponse());
            return 0;
        } catch (MessagingException e) {
            int result = !connected && TlsSockets.startTlsNotOffered(mail.tls(), transport)
                    ? SmtpFailureClassifier.TLS_FAILURE
                    : SmtpFailureClassifier.classify(e, transport.getLastReturnCode());
            // The exception carries server replies and host names, never the password.
            LOG.debug("sending {} failed with {}", mail, result, e);
            return result;
        } finally {
            closeQuietly(transport);
        }
    }

    private static Properties properties(OutgoingMail mail, Duration budget) {
        String millis = String.valueOf(Math.min(Integer.MAX_VALUE, budget.toMillis()));
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", mail.serverHost());
        properties.setProperty("mail.smtp.port", String.valueOf(mail.serverPort()));
        properties.setProperty("mail.smtp.auth", String.valueOf(mail.authenticate()));
        properties.setProperty("mail.smtp.auth.mechanisms", AUTH_MECHANISMS);
        properties.setProperty("mail.smtp.localhost", EHLO_NAME);
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        // The whole transaction, not each read, is bounded by the AT+QSMTPPUT timeout.
        properties.put("mail.smtp.socketFactory", new DeadlineSocketFactory(budget));
        // A failed connect must not be retried without the factory: that would double the time and lose the bound.
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        TlsSockets.configure(properties, mail.tls(), (DeadlineSocketFactory) properties.get("mail.smtp.socketFactory"));
        // One refused recipient fails the whole send, as the module reports one result.
        properties.setProperty("mail.smtp.sendpartial", "false");
        String sender = orEmpty(mail.senderAddress());
        if (!sender.isEmpty()) {
            properties.setProperty("mail.smtp.from", sender);
        }
        return properties;
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection failed", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
