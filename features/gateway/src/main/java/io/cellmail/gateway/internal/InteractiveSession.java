package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The gateway with its console open: the Gogo shell reads the terminal, mail that reaches the loopback SMTP server
 * is announced as it arrives, and the run ends when the framework stops ({@code exit} at the console, Ctrl-D,
 * Ctrl-C).
 */
final class InteractiveSession {

    private final EmbeddedFramework framework;
    private final LoopbackSmtpServer smtp;
    private final PrintStream out;

    InteractiveSession(EmbeddedFramework framework, LoopbackSmtpServer smtp, PrintStream out) {
        this.framework = Objects.requireNonNull(framework, "framework");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Says what is about to run; printed before the framework starts, so that it comes before the shell's prompt.
     *
     * @param bundles how many bundles the gateway runs
     * @param smtp the loopback SMTP server
     * @param out where to print
     */
    static void announce(int bundles, LoopbackSmtpServer smtp, PrintStream out) {
        out.println("cellmail gateway: " + bundles + " bundles; emulated modem 'demo' (port emulator:demo) delivers to"
                + " SMTP " + smtp.route() + " (mail shown as it arrives).");
        out.println("Try: cellmail:status, cellmail:send (alone: how to use it), cellmail:queue, cellmail:probe,"
                + " cellmail:transcript. 'exit 0' or Ctrl-D stops the gateway.");
    }

    int run() throws InterruptedException {
        Thread stopOnSignal = new Thread(framework::close, "cellmail-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        MailAnnouncer announcer = MailAnnouncer.start(smtp, out);
        try {
            framework.awaitStop();
            return 0;
        } finally {
            announcer.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it stops the framework itself.
            }
        }
    }
}
