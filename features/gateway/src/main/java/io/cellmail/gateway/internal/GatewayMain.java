/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;

/**
 * {@code java -jar cellmail-gateway.jar [--conf DIR] [--data DIR] [--demo] [--interactive] [--smtp-server]
 * [--web-console]}: starts the Felix gateway of this distribution with its configurations (and, when asked, the
 * Felix Web Console on a loopback port), then runs it until it is stopped, opens the console, or runs the demo (with
 * a loopback SMTP server for its emulated modem); see {@link GatewayOptions#USAGE}.
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
        try {
            GatewayHome home = GatewayHome.locate().requireLayout();
            // Before the first SLF4J logger exists: slf4j-simple reads its settings only then.
            LoggingDefaults.apply(home);
            return new Gateway(home, options, out, err).run();
        } catch (GatewayException | IllegalStateException e) {
            err.println("cellmail-gateway: FAILED: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cellmail-gateway: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("cellmail-gateway: FAILED: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}
