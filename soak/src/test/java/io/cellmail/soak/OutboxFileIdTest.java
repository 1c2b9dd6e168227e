/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.service.internal.ConfiguredMailService;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/** The soak finds which mail waits in the outbox by reading files the real service wrote. */
class OutboxFileIdTest {

    @TempDir
    Path outbox;

    @Test
    void shouldReadTheIdsOfTheMailTheServiceLeftInItsOutbox() throws IOException {
        try (ConfiguredMailService service = new ConfiguredMailService(settings -> new UnreachableModem(),
                "soak-test", () -> null, null)) {
            service.configure("soak-test", MailServiceSettings.builder("soak",
                    MailerSettings.builder("emulator:soak", "smtp.example.com", "soak@example.com").build(), outbox)
                    .build());
            for (String id : List.of("a00001", "A00001", "a00002")) {
                service.send(MailMessage.builder().id(id).to("ops@example.com").subject(id).body("x").build());
            }
        }

        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(OutboxFileId::of).flatMap(Optional::stream))
                    .containsExactlyInAnyOrder("a00001", "A00001", "a00002");
        }
    }

    @Test
    void shouldTakeTheIdOfAFirstFormatFileFromItsNameAndIgnoreEverythingElse() throws IOException {
        assertThat(OutboxFileId.of(Files.writeString(outbox.resolve("a00007.msg"), "CMOB"))).contains("a00007");
        assertThat(OutboxFileId.of(Files.writeString(outbox.resolve("0000000001.mail"), "not an outbox file")))
                .isEmpty();
        assertThat(OutboxFileId.of(Files.writeString(outbox.resolve("service.state"), "x"))).isEmpty();
    }

    /** A modem that is never there: mail stays in the outbox. */
    private static final class UnreachableModem implements ModemMailer {

        @Override
        public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "no modem in this test");
        }

        @Override
        public ModemHealth health() {
            return new ModemHealth(ModemState.UNAVAILABLE, Registration.UNKNOWN, OptionalInt.empty());
        }

        @Override
        public void close() {
        }
    }
}
