/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.cellmail.itests.smtp.SmtpServerMain;

/**
 * A GreenMail SMTP server on a free loopback port, running in a helper JVM ({@link SmtpServerMain}) so that
 * GreenMail's Jakarta Mail never shares a class space with the bundles under test. Start one per test and close
 * it afterwards; closing ends the helper JVM.
 */
public final class SmtpServer implements AutoCloseable {

    /** System property holding the helper JVM's class path; set by the failsafe configuration. */
    private static final String CLASSPATH_PROPERTY = "cellmail.itest.smtp.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final String END_OF_OUTPUT = "\u0000EOF";

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final int port;

    private SmtpServer(Process process, Path log) {
        this.process = process;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                true);
        this.reader = new Thread(this::readReplies, "itest-smtp-server-reader");
        reader.setDaemon(true);
        reader.start();
        String ready = reply(START_TIMEOUT);
        if (!ready.startsWith("READY ")) {
            close();
            throw new IllegalStateException("GreenMail did not start: " + ready + " (see " + log + ")");
        }
        this.port = Integer.parseInt(ready.substring("READY ".length()));
    }

    /**
     * Starts GreenMail.
     *
     * @param users {@code login:password} of SMTP users; AUTH with any other password is refused with 535
     * @return the running server
     */
    public static SmtpServer start(String... users) {
        String classpath = System.getProperty(CLASSPATH_PROPERTY);
        if (classpath == null) {
            throw new IllegalStateException("System property " + CLASSPATH_PROPERTY + " is not set: run the tests "
                    + "through Maven failsafe (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, SmtpServerMain.class.getName()));
        command.addAll(Arrays.asList(users));
        Path log = Paths.get(System.getProperty("cellmail.itest.workdir", "target"), "greenmail.log");
        try {
            log.getParent().toFile().mkdirs();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new SmtpServer(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the GreenMail helper JVM", e);
        }
    }

    /** @return the SMTP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return {@code 127.0.0.1:<port>}, the form of the emulator's SMTP route */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * Waits until at least {@code count} mails arrived or the timeout passed.
     *
     * @return every mail received so far
     */
    public List<ReceivedMail> awaitMails(int count, Duration timeout) {
        request("AWAIT " + count + " " + timeout.toMillis(), timeout.plus(REPLY_TIMEOUT));
        return mails();
    }

    /** @return every mail received so far, oldest first */
    public List<ReceivedMail> mails() {
        String line = request("LIST", REPLY_TIMEOUT);
        List<ReceivedMail> mails = new ArrayList<>();
        for (; !line.equals("END"); line = reply(REPLY_TIMEOUT)) {
            if (!line.startsWith("MAIL ")) {
                throw new IllegalStateException("Unexpected reply from GreenMail: " + line);
            }
            String[] fields = line.substring("MAIL ".length()).split(" ", -1);
            mails.add(new ReceivedMail(decode(fields[0]), decode(fields[1]), list(decode(fields[2]), ","),
                    list(decode(fields[3]), ","), decode(fields[4]), list(decode(fields[5]), "/")));
        }
        return mails;
    }

    /** Forgets every received mail. */
    public void reset() {
        String reply = request("RESET", REPLY_TIMEOUT);
        if (!reply.equals("OK")) {
            throw new IllegalStateException("GreenMail did not reset: " + reply);
        }
    }

    @Override
    public void close() {
        commands.println("QUIT");
        commands.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String request(String command, Duration timeout) {
        commands.println(command);
        return reply(timeout);
    }

    private String reply(Duration timeout) {
        try {
            String line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("GreenMail did not answer within " + timeout);
            }
            if (line.equals(END_OF_OUTPUT)) {
                replies.add(line);
                throw new IllegalStateException("The GreenMail helper JVM ended (exit code "
                        + (process.isAlive() ? "unknown" : process.exitValue()) + ")");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for GreenMail", e);
        }
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                replies.add(line);
            }
        } catch (IOException e) {
            // The process ended; the marker below tells waiting callers.
        } finally {
            replies.add(END_OF_OUTPUT);
        }
    }

    private static String decode(String field) {
        return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }

    private static List<String> list(String joined, String separator) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(Pattern.quote(separator)));
    }

    @Override
    public String toString() {
        return "GreenMail on " + hostAndPort();
    }
}
