/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny SMTP server on 127.0.0.1 that answers each command verb with a scripted reply, for the failures GreenMail
 * can't be made to produce. Replies are keyed by verb ({@code EHLO}, {@code MAIL}, {@code RCPT}, {@code DATA}),
 * plus {@code GREETING} and {@code END_OF_DATA}; a reply may also be {@link #CLOSE} (drop the connection),
 * {@link #SILENT} (never answer) or {@link #TRICKLE} (send an endless multi-line reply, one line at a time).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    static final String CLOSE = "<close>";
    static final String SILENT = "<silent>";
    static final String TRICKLE = "<trickle>";

    private static final long TRICKLE_PAUSE_MILLIS = 100;

    private final ServerSocket listener;
    private final Map<String, String> replies = new HashMap<>(Map.of(
            "GREETING", "220 scripted ESMTP",
            "EHLO", "250-scripted\r\n250 8BITMIME",
            "HELO", "250 scripted",
            "MAIL", "250 sender ok",
            "RCPT", "250 recipient ok",
            "DATA", "354 go ahead",
            "END_OF_DATA", "250 queued",
            "RSET", "250 reset",
            "NOOP", "250 ok",
            "QUIT", "221 bye"));
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread acceptor;

    private ScriptedSmtpServer(Map<String, String> script) throws IOException {
        replies.putAll(script);
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param script replies by verb that replace the defaults */
    static ScriptedSmtpServer start(Map<String, String> script) throws IOException {
        return new ScriptedSmtpServer(script);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return the command lines received, in order (AUTH payloads included; test credentials only) */
    List<String> commands() {
        return List.copyOf(commands);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                connections.add(socket);
                converse(socket);
            } catch (IOException e) {
                // Closed by close(), or the client went away: wait for the next one or stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void converse(Socket socket) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        if (!answer(out, "GREETING")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (!answer(out, verb)) {
                return;
            }
            if (verb.equals("DATA") && replies.get("DATA").startsWith("354")) {
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // The message itself is of no interest here.
                }
                if (!answer(out, "END_OF_DATA")) {
                    return;
                }
            }
            if (verb.equals("QUIT")) {
                return;
            }
        }
    }

    /** @return false when the conversation ends here */
    private boolean answer(OutputStream out, String key) throws IOException, InterruptedException {
        String reply = replies.getOrDefault(key, "502 not scripted");
        switch (reply) {
            case CLOSE:
                return false;
            case SILENT:
                stopped.await();
                return false;
            case TRICKLE:
                while (!stopped.await(TRICKLE_PAUSE_MILLIS, TimeUnit.MILLISECONDS)) {
                    write(out, "250-still thinking");
                }
                return false;
            default:
                write(out, reply);
                return true;
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopped.countDown();
        listener.close();
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (SocketException e) {
                // Already gone.
            }
        }
        acceptor.join(TimeUnit.SECONDS.toMillis(5));
    }
}
