/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.karaf;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail with SMTP and POP3 on free loopback ports, in the Pax Exam driver's JVM: one for the test run, stopped
 * when that JVM ends. Only the driver may touch this class; GreenMail is not installed in Karaf, so the test class
 * (which Karaf loads too) names it only inside the configuration method's body.
 */
final class DriverSmtpServer {

    private static GreenMail greenMail;

    private DriverSmtpServer() {
    }

    /** @return the running server, started on the first call */
    static synchronized GreenMail get() {
        if (greenMail == null) {
            GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort(),
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "karaf-itest-greenmail-stop"));
            greenMail = server;
        }
        return greenMail;
    }

    static int smtpPort() {
        return get().getSmtp().getPort();
    }

    static int pop3Port() {
        return get().getPop3().getPort();
    }
}
