/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code java -jar cellmail-gateway.jar [--conf DIR] [--data DIR] [--log-dir DIR] [--demo] [--interactive]
 * [--smtp-server] [--web-console]}: starts the Felix gateway of this distribution with its configurations (and,
 * when asked, the Felix Web Console on a loopback port), then runs it until it is stopped, opens the console, or runs
 * the demo (with a loopback SMTP server for its emulated modem); see {@link GatewayOptions#USAGE}.
 *
 * <p>Exit codes: 0 success, 1 the gateway or the demo failed (the reason is on stderr), 2 a wrong command line.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * @param out where the demo and the console print
     * @param err where failures are explained
     * @param args the command line
     * @return the exit code
     */
    static int run(PrintStream out, PrintStream err, String... args) {
        GatewayOptions options;
        try {
            options = GatewayOptions.parse(args);
        } catch (GatewayOptions.UsageException e) {
            err.println("cellmail-gateway: " + e.getMessage());
            err.println(GatewayOptions.USAGE);
            return 2;
        }
        if (options == null) {
            out.println(GatewayOptions.USAGE);
            return 0;
        }
        Optional<LogFile> log = Optional.empty();
        PrintStream runOut = out;
        PrintStream runErr = err;
        try {
            GatewayHome home = GatewayHome.locate().requireLayout();
            // Before the first SLF4J logger exists: slf4j-simple reads its settings only then.
            LoggingDefaults.apply(home);
            if (options.logDirectory().isPresent()) {
                log = Optional.of(LogFile.openConfigured(options.logDirectory().get()));
                // slf4j-simple (launcher and framework) and java.util.logging's console handler write to System.err
                // as it is when they print, so everything logged from now on goes to the file. A gateway run in the
                // background also writes its few lines of standard output there; a console or the demo keeps its
                // terminal.
                PrintStream file = log.get().stream();
                System.setErr(file);
                runErr = file;
                if (options.mode() == GatewayOptions.Mode.RUN) {
                    System.setOut(file);
                    runOut = file;
                }
            }
            return new Gateway(home, options, runOut, runErr).run();
        } catch (GatewayException | IllegalStateException e) {
            runErr.println("cellmail-gateway: FAILED: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runErr.println("cellmail-gateway: interrupted");
            return 1;
        } catch (Exception e) {
            runErr.println("cellmail-gateway: FAILED: " + e);
            e.printStackTrace(runErr);
            return 1;
        } finally {
            log.ifPresent(LogFile::close);
        }
    }
}
