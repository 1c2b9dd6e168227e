/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.CellularMailAdmin;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemProbe;

/**
 * A mail service as the console sees it, both interfaces in one object like the real component: what {@code send}
 * does is scripted, everything else answers from fields the test sets.
 */
final class FakeMailService implements CellularMailService, CellularMailAdmin {

    static final Instant ACCEPTED = Instant.parse("2026-11-26T16:00:00Z");

    final String name;
    final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    final List<String> retried = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final Map<String, MessageStatus> outbox = new HashMap<>();
    volatile Function<MailMessage, CompletionStage<DeliveryReceipt>> outcome =
            m -> CompletableFuture.completedFuture(new DeliveryReceipt(m.id(), 1, ACCEPTED));
    final List<SmsMessage> smsSent = new CopyOnWriteArrayList<>();
    volatile Function<SmsMessage, CompletionStage<SmsDelivery>> smsOutcome =
            m -> CompletableFuture.completedFuture(new SmsDelivery(m.id(), m.number(), 2, List.of(17, 18), 1,
                    ACCEPTED));
    volatile List<SmsStatus> smsQueue = List.of();
    volatile ServiceStatus status;
    volatile Optional<String> problem = Optional.empty();
    volatile OutboxCounters counters = new OutboxCounters(3, 1, 2, 0, 1, 0, 0, 0);
    volatile ModemProbe probe = new ModemProbe(List.of("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08"),
            "READY", Registration.HOME, OptionalInt.of(20), true);
    volatile RuntimeException probeFailure;
    volatile List<String> transcript = List.of();
    volatile Optional<MailerSettings.Tls> smtpSecurity = Optional.of(MailerSettings.Tls.NONE);

    FakeMailService(String name) {
        this.name = name;
        this.status = new ServiceStatus(name, ModemState.READY, Registration.HOME, OptionalInt.of(20), 0,
                Optional.empty());
    }

    /** Puts a waiting mail in the outbox. */
    FakeMailService waiting(String id, MessageState state, int attempts, MailErrorCode lastError) {
        outbox.put(id, new MessageStatus(id, state, attempts, ACCEPTED, Optional.of(ACCEPTED.plusSeconds(60)),
                Optional.ofNullable(lastError)));
        return this;
    }

    /** Refuses every mail at once with this code. */
    FakeMailService refusing(MailException refusal) {
        outcome = m -> {
            throw refusal;
        };
        return this;
    }

    /** Fails every mail after acceptance with this code. */
    FakeMailService failing(MailErrorCode code, String message) {
        outcome = m -> CompletableFuture.failedFuture(new MailException(code, message));
        return this;
    }

    /** Never reports an outcome. */
    FakeMailService silent() {
        outcome = m -> new CompletableFuture<>();
        return this;
    }

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        CompletionStage<DeliveryReceipt> stage = outcome.apply(message);
        sent.add(message);
        return stage;
    }

    @Override
    public CompletionStage<SmsDelivery> sendSms(SmsMessage message) {
        CompletionStage<SmsDelivery> stage = smsOutcome.apply(message);
        smsSent.add(message);
        return stage;
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        return Optional.ofNullable(outbox.get(messageId));
    }

    @Override
    public boolean cancel(String messageId) {
        MessageStatus status = outbox.get(messageId);
        if (status == null || status.state() == MessageState.SENDING) {
            return false;
        }
        cancelled.add(messageId);
        outbox.remove(messageId);
        return true;
    }

    @Override
    public ServiceStatus serviceStatus() {
        return status;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> configurationProblem() {
        return problem;
    }

    @Override
    public List<MessageStatus> queue() {
        return new ArrayList<>(outbox.values());
    }

    @Override
    public boolean retryNow(String messageId) {
        MessageStatus status = outbox.get(messageId);
        if (status == null || status.state() == MessageState.SENDING) {
            return false;
        }
        retried.add(messageId);
        return true;
    }

    @Override
    public ModemProbe probe() {
        if (probeFailure != null) {
            throw probeFailure;
        }
        return probe;
    }

    @Override
    public List<String> transcript(int lastLines) {
        return transcript.subList(Math.max(0, transcript.size() - lastLines), transcript.size());
    }

    @Override
    public List<SmsStatus> smsQueue() {
        return smsQueue;
    }

    @Override
    public OutboxCounters counters() {
        return counters;
    }

    @Override
    public Optional<MailerSettings.Tls> smtpSecurity() {
        return smtpSecurity;
    }
}
