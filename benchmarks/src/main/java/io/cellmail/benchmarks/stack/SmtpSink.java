/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal SMTP server on a free loopback port that accepts every mail and timestamps each transaction on the
 * server side, from the accepted connection to the reply to {@code QUIT}. That is the "SMTP transaction time" of
 * the end-to-end model: a real server elsewhere would take its own time, so it belongs to the module's share.
 * One connection at a time, as the module makes them; it offers neither AUTH nor STARTTLS.
 */
public final class SmtpSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSink.class);
    private static final int MAX_LINE = 64 * 1024;

    /**
     * One mail as the server saw it.
     *
     * @param recipients how many {@code RCPT TO} it had
     * @param dataBytes the size of the message after {@code DATA}
     * @param message the message text (headers and MIME body)
     * @param transactionNanos from the accepted connection to the reply to {@code QUIT}
     */
    public record Received(int recipients, int dataBytes, String message, long transactionNanos) {

        /** @return how many MIME parts declare themselves attachments */
        public int attachments() {
            int count = 0;
            String lower = message.toLowerCase(Locale.ROOT);
            for (int i = lower.indexOf("content-disposition: attachment"); i >= 0;
                    i = lower.indexOf("content-disposition: attachment", i + 1)) {
                count++;
            }
            return count;
        }
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private SmtpSink(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "bench-smtp-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * @return a running sink on 127.0.0.1 and a free port
     * @throws IOException when no port can be bound
     */
    public static SmtpSink start() throws IOException {
        ServerSocket socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        SmtpSink sink = new SmtpSink(socket);
        sink.acceptor.start();
        return sink;
    }

    /** @return "127.0.0.1:port", the emulator's SMTP route */
    public String route() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** @return the port */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * @param timeout how long to wait
     * @return the next mail received
     * @throws IllegalStateException when none arrives in time
     */
    public Received next(Duration timeout) {
        try {
            Received mail = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (mail == null) {
                throw new IllegalStateException("no mail reached the SMTP sink within " + timeout);
            }
            return mail;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a mail", e);
        }
    }

    /** @return every mail received and not yet taken, oldest first */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the SMTP sink failed", e);
        }
        try {
            acceptor.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
                serve(connection, System.nanoTime());
            } catch (SocketException e) {
                if (!closed) {
                    LOG.warn("SMTP sink connection failed: {}", e.toString());
                }
            } catch (IOException e) {
                LOG.warn("SMTP sink connection failed: {}", e.toString());
            }
        }
    }

    private void serve(Socket connection, long acceptedAt) throws IOException {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        reply(out, "220 bench ESMTP sink");
        int recipients = 0;
        List<String> messages = new ArrayList<>();
        List<Integer> rcpts = new ArrayList<>();
        String line;
        while ((line = readLine(in)) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (verb) {
                case "EHLO" -> reply(out, "250-bench\r\n250-8BITMIME\r\n250 SIZE 10485760");
                case "HELO", "NOOP" -> reply(out, "250 ok");
                case "MAIL" -> {
                    recipients = 0;
                    reply(out, "250 ok");
                }
                case "RCPT" -> {
                    recipients++;
                    reply(out, "250 ok");
                }
                case "RSET" -> {
                    recipients = 0;
                    reply(out, "250 ok");
                }
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    messages.add(readData(in));
                    rcpts.add(recipients);
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    long took = System.nanoTime() - acceptedAt;
                    for (int i = 0; i < messages.size(); i++) {
                        String m = messages.get(i);
                        received.add(new Received(rcpts.get(i), m.length(), m, took));
                    }
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static String readData(InputStream in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return message.toString();
    }

    /** @return a line without its CR LF, or null at the end of the stream */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
