/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo command session opened from outside the framework: what an operator types at the console, run by the
 * launcher. Output of a command (what it prints and what it returns) comes back as text.
 */
final class GogoConsole implements AutoCloseable {

    private static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String COMMAND_SESSION = "org.apache.felix.service.command.CommandSession";

    private final ServiceInterface sessionType;
    private final Object session;
    private final ByteArrayOutputStream output;

    private GogoConsole(ServiceInterface sessionType, Object session, ByteArrayOutputStream output) {
        this.sessionType = sessionType;
        this.session = session;
        this.output = output;
    }

    /**
     * @param waiter finds the command processor
     * @param timeout how long the Gogo runtime may take to appear
     * @return a new session whose keyboard is empty
     * @throws GatewayException when there is no Gogo runtime
     * @throws InterruptedException when interrupted
     */
    static GogoConsole open(ServiceWaiter waiter, Duration timeout) throws GatewayException, InterruptedException {
        ServiceReference<?> reference = waiter.await("(objectClass=" + COMMAND_PROCESSOR + ")", timeout,
                "the Gogo command processor");
        ServiceInterface processorType = ServiceInterface.of(reference, COMMAND_PROCESSOR);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Object session = processorType.call(waiter.get(reference, "the Gogo command processor"), "createSession",
                new Class<?>[] {InputStream.class, OutputStream.class, OutputStream.class},
                new ByteArrayInputStream(new byte[0]), output, output);
        return new GogoConsole(processorType.sibling(COMMAND_SESSION), session, output);
    }

    /**
     * @param commandLine a console command, e.g. {@code cellmail:transcript}
     * @return what it printed, followed by what it returned (if anything)
     * @throws GatewayException when the command failed; the message carries its output and the failure
     */
    synchronized String execute(String commandLine) throws GatewayException {
        output.reset();
        Object result;
        try {
            result = sessionType.call(session, "execute", new Class<?>[] {CharSequence.class}, commandLine);
        } catch (GatewayException e) {
            String printed = printed();
            throw new GatewayException((printed.isEmpty() ? "" : printed + System.lineSeparator())
                    + "'" + commandLine + "' failed: " + rootMessage(e), e);
        }
        String printed = printed();
        if (result == null) {
            return printed;
        }
        String returned = String.valueOf(result);
        return printed.isEmpty() ? returned : printed + System.lineSeparator() + returned;
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        try {
            sessionType.call(session, "close", new Class<?>[0]);
        } catch (GatewayException e) {
            // A session of a stopping framework may already be gone; nothing to release then.
        }
    }
}
