/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standalone entry point: its command line, its listening line, and a mail sent through it end to end. */
class MainTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("cellmail emulator listening on 127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private CompletableFuture<Integer> running;

    @AfterEach
    void stopMain() throws Exception {
        stop.countDown();
        if (running != null) {
            running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAnswerABadCommandLineWithUsageOnStderrAndExitCode2() {
        int exit = run("--listen", "127.0.0.1:0", "--bogus");

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("unknown option: --bogus").contains("Usage:");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void shouldPrintUsageOnStdoutForHelp() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(text(out)).contains("Usage:").contains("--listen");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void shouldTreatAnUnknownFaultAsABadCommandLine() {
        int exit = run("--listen", "127.0.0.1:0", "--fault", "melt-down");

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("bad --fault").contains("Usage:");
    }

    @Test
    void shouldExitWith1WhenItCannotListen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--listen", "127.0.0.1:" + taken.getLocalPort());

            assertThat(exit).isEqualTo(1);
            assertThat(text(err)).contains("cannot listen on");
        }
    }

    @Test
    void shouldSayWhereItListensAndSendAMailToTheRoutedSmtpServer() throws Exception {
        int port = start("--listen", "127.0.0.1:0", "--smtp", "127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(),
                "--lenient");

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            HostDialog host = new HostDialog(socket.getInputStream(), socket.getOutputStream(), "main-host");
            host.expect("Call Ready");
            command(host, "ATE0");
            command(host, "AT+QSMTPSRV=\"smtp.example.org\",25");
            command(host, "AT+QSMTPCFG=1,0");
            command(host, "AT+QSMTPADDR=\"panel@example.org\"");
            command(host, "AT+QSMTPNAME=\"Alarm Panel\"");
            command(host, "AT+QSMTPDST=1,1,\"ops@example.org\"");
            host.expect("+QSMTPDST:0");
            command(host, "AT+QSMTPSUB=0,\"Door open\"");
            host.send("AT+QSMTPBODY=0,10\r").expect("CONNECT");
            host.send("The front door is open.+++").expect("+QSMTPBODY:23");
            command(host, "AT+QSMTPPUT=100");
            host.expect("+QSMTPPUT:0");
        }

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Door open");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Alarm Panel");
        assertThat(((String) received.getContent()).trim()).isEqualTo("The front door is open.");
    }

    private static void command(HostDialog host, String line) throws Exception {
        host.send(line + "\r").expect("OK\r\n");
    }

    /** Runs Main to completion (a command line that does not start the emulator). */
    private int run(String... args) {
        return Main.run(args, print(out), print(err), stop, false);
    }

    /** Starts Main on its own thread and returns the port from its listening line. */
    private int start(String... args) {
        running = CompletableFuture.supplyAsync(() -> Main.run(args, print(out), print(err), stop, false));
        await().atMost(WAIT).until(() -> LISTENING.matcher(text(out)).find() || running.isDone());
        Matcher listening = LISTENING.matcher(text(out));
        assertThat(listening.find()).as("listening line; stderr: %s", text(err)).isTrue();
        assertThat(text(out).lines()).hasSize(1);
        return Integer.parseInt(listening.group(1));
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }
}
