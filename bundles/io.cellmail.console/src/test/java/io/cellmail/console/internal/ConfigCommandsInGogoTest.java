/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellmail:config} command lines parsed by the Gogo runtime itself: the list without arguments, options
 * anywhere before the action, any number of {@code key=value} after the service, quoted values.
 */
class ConfigCommandsInGogoTest {

    private final ConfigCommands commands = new ConfigCommands();
    private final InMemoryConfigurations store = new InMemoryConfigurations().with("modem1",
            Map.of("port", "tcp://127.0.0.1:4000"));
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private CommandSession session;

    @TempDir
    Path files;

    @BeforeEach
    void startGogo() {
        commands.bindConfigurations(store);
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("cellmail", commands, "config");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), output,
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stopGogo() {
        session.close();
        threadIo.stop();
    }

    @Test
    void shouldListWithoutArgumentsAndShowWithOne() throws Exception {
        assertThat(run("cellmail:config")).contains("modem1").contains("tcp://127.0.0.1:4000");
        assertThat(run("cellmail:config list")).contains("modem1");
        assertThat(run("cellmail:config show modem1")).startsWith("modem1 (");
    }

    @Test
    void shouldTakeAnyNumberOfSettingsWithQuotedValues() throws Exception {
        String out = run("cellmail:config set modem1 smtpPort=587 \"senderName=Pump station 3\" "
                + "authentication=false");

        assertThat(out).startsWith("modem1: smtpPort (default) -> 587, senderName (default) -> Pump "
                + "station 3, authentication (default) -> false.");
        assertThat(store.configurations.get("io.cellmail.mail~modem1")).containsEntry("smtpPort", 587)
                .containsEntry("senderName", "Pump station 3").containsEntry("authentication", false);
    }

    @Test
    void shouldTakeOptionsBeforeTheAction() throws Exception {
        Path pw = Files.writeString(files.resolve("pw"), "Gogo-Pw-1\n");
        Path xml = files.resolve("out.xml");

        assertThat(run("cellmail:config --file " + pw + " password modem1 .smtpPassword"))
                .startsWith("modem1: .smtpPassword set.").doesNotContain("Gogo-Pw-1");
        assertThat(run("cellmail:config --format kura -o " + xml + " export modem1"))
                .startsWith("Exported modem1 to ");
        assertThat(run("cellmail:config -n modem5 import " + xml))
                .startsWith("Imported modem5 from ");
        assertThat(store.configurations).containsKey("io.cellmail.mail~modem5");
    }

    /**
     * Runs a command line as the console does and returns what it wrote to the session's output. The command must
     * return nothing: Gogo prints a returned value after the command's own output, so the answer would appear twice.
     */
    private String run(String commandLine) throws Exception {
        output.reset();
        Object returned = session.execute(commandLine);
        assertThat(returned).as("returned by " + commandLine + " (printed a second time)").isNull();
        return output.toString(StandardCharsets.UTF_8);
    }
}
