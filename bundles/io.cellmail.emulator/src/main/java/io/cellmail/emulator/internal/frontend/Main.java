/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar io.cellmail.emulator-<version>-standalone.jar}: runs one emulated module behind a TCP port or a
 * pseudo-terminal until the process is killed. See {@link EmulatorOptions#USAGE} for the command line.
 */
public final class Main {

    /** Exit code for a command line that can't be run. */
    static final int EXIT_USAGE = 2;
    /** Exit code when the emulator can't start (port taken, socat missing). */
    static final int EXIT_FAILURE = 1;

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        // Nobody counts this down: the emulator runs until the JVM is stopped, and the hook closes it then.
        int exit = run(args, System.out, System.err, new CountDownLatch(1), true);
        System.exit(exit);
    }

    /**
     * Parses, starts and runs until {@code stop} is counted down.
     *
     * @param args the command line
     * @param out where the listening line and {@code --help} go
     * @param err where errors and the usage for a bad command line go
     * @param stop counted down to stop the emulator
     * @param shutdownHook whether a JVM shutdown hook should close the emulator
     * @return the process exit code: 0, {@link #EXIT_USAGE} or {@link #EXIT_FAILURE}
     */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop, boolean shutdownHook) {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        if (options.help()) {
            out.println(EmulatorOptions.USAGE);
            return 0;
        }
        StandaloneEmulator emulator;
        try {
            emulator = StandaloneEmulator.start(options);
        } catch (IllegalArgumentException e) {
            return usageError(err, "bad --fault: " + e.getMessage());
        } catch (IOException e) {
            err.println("cellmail emulator: " + e.getMessage());
            return EXIT_FAILURE;
        }
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cellmail-emulator-shutdown"));
        }
        out.println("cellmail emulator listening on " + emulator.location());
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
        }
        return 0;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("cellmail emulator: " + message);
        err.println(EmulatorOptions.USAGE);
        return EXIT_USAGE;
    }
}
