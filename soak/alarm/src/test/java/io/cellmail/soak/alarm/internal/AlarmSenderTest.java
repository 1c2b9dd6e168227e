/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;

/** The soak's consumer: what it journals around {@code send}, and when it holds the mail service. */
class AlarmSenderTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final List<String> journalWhenSent = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger holders = new AtomicInteger();
    private volatile MailException refusal;
    private Journal journal;
    private Thread thread;

    @AfterEach
    void stop() throws Exception {
        if (thread != null) {
            thread.interrupt();
            thread.join(BOUND.toMillis());
        }
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void shouldJournalAcceptedOnlyOnceSendReturnedAndThenDropTheRequest() throws Exception {
        request("a00001");

        start(false);

        await().atMost(BOUND).until(() -> lines().stream().anyMatch(line -> line.contains("ACCEPTED a00001")));
        assertThat(sent).containsExactly("a00001");
        assertThat(journalWhenSent).anyMatch(line -> line.contains("SENDING a00001"))
                .noneMatch(line -> line.contains("ACCEPTED a00001"));
        await().atMost(BOUND).until(() -> !Files.exists(spool().resolve("a00001.req")));
    }

    @Test
    void shouldJournalATypedRefusalWithItsCode() throws Exception {
        refusal = new MailException(MailErrorCode.QUEUE_FULL, "full");
        request("a00002");

        start(false);

        await().atMost(BOUND).until(() -> lines().stream().anyMatch(line -> line.contains("REFUSED a00002")));
        assertThat(lines()).anyMatch(line -> line.endsWith("REFUSED a00002 QUEUE_FULL 1001 full"));
    }

    @Test
    void shouldNotSendAgainWhatTheJournalSettledBeforeARestartButResendWhatWasInFlight() throws Exception {
        Files.createDirectories(directory.resolve("journal"));
        Files.writeString(directory.resolve("journal/accepted.log"),
                "1 SENDING a00003\n2 ACCEPTED a00003\n3 SENDING a00004\n", StandardCharsets.UTF_8);
        request("a00003");
        request("a00004");

        start(false);

        await().atMost(BOUND).until(() -> lines().stream().anyMatch(line -> line.contains("ACCEPTED a00004")));
        assertThat(sent).containsExactly("a00004");
        assertThat(lines()).anyMatch(line -> line.contains("SENDING a00004 again after a restart"));
        await().atMost(BOUND).until(() -> !Files.exists(spool().resolve("a00003.req")));
    }

    @Test
    void shouldLetTheServiceGoWhenIdleUnlessToldToHoldIt() throws Exception {
        request("a00005");
        start(false);

        await().atMost(BOUND).until(() -> lines().stream().anyMatch(line -> line.contains("RELEASED")));
        assertThat(holders).hasValue(0);
    }

    @Test
    void shouldHoldTheServiceFromTheStartWhenToldTo() throws Exception {
        start(true);

        await().atMost(BOUND).until(() -> holders.get() == 1);
        await().during(Duration.ofMillis(400)).atMost(BOUND).until(() -> holders.get() == 1);
        assertThat(lines()).noneMatch(line -> line.contains("RELEASED"));
    }

    private void start(boolean hold) throws IOException {
        journal = Journal.open(directory.resolve("journal/accepted.log"));
        Files.createDirectories(spool());
        AlarmSender sender = new AlarmSender(spool(), journal, new MailServiceHandle(objects(), journal), hold,
                Duration.ofMillis(100));
        thread = new Thread(sender, "test-alarm-sender");
        thread.start();
    }

    private void request(String id) throws IOException {
        Files.createDirectories(spool());
        Files.writeString(spool().resolve(id + ".req"), "id=" + id + "\nto=ops@soak.example\nsubject=SOAK " + id
                + "\nbody=Pump 3\\r\\nhigh\nattachment.name=" + id + ".csv\nattachment.size=50\n");
    }

    private Path spool() {
        return directory.resolve("spool");
    }

    private List<String> lines() throws IOException {
        Path file = directory.resolve("journal/accepted.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private ComponentServiceObjects<CellularMailService> objects() {
        CellularMailService service = new CellularMailService() {
            @Override
            public CompletionStage<DeliveryReceipt> send(MailMessage message) {
                try {
                    journalWhenSent.addAll(lines());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                if (refusal != null) {
                    throw refusal;
                }
                assertThat(message.attachments()).singleElement()
                        .satisfies(attachment -> assertThat(attachment.content()).hasSize(50));
                sent.add(message.id());
                return new CompletableFuture<>();
            }

            @Override
            public Optional<MessageStatus> status(String messageId) {
                return Optional.empty();
            }

            @Override
            public boolean cancel(String messageId) {
                return false;
            }

            @Override
            public ServiceStatus serviceStatus() {
                return new ServiceStatus("soak", ModemState.READY, Registration.HOME, OptionalInt.empty(), 0,
                        Optional.empty());
            }
        };
        return new ComponentServiceObjects<>() {
            @Override
            public CellularMailService getService() {
                holders.incrementAndGet();
                return service;
            }

            @Override
            public void ungetService(CellularMailService released) {
                holders.decrementAndGet();
            }

            @Override
            public ServiceReference<CellularMailService> getServiceReference() {
                return null;
            }
        };
    }
}
