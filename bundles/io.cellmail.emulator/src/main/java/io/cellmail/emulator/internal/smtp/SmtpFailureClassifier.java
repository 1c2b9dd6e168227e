/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Maps a failed SMTP transaction to the {@code <err>} code of the spec's chapter 3, as the module would report
 * it in {@code +QSMTPPUT: <result>}.
 */
public final class SmtpFailureClassifier {

    /** Unknown error. */
    public static final int UNKNOWN = -1;
    /** Unsupported authentication type. */
    public static final int UNSUPPORTED_AUTHENTICATION = -6;
    /** Failed to get IP address according to domain name. */
    public static final int DNS_FAILURE = -4;
    /** Network error: no TCP connection with the SMTP server, or failed to send to it. */
    public static final int NETWORK_ERROR = -5;
    /** The connection for the SMTP service is closed by peer. */
    public static final int CLOSED_BY_PEER = -7;
    /** Timeout. */
    public static final int TIMEOUT = -9;
    /** No recipient for the SMTP service. */
    public static final int NO_RECIPIENT = -10;
    /** Failed to send email: a server reply the spec has no code for. */
    public static final int SEND_FAILED = -11;
    /** Authentication failed. */
    public static final int AUTHENTICATION_FAILED = -535;
    /**
     * TLS could not be set up: the handshake failed (a server certificate the CA does not sign, no common
     * protocol), or a server asked for STARTTLS offered none. Not in V1.00, which has no TLS; the LTE client
     * reports it as {@code <err>} base + 16 (chosen).
     */
    public static final int TLS_FAILURE = -16;

    /** The server replies chapter 3 lists; each is reported as its negative. */
    private static final Set<Integer> LISTED_REPLIES = Set.of(
            421, 450, 451, 452, 500, 501, 502, 503, 504, 521, 530, 535, 550, 551, 552, 553, 554);
    /** Bounds the walk through causes and next exceptions, should a chain ever loop. */
    private static final int MAX_CHAIN = 32;

    private SmtpFailureClassifier() {
    }

    /**
     * @param reply an SMTP reply code, or a negative number when the server closed the connection instead
     * @return the result code the module reports for that reply
     */
    public static int forReply(int reply) {
        if (reply < 0) {
            return CLOSED_BY_PEER;
        }
        return LISTED_REPLIES.contains(reply) ? -reply : SEND_FAILED;
    }

    /**
     * @param failure what Angus Mail threw
     * @param lastReply the transport's last reply code ({@code SMTPTransport.getLastReturnCode()}), -1 when the
     *     server sent none or closed the connection
     * @return a negative code of chapter 3
     */
    public static int classify(Exception failure, int lastReply) {
        List<Throwable> chain = chainOf(failure);
        if (has(chain, AuthenticationFailedException.class)) {
            return authentication(lastReply);
        }
        if (has(chain, SocketTimeoutException.class)) {
            return TIMEOUT;
        }
        if (has(chain, UnknownHostException.class)) {
            return DNS_FAILURE;
        }
        if (has(chain, SSLException.class)) {
            return TLS_FAILURE;
        }
        if (has(chain, ConnectException.class) || has(chain, NoRouteToHostException.class)
                || has(chain, SocketConnectException.class) || has(chain, MailConnectException.class)) {
            return NETWORK_ERROR;
        }
        Optional<Integer> reply = replyCode(chain);
        if (reply.isPresent()) {
            return forReply(reply.get());
        }
        if (has(chain, EOFException.class) || has(chain, SocketException.class)) {
            // "Connection reset", "Broken pipe", "Socket closed": the server went away mid-transaction.
            return CLOSED_BY_PEER;
        }
        if (has(chain, IOException.class)) {
            return NETWORK_ERROR;
        }
        if (failure instanceof MessagingException) {
            // A reply Angus turned into a plain MessagingException (bad greeting, refused EHLO/HELO, [EOF]).
            return lastReply == 0 ? UNKNOWN : forReply(lastReply);
        }
        return UNKNOWN;
    }

    /**
     * Angus throws AuthenticationFailedException both when the server refuses the credentials and when the
     * two sides share no mechanism; only in the first case did the server send an error reply.
     */
    private static int authentication(int lastReply) {
        if (lastReply >= 200 && lastReply < 400) {
            return UNSUPPORTED_AUTHENTICATION;
        }
        if (lastReply < 0) {
            return CLOSED_BY_PEER;
        }
        return lastReply == 530 ? -530 : AUTHENTICATION_FAILED;
    }

    private static Optional<Integer> replyCode(List<Throwable> chain) {
        for (Throwable throwable : chain) {
            if (throwable instanceof SMTPAddressFailedException address) {
                return Optional.of(address.getReturnCode());
            }
            if (throwable instanceof SMTPSenderFailedException sender) {
                return Optional.of(sender.getReturnCode());
            }
            if (throwable instanceof SMTPSendFailedException send) {
                return Optional.of(send.getReturnCode());
            }
        }
        return Optional.empty();
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    /** The failure, its causes and the next exceptions Jakarta Mail chains, each once. */
    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < MAX_CHAIN) {
            Throwable next = pending.remove(0);
            if (next == null || !seen.add(next)) {
                continue;
            }
            chain.add(next);
            pending.add(next.getCause());
            if (next instanceof MessagingException messaging) {
                pending.add(messaging.getNextException());
            }
            if (next instanceof SocketConnectException connect) {
                pending.add(connect.getException());
            }
        }
        return chain;
    }
}
