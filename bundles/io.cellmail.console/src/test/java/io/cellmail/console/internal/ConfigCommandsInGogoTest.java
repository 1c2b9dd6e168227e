/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
    private CommandSession session;

    @TempDir
    Path files;

    @BeforeEach
    void startGogo() {
        commands.bindConfigurations(store);
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("cellmail", commands, "config");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stopGogo() {
        session.close();
        threadIo.stop();
    }

    @Test
    void shouldListWithoutArgumentsAndShowWithOne() throws Exception {
        assertThat(session.execute("cellmail:config")).asString().contains("modem1").contains("tcp://127.0.0.1:4000");
        assertThat(session.execute("cellmail:config list")).asString().contains("modem1");
        assertThat(session.execute("cellmail:config show modem1")).asString().startsWith("modem1 (");
    }

    @Test
    void shouldTakeAnyNumberOfSettingsWithQuotedValues() throws Exception {
        Object out = session.execute("cellmail:config set modem1 smtpPort=587 \"senderName=Pump station 3\" "
                + "authentication=false");

        assertThat(out).asString().startsWith("modem1: smtpPort (default) -> 587, senderName (default) -> Pump "
                + "station 3, authentication (default) -> false.");
        assertThat(store.configurations.get("io.cellmail.mail~modem1")).containsEntry("smtpPort", 587)
                .containsEntry("senderName", "Pump station 3").containsEntry("authentication", false);
    }

    @Test
    void shouldTakeOptionsBeforeTheAction() throws Exception {
        Path pw = Files.writeString(files.resolve("pw"), "Gogo-Pw-1\n");
        Path xml = files.resolve("out.xml");

        assertThat(session.execute("cellmail:config --file " + pw + " password modem1 .smtpPassword")).asString()
                .startsWith("modem1: .smtpPassword set.").doesNotContain("Gogo-Pw-1");
        assertThat(session.execute("cellmail:config --format kura -o " + xml + " export modem1")).asString()
                .startsWith("Exported modem1 to ");
        assertThat(session.execute("cellmail:config -n modem5 import " + xml)).asString()
                .startsWith("Imported modem5 from ");
        assertThat(store.configurations).containsKey("io.cellmail.mail~modem5");
    }
}
