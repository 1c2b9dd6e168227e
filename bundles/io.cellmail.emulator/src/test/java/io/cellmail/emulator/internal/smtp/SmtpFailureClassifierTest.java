/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Chapter 3 of the spec as a table: what Angus Mail throws, and what {@code +QSMTPPUT} reports for it. */
class SmtpFailureClassifierTest {

    private static final int NO_REPLY = -1;
    private static final InternetAddress RECIPIENT = address("ops@example.org");

    @ParameterizedTest(name = "reply {0} -> {1}")
    @CsvSource({
            "421, -421", "450, -450", "451, -451", "452, -452",
            "500, -500", "501, -501", "502, -502", "503, -503", "504, -504",
            "521, -521", "530, -530", "535, -535",
            "550, -550", "551, -551", "552, -552", "553, -553", "554, -554",
            "455, -11", "555, -11", "556, -11", "571, -11", "251, -11",
            "-1, -7"})
    void shouldReportListedRepliesAsTheirNegativeAndOthersAsFailedToSend(int reply, int expected) {
        assertThat(SmtpFailureClassifier.forReply(reply)).isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("unknown host",
                        connectFailure(new UnknownHostException("no-such-host.invalid")), NO_REPLY, -4),
                Arguments.of("unknown host, plainly wrapped",
                        new MessagingException("Unknown SMTP host", new UnknownHostException("x")), NO_REPLY, -4),
                Arguments.of("connection refused",
                        connectFailure(new ConnectException("Connection refused")), NO_REPLY, -5),
                Arguments.of("no route to host",
                        connectFailure(new NoRouteToHostException("No route to host")), NO_REPLY, -5),
                Arguments.of("connect timed out",
                        connectFailure(new SocketTimeoutException("connect timed out")), NO_REPLY, -9),
                Arguments.of("read timed out",
                        new MessagingException("Exception reading response", new SocketTimeoutException()), 250, -9),
                Arguments.of("credentials refused",
                        new AuthenticationFailedException("535 5.7.8 bad credentials"), 535, -535),
                Arguments.of("authentication refused with another reply",
                        new AuthenticationFailedException("454 try later"), 454, -535),
                Arguments.of("access denied during authentication",
                        new AuthenticationFailedException("530 denied"), 530, -530),
                Arguments.of("no shared mechanism, nothing refused",
                        new AuthenticationFailedException("No authentication mechanisms supported"), 250, -6),
                Arguments.of("closed during authentication",
                        new AuthenticationFailedException("[EOF]"), -1, -7),
                Arguments.of("recipient refused",
                        invalidAddresses(new SMTPAddressFailedException(RECIPIENT, "RCPT TO", 550, "550 no")), 250,
                        -550),
                Arguments.of("mailbox name not allowed",
                        invalidAddresses(new SMTPAddressFailedException(RECIPIENT, "RCPT TO", 553, "553 no")), 250,
                        -553),
                Arguments.of("sender refused",
                        new SMTPSenderFailedException(RECIPIENT, "MAIL FROM", 501, "501 syntax"), 501, -501),
                Arguments.of("message refused",
                        sendFailure(552, "552 too big"), 552, -552),
                Arguments.of("message refused with an unlisted reply",
                        sendFailure(571, "571 blocked"), 571, -11),
                Arguments.of("closed mid-transaction",
                        sendFailure(-1, "[EOF]"), -1, -7),
                Arguments.of("bad greeting",
                        new MessagingException("Got bad greeting from SMTP host: h, port: 25, response: 421"), 421,
                        -421),
                Arguments.of("bad greeting, connection closed",
                        new MessagingException("Got bad greeting from SMTP host: h, port: 25, response: [EOF]"), -1,
                        -7),
                Arguments.of("connection reset",
                        new MessagingException("Exception reading response", new SocketException("Connection reset")),
                        250, -7),
                Arguments.of("end of stream",
                        new MessagingException("Exception reading response", new EOFException()), 250, -7),
                Arguments.of("other I/O while sending",
                        new MessagingException("Can't send command", new IOException("disk")), 250, -5),
                Arguments.of("nothing known", new MessagingException("strange"), 0, -1),
                Arguments.of("not a mail failure", new IllegalStateException("bug"), 0, -1));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("failures")
    void shouldMapEachFailureToItsSpecCode(String situation, Exception failure, int lastReply, int expected) {
        assertThat(SmtpFailureClassifier.classify(failure, lastReply)).isEqualTo(expected);
    }

    private static MessagingException connectFailure(Exception cause) {
        return new MailConnectException(new SocketConnectException("Couldn't connect", cause, "host", 25, 1000));
    }

    private static SendFailedException invalidAddresses(SMTPAddressFailedException refusal) {
        return new SendFailedException("Invalid Addresses", refusal, new Address[0], new Address[0],
                new Address[] {RECIPIENT});
    }

    private static SMTPSendFailedException sendFailure(int reply, String response) {
        return new SMTPSendFailedException("DATA", reply, response, null, new Address[] {RECIPIENT}, new Address[0],
                new Address[0]);
    }

    private static InternetAddress address(String address) {
        InternetAddress result = new InternetAddress();
        result.setAddress(address);
        return result;
    }
}
