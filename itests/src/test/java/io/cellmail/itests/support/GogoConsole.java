/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** A console command run as an operator runs it: in a fresh Gogo session, its answer read from the session. */
public final class GogoConsole {

    private GogoConsole() {
    }

    /**
     * @param processor the framework's Gogo command processor
     * @param command the command line
     * @param secrets values that must never appear in the answer
     * @return what the command wrote; fails the test if it returned a value (Gogo would print its answer twice) or
     *     if the answer shows a secret
     * @throws Exception when the command throws
     */
    public static String run(CommandProcessor processor, String command, String... secrets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            assertThat(result).as("returned by " + command).isNull();
            String output = out.toString(StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(output).as(command).doesNotContain(secret);
            }
            return output;
        } finally {
            session.close();
        }
    }
}
