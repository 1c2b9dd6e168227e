/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.Priority;
import io.cellmail.service.spi.MailerSettings;

/**
 * A mail service on a manual clock with a scripted modem and recorded events, over a temporary outbox. Knows the
 * id and stage of every mail it sent, since {@code send} itself returns no id.
 */
final class ServiceHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final MailerSettings MAILER = MailerSettings
            .builder("emulator:test", "smtp.example.com", "gateway@example.com").build();

    private static final AtomicInteger NAMES = new AtomicInteger();

    final ManualTimeSource time = new ManualTimeSource(T0);
    final RecordingEvents events = new RecordingEvents();
    final Path directory;
    private final OutboxFileSystem files;
    private final Optional<SmsJobs> smsJobs;
    final String name = "modem" + NAMES.incrementAndGet();
    private final Map<String, CompletionStage<DeliveryReceipt>> stages = new ConcurrentHashMap<>();
    private MailServiceSettings settings;
    ScriptedMailer mailer;
    MailService service;

    /**
     * @param directory the outbox directory
     * @param customize changes to the test defaults: retry 10 s to 80 s, expiry 24 h, no rate limit
     */
    ServiceHarness(Path directory, UnaryOperator<MailServiceSettings.Builder> customize) {
        this(directory, OutboxFileSystem.PLATFORM, customize);
    }

    /**
     * @param directory the outbox directory
     * @param files the file operations the outbox makes
     * @param customize changes to the test defaults
     */
    ServiceHarness(Path directory, OutboxFileSystem files, UnaryOperator<MailServiceSettings.Builder> customize) {
        this(directory, files, Optional.empty(), customize);
    }

    /**
     * @param directory the outbox directory
     * @param smsJobs the SMS outbox the SMS fallback hands its SMS to, kept across restarts
     * @param customize changes to the test defaults
     */
    ServiceHarness(Path directory, SmsJobs smsJobs, UnaryOperator<MailServiceSettings.Builder> customize) {
        this(directory, OutboxFileSystem.PLATFORM, Optional.of(smsJobs), customize);
    }

    /**
     * @param directory the outbox directory
     * @param files the file operations the outbox makes
     * @param smsJobs the SMS outbox the SMS fallback hands its SMS to, kept across restarts; empty for none
     * @param customize changes to the test defaults
     */
    ServiceHarness(Path directory, OutboxFileSystem files, Optional<SmsJobs> smsJobs,
            UnaryOperator<MailServiceSettings.Builder> customize) {
        this.directory = directory;
        this.files = files;
        this.smsJobs = smsJobs;
        open(customize);
    }

    /**
     * Closes the service and opens a new one on the same outbox, wall clock and events, with a new modem and a new
     * process's monotonic clock.
     */
    void restart(UnaryOperator<MailServiceSettings.Builder> customize) {
        service.close();
        time.newProcess();
        open(customize);
    }

    private void open(UnaryOperator<MailServiceSettings.Builder> customize) {
        settings = customize.apply(MailServiceSettings.builder(name, MAILER, directory)
                .retry(Duration.ofSeconds(10), Duration.ofSeconds(80))
                .expiry(Duration.ofHours(24))
                .maxPerHour(0)).build();
        mailer = new ScriptedMailer();
        try {
            service = new MailService(settings, mailer, events, time, new SplittableRandom(42), files, smsJobs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        service.start();
    }

    /** @return the id of the accepted mail, which is the message's own id, as its QUEUED event confirms */
    String send(MailMessage message) {
        CompletionStage<DeliveryReceipt> stage = service.send(message);
        List<RecordingEvents.Event> queued = events.all().stream()
                .filter(e -> e.topic().equals(MailEvents.QUEUED)).toList();
        String id = queued.get(queued.size() - 1).messageId();
        assertThat(id).isEqualTo(message.id());
        assertThat(stages).doesNotContainKey(id);
        stages.put(id, stage);
        return id;
    }

    /** @return the receipt, once the mail was sent */
    DeliveryReceipt receipt(String id) throws Exception {
        return stages.get(id).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the failure the mail's stage completed with */
    MailException failure(String id) throws InterruptedException, TimeoutException {
        try {
            DeliveryReceipt receipt = stages.get(id).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("mail " + id + " was delivered: " + receipt);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MailException.class);
            return (MailException) e.getCause();
        }
    }

    boolean isDone(String id) {
        return stages.get(id).toCompletableFuture().isDone();
    }

    MessageStatus status(String id) {
        return service.status(id).orElseThrow(() -> new AssertionError("no status for " + id));
    }

    /** Waits until the modem saw this many attempts in total. */
    void awaitAttempts(int count) {
        await().atMost(WAIT).until(() -> mailer.calls().size() >= count);
        assertThat(mailer.calls()).hasSize(count);
    }

    /** Waits until the dispatcher sleeps until exactly this moment. */
    void awaitParkedUntil(Instant deadline) {
        await().atMost(WAIT).until(() -> time.parkedUntil().filter(deadline::equals).isPresent());
    }

    /** Waits until the mail's status satisfies the condition, e.g. is in backoff after its n-th attempt. */
    MessageStatus awaitStatus(String id, java.util.function.Predicate<MessageStatus> condition) {
        await().atMost(WAIT).until(() -> service.status(id).filter(condition).isPresent());
        return status(id);
    }

    /** @return the mail files in the outbox directory */
    List<Path> outboxFiles() {
        return OutboxContents.mailFiles(directory);
    }

    /** @return the file of the mail with this id */
    Path fileOf(String id) {
        return OutboxContents.fileOf(directory, id);
    }

    /**
     * Waits until the dispatcher sleeps until a moment that has not come yet (a due time, a checkpoint of the clock, or
     * a signal only): it did everything that was due. Right after a {@code send} the dispatcher may still look parked
     * while it wakes for the new mail: wait for what the mail causes first.
     */
    void awaitIdle() {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> time.parkedUntil().filter(until -> until.isAfter(time.now())).isPresent());
    }

    @Override
    public void close() {
        service.close();
    }

    static MailMessage mail(String subject) {
        return mail(subject, Priority.NORMAL);
    }

    static MailMessage mail(String subject, Priority priority) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("Body of " + subject)
                .priority(priority).build();
    }
}
