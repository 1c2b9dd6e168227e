/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code ./cellmail-demo --interactive ...} as a separate process, the way a user starts it at a terminal: its
 * output goes to a file the test reads, its stdin is the Gogo console the test types into.
 */
final class InteractiveGateway implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final OutputStream console;

    private InteractiveGateway(Process process, Path output) {
        this.process = process;
        this.output = output;
        this.console = process.getOutputStream();
    }

    /**
     * @param output where the gateway's stdout and stderr go
     * @param environment added to the script's environment
     * @param args the script's arguments
     * @return the running gateway
     */
    static InteractiveGateway start(Path output, Map<String, String> environment, String... args)
            throws IOException {
        Path root = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("cellmail-demo").toString(), "--interactive"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        // The build has just assembled the distribution; the script must not start another build inside it.
        builder.environment().put("CELLMAIL_DEMO_SKIP_BUILD", "1");
        builder.environment().putAll(environment);
        return new InteractiveGateway(builder.start(), output);
    }

    /** @return everything the gateway printed so far */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's output " + output, e);
        }
    }

    /**
     * @param pattern what to wait for in the output
     * @param bound how long it may take
     * @return the first match
     */
    Matcher awaitOutput(Pattern pattern, Duration bound) {
        try {
            await(pattern.pattern()).atMost(bound).pollInterval(Duration.ofMillis(200))
                    .until(() -> pattern.matcher(output()).find() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the gateway did not print " + pattern + " within " + bound.toSeconds()
                    + " s; it printed:\n" + output(), e);
        }
        Matcher matcher = pattern.matcher(output());
        if (!matcher.find()) {
            throw new AssertionError("the gateway ended without printing " + pattern + "; it printed:\n" + output());
        }
        return matcher;
    }

    /** Types one line at the Gogo console. */
    void type(String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            type("exit 0");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
