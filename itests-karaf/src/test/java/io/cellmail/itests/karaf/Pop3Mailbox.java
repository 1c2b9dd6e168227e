/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.karaf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The few POP3 commands (RFC 1939) that read one message of a GreenMail mailbox, without a mail library inside
 * Karaf: GreenMail creates a mailbox for every recipient, with the address as login and password.
 */
final class Pop3Mailbox {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final String address;

    Pop3Mailbox(int port, String address) {
        this.port = port;
        this.address = address;
    }

    /** @return the first message of the mailbox, headers and body, as the server sends it */
    String firstMessage() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            expectOk(in.readLine(), "greeting");
            command(out, in, "USER " + address);
            command(out, in, "PASS " + address);
            command(out, in, "RETR 1");
            StringBuilder message = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
            }
            command(out, in, "QUIT");
            return message.toString();
        }
    }

    private static void command(Writer out, BufferedReader in, String command) throws IOException {
        out.write(command + "\r\n");
        out.flush();
        expectOk(in.readLine(), command.startsWith("PASS") ? "PASS" : command);
    }

    private static void expectOk(String reply, String what) throws IOException {
        if (reply == null || !reply.startsWith("+OK")) {
            throw new IOException("POP3 " + what + " answered " + reply);
        }
    }
}
