/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asked for.
 *
 * @param mode what the launcher does once the gateway is up
 * @param demo the demo's surroundings: a loopback SMTP server for the emulated modem of the distribution's
 *        {@code conf/configurations/}, which are applied even with {@code --conf}
 * @param smtpServer a loopback SMTP server for every emulated modem without the demo
 * @param timeout the bound of the start and, in the demo, of everything up to the last line printed
 * @param dataDirectory where the framework keeps its state (outbox included); absent means a fresh temporary
 *        directory, removed on exit, so every demo starts from the same state
 * @param confDirectory the operator's configuration directory, whose {@code *.cfg} files are applied once at
 *        start; the distribution's {@code conf/configurations/} (the demo's emulated modem) only with the demo
 * @param logDirectory where the gateway's standard error (its log) goes, rotated ({@link LogFile}); absent: it
 *        stays standard error (the terminal, or the journal under systemd)
 * @param webConsolePort the loopback port of the Felix Web Console; absent means no web console
 */
record GatewayOptions(Mode mode, boolean demo, boolean smtpServer, Duration timeout, Optional<Path> dataDirectory,
        Optional<Path> confDirectory, Optional<Path> logDirectory,
        Optional<Integer> webConsolePort) {

    /** What the launcher does once the gateway is up. */
    enum Mode {
        /** Run until the framework is stopped (a signal, or a management agent), without a console on stdin. */
        RUN,
        /** Send a demo alarm mail through the whole stack, print what the SMTP server received, exit. */
        DEMO,
        /** Leave the Gogo console open with the {@code cellmail:*} commands. */
        INTERACTIVE
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);
    static final int DEFAULT_WEB_CONSOLE_PORT = 8080;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar cellmail-gateway.jar [--conf DIR] [--data DIR] [--log-dir DIR] [--demo] [--interactive]",
            "                                      [--smtp-server] [--timeout SECONDS] [--web-console]",
            "                                      [--web-console-port PORT]",
            "  (no mode)       run the gateway until it is stopped (Ctrl-C, SIGTERM)",
            "  --conf DIR      apply the *.cfg files of DIR through ConfigurationAdmin once at start: <pid>.cfg,",
            "                  factory configurations <factoryPid>-<name>.cfg (or <factoryPid>~<name>.cfg)",
            "  --log-dir DIR   write the log to DIR/cellmail-gateway.0.log, rotated at the size limit of",
            "                  conf/logging/logging.properties (10 MiB, 5 files by default)",
            "  --data DIR      keep the framework state (bundle cache, configurations, outboxes) in DIR instead of a",
            "                  temporary directory removed on exit",
            "  --demo          the demo (./cellmail-demo): the emulated modem 'demo' of conf/configurations and a",
            "                  loopback SMTP server for it; send a demo alarm mail through service, driver, AT engine",
            "                  and that modem, print what the server received and the AT transcript, exit",
            "  --interactive   leave the Gogo console open on the terminal (with --demo: the demo's gateway)",
            "  --smtp-server   without --demo: a loopback SMTP server that every emulated modem delivers to",
            "  --web-console   the Felix Web Console on http://127.0.0.1:" + DEFAULT_WEB_CONSOLE_PORT
                    + "/system/console (loopback only);",
            "                  its password is CELLMAIL_WEB_CONSOLE_PASSWORD's, or (only with --interactive)",
            "                  generated and printed once",
            "  --web-console-port PORT  the same on another loopback port",
            "  --timeout N     give up after N seconds when the gateway does not start, or the demo does not finish",
            "                  (default " + DEFAULT_TIMEOUT.toSeconds() + ")",
            "  --help          print this text");

    GatewayOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(confDirectory, "confDirectory");
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(webConsolePort, "webConsolePort");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (mode == Mode.DEMO && !demo) {
            throw new IllegalArgumentException("the demo needs its surroundings");
        }
    }

    /** @return whether the launcher runs a loopback SMTP server and routes every emulated modem to it */
    boolean loopbackSmtp() {
        return demo || smtpServer;
    }

    /**
     * @return whether the distribution's {@code conf/configurations/} are applied: only in the demo, whose
     *         emulated modem and mail service live there; a gateway run otherwise has the operator's only
     */
    boolean distributionConfigurations() {
        return demo;
    }

    /**
     * @param args the command line
     * @return the options; {@code null} when help was asked for
     * @throws UsageException when the command line is wrong
     */
    static GatewayOptions parse(String... args) throws UsageException {
        Mode mode = Mode.RUN;
        boolean demo = false;
        boolean smtpServer = false;
        Duration timeout = DEFAULT_TIMEOUT;
        Path data = null;
        Path conf = null;
        Path log = null;
        Integer webConsolePort = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--demo":
                    // The last of --demo and --interactive says what runs; any --demo gives the demo's surroundings,
                    // so ./cellmail-demo --interactive (the script puts --demo first) is the demo's gateway at a
                    // console.
                    mode = Mode.DEMO;
                    demo = true;
                    break;
                case "--interactive":
                    mode = Mode.INTERACTIVE;
                    break;
                case "--smtp-server":
                    smtpServer = true;
                    break;
                case "--timeout":
                    timeout = Duration.ofSeconds(positiveSeconds(valueOf(args, ++i, arg)));
                    break;
                case "--data":
                    data = Path.of(valueOf(args, ++i, arg));
                    break;
                case "--conf":
                    conf = Path.of(valueOf(args, ++i, arg));
                    break;
                case "--log-dir":
                    log = Path.of(valueOf(args, ++i, arg));
                    break;
                case "--web-console":
                    webConsolePort = webConsolePort == null ? DEFAULT_WEB_CONSOLE_PORT : webConsolePort;
                    break;
                case "--web-console-port":
                    webConsolePort = port(valueOf(args, ++i, arg));
                    break;
                case "--help":
                case "-h":
                    return null;
                default:
                    throw new UsageException("unknown argument: " + arg);
            }
        }
        if (mode == Mode.DEMO && webConsolePort != null) {
            // The demo exits after its mail: a console opened for it would be gone before anyone could look.
            throw new UsageException("the web console needs a gateway that keeps running: add --interactive, or"
                    + " leave out --demo");
        }
        return new GatewayOptions(mode, demo, smtpServer, timeout, Optional.ofNullable(data),
                Optional.ofNullable(conf), Optional.ofNullable(log), Optional.ofNullable(webConsolePort));
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException("--web-console-port needs a port from 1 to 65535, not '" + text + "'");
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static long positiveSeconds(String text) throws UsageException {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException("--timeout needs a positive number of seconds, not '" + text + "'");
    }

    /** A command line the launcher cannot follow. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
