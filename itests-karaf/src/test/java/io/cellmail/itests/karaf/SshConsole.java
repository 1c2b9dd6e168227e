/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.karaf;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A real SSH client (Apache MINA SSHD, the same library Karaf's server runs on) logged in to Karaf's SSH console
 * over loopback, as an operator's {@code ssh -p PORT user@gateway} is: an interactive shell on a pty, or one command
 * on an exec channel, as {@code ssh -p PORT user@gateway 'command'} in a script is.
 *
 * <p>On an exec channel Karaf 4.4 prints what a command writes, but not the value a Gogo function returns: that is
 * why every cellmail command writes its answer.
 */
final class SshConsole implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How Karaf's prompt ({@code user@root()> }) ends; no command's output here contains it. */
    private static final String PROMPT_END = "()> ";

    private final SshClient client;
    private final int port;
    private final String user;
    private final String password;

    private SshConsole(SshClient client, int port, String user, String password) {
        this.client = client;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * @return a client for Karaf's SSH console on the loopback port; Karaf's host key is generated at its first
     *         boot, so any key is accepted
     */
    static SshConsole to(int port, String user, String password) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        return new SshConsole(client, port, user, password);
    }

    /** @return an interactive shell on a pty, as {@code ssh -t} gives; the console's prompt already shown */
    Shell shell() throws IOException {
        ClientSession session = login();
        try {
            ChannelShell channel = session.createShellChannel();
            channel.setPtyType("xterm");
            // Wide enough that JLine never wraps a command line the test types.
            channel.setPtyColumns(400);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(TIMEOUT);
            Shell shell = new Shell(session, channel, out);
            shell.awaitOutput(PROMPT_END);
            return shell;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Runs one command on an exec channel, without a pty, as {@code ssh user@gateway 'command'} does.
     *
     * @return what the command wrote (output and error streams together) and the exit status Karaf sent
     */
    Exec exec(String command) throws IOException {
        try (ClientSession session = login(); ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return new Exec(out.toString(StandardCharsets.UTF_8), channel.getExitStatus());
        }
    }

    /**
     * What one command on an exec channel gave back.
     *
     * @param output what the command wrote
     * @param exitStatus the exit status Karaf sent, null when it sent none
     */
    record Exec(String output, Integer exitStatus) {
    }

    private ClientSession login() throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public void close() {
        client.stop();
    }

    /** An interactive session: what is typed goes to the pty, everything the console wrote is kept. */
    static final class Shell implements AutoCloseable {

        private final ClientSession session;
        private final ChannelShell channel;
        private final ByteArrayOutputStream out;

        private Shell(ClientSession session, ChannelShell channel, ByteArrayOutputStream out) {
            this.session = session;
            this.channel = channel;
            this.out = out;
        }

        /**
         * Types a command line and waits for the next prompt.
         *
         * @return what the console wrote after the line was typed, up to the next prompt: the echo of the line, the
         *         command's output, escape sequences included
         */
        String run(String command) throws IOException {
            int mark = output().length();
            typeLine(command);
            await().atMost(TIMEOUT).until(() -> output().substring(mark).contains(PROMPT_END));
            return output().substring(mark);
        }

        /** Types the text and Return, as a keyboard does (a pty sends CR). */
        void typeLine(String text) throws IOException {
            OutputStream keyboard = channel.getInvertedIn();
            keyboard.write((text + "\r").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Waits until the console has written the text. */
        void awaitOutput(String text) {
            await().atMost(TIMEOUT).until(() -> output().contains(text));
        }

        /** @return everything the console wrote so far, escape sequences included */
        String output() {
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                session.close();
            }
        }
    }
}
