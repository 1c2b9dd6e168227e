package io.cellmail.gateway.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asked for.
 *
 * @param mode demo (send one alarm mail, print what arrived, exit) or interactive (the Gogo console)
 * @param timeout the bound of the demo, from launch to the last line printed
 * @param dataDirectory where the framework keeps its state (outbox included); absent means a fresh temporary
 *        directory, removed on exit, so every demo starts from the same state
 */
record GatewayOptions(Mode mode, Duration timeout, Optional<Path> dataDirectory) {

    /** What the launcher does once the gateway is up. */
    enum Mode {
        /** Send a demo alarm mail through the whole stack, print what the SMTP server received, exit. */
        DEMO,
        /** Leave the Gogo console open with the {@code cellmail:*} commands. */
        INTERACTIVE
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar cellmail-gateway.jar [--demo | --interactive] [--timeout SECONDS] [--data DIR]",
            "  --demo          send a demo alarm mail through service, driver, AT engine and the emulated modem",
            "                  to a loopback SMTP server, print what it received and the AT transcript (default)",
            "  --interactive   start the same gateway and leave the Gogo console open (cellmail:* commands)",
            "  --timeout N     give up the demo after N seconds (default " + DEFAULT_TIMEOUT.toSeconds() + ")",
            "  --data DIR      keep the framework state (bundle cache, outbox) in DIR instead of a temporary one",
            "  --help          print this text");

    GatewayOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * @param args the command line
     * @return the options; {@code null} when help was asked for
     * @throws UsageException when the command line is wrong
     */
    static GatewayOptions parse(String... args) throws UsageException {
        Mode mode = Mode.DEMO;
        Duration timeout = DEFAULT_TIMEOUT;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--demo":
                    mode = Mode.DEMO;
                    break;
                case "--interactive":
                    mode = Mode.INTERACTIVE;
                    break;
                case "--timeout":
                    timeout = Duration.ofSeconds(positiveSeconds(valueOf(args, ++i, arg)));
                    break;
                case "--data":
                    data = Path.of(valueOf(args, ++i, arg));
                    break;
                case "--help":
                case "-h":
                    return null;
                default:
                    throw new UsageException("unknown argument: " + arg);
            }
        }
        return new GatewayOptions(mode, timeout, Optional.ofNullable(data));
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
