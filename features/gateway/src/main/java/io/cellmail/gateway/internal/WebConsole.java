/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.ServiceReference;

/**
 * The Felix Web Console of a gateway started with {@code --web-console}: its bundles (the runtime bundle set's
 * group webconsole, in the distribution's {@code webconsole/}) run on Felix HTTP Jetty, which listens on
 * 127.0.0.1 only, and the console lets in only {@link WebConsoleLogin}'s user. Both are framework properties, so
 * that they hold from the first request on: a configuration applied through ConfigurationAdmin would come after
 * the bundles started, leaving Felix's {@code admin}/{@code admin} open for a moment.
 */
final class WebConsole {

    static final String HOST = "127.0.0.1";
    static final String ROOT = "/system/console";
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    // The console's own servlet, the one that serves its resources: registered once the console serves pages.
    private static final String CONSOLE_SERVLET = "(&(objectClass=jakarta.servlet.Servlet)"
            + "(osgi.http.whiteboard.resource.prefix=/res))";
    private static final String ENDPOINT = "osgi.http.endpoint";

    private final int port;
    private final WebConsoleLogin login;

    WebConsole(int port, WebConsoleLogin login) {
        this.port = port;
        this.login = Objects.requireNonNull(login, "login");
    }

    /** @return the framework properties that bind Jetty to the loopback port and set the console's login */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.apache.felix.http.host", HOST);
        properties.put("org.osgi.service.http.port", Integer.toString(port));
        properties.put("org.apache.felix.http.enable", "true");
        properties.put("org.apache.felix.https.enable", "false");
        properties.put("felix.webconsole.manager.root", ROOT);
        properties.put("felix.webconsole.username", WebConsoleLogin.USER);
        properties.put("felix.webconsole.password", login.hashed());
        return properties;
    }

    /**
     * Waits until Jetty serves the console, then tells the operator where the console is and, if it was generated,
     * the password: the only place it is ever shown.
     *
     * @param waiter finds the HTTP runtime
     * @param deadline when Jetty and the console must serve
     * @param out where to print
     * @throws GatewayException when Jetty does not serve (e.g. the port is taken)
     * @throws InterruptedException when interrupted
     */
    void announce(ServiceWaiter waiter, Deadline deadline, PrintStream out) throws GatewayException,
            InterruptedException {
        ServiceReference<?> runtime = waiter.await("(objectClass=" + RUNTIME + ")", deadline.remaining(),
                "the web console's HTTP server on " + HOST + ":" + port + " (is the port taken?)");
        waiter.await(CONSOLE_SERVLET, deadline.remaining(), "the web console");
        out.println("Web console: " + endpoint(runtime.getProperty(ENDPOINT)) + ROOT.substring(1) + " (user "
                + WebConsoleLogin.USER + ", password " + (login.generated() ? login.password()
                        + " generated for this run, shown only here)" : "from " + WebConsoleLogin.PASSWORD_VARIABLE
                                + ")"));
    }

    private String endpoint(Object property) {
        Object first = property instanceof Object[] values && values.length > 0 ? values[0] : property;
        String endpoint = first == null ? "http://" + HOST + ":" + port + "/" : first.toString();
        return endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }

    @Override
    public String toString() {
        return "web console on " + HOST + ":" + port + ROOT + " for " + login;
    }
}
