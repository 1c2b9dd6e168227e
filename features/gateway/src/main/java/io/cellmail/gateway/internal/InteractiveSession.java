/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway with its console open: the Gogo shell reads the terminal, mail that reaches the loopback SMTP server
 * (if the launcher runs one) is announced as it arrives, and the run ends when the framework stops ({@code exit}
 * at the console, Ctrl-D, Ctrl-C).
 */
final class InteractiveSession {

    private final EmbeddedFramework framework;
    private final Optional<LoopbackSmtpServer> smtp;
    private final PrintStream out;

    InteractiveSession(EmbeddedFramework framework, Optional<LoopbackSmtpServer> smtp, PrintStream out) {
        this.framework = Objects.requireNonNull(framework, "framework");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Says what is about to run; printed before the framework starts, so that it comes before the shell's prompt.
     *
     * @param bundles how many bundles the gateway runs
     * @param smtp the loopback SMTP server, if the launcher runs one
     * @param out where to print
     */
    static void announce(int bundles, Optional<LoopbackSmtpServer> smtp, PrintStream out) {
        out.println("cellmail gateway: " + bundles + " bundles" + smtp.map(server -> "; emulated modems deliver to"
                + " SMTP " + server.route() + " (mail shown as it arrives).").orElse("."));
        out.println("Try: cellmail:status, cellmail:send (alone: how to use it), cellmail:queue, cellmail:probe,"
                + " cellmail:transcript. 'exit 0' or Ctrl-D stops the gateway.");
    }

    int run() throws InterruptedException {
        Optional<MailAnnouncer> announcer = smtp.map(server -> MailAnnouncer.start(server, out));
        try {
            framework.runUntilStopped();
            return 0;
        } finally {
            if (announcer.isPresent()) {
                announcer.get().close();
            }
        }
    }
}
