/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;
import io.cellmail.service.sms.SmsSegments;

import java.util.OptionalInt;

/**
 * A fake modem: every attempt is recorded; its outcome is scripted per subject (a list of failure codes for the
 * first attempts, then success, unless told to fail forever). Can hold attempts until released, like a modem in
 * the middle of {@code AT+QSMTPPUT}; {@link #close()} ends a held attempt the way the SPI demands.
 */
final class ScriptedMailer implements ModemMailer {

    /** One call of {@link #send}. */
    record Call(String subject, SenderIdentity sender, Duration deadline) {
    }

    private final Map<String, Deque<MailErrorCode>> failures = new ConcurrentHashMap<>();
    private final Map<String, MailErrorCode> failForever = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<SmsRequest> smsCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MailErrorCode>> smsFailures = new ConcurrentHashMap<>();
    private final AtomicInteger messageReferences = new AtomicInteger();
    private final List<MailMessage> messages = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Consumer<MailMessage> validator = message -> { };
    private volatile ModemHealth health = new ModemHealth(ModemState.READY, Registration.HOME, OptionalInt.of(20));
    private volatile boolean closed;
    private volatile ModemProbe probe;
    private volatile List<String> transcript = List.of();

    /** The first attempts of the mail with this subject fail with these codes, in order; later ones succeed. */
    ScriptedMailer failFirst(String subject, MailErrorCode... codes) {
        failures.put(subject, new ArrayDeque<>(List.of(codes)));
        return this;
    }

    /** Every attempt of the mail with this subject fails with this code. */
    ScriptedMailer failAlways(String subject, MailErrorCode code) {
        failForever.put(subject, code);
        return this;
    }

    /** The first SMS attempts with this text fail with these codes, in order; later ones are sent. */
    ScriptedMailer failSmsFirst(String text, MailErrorCode... codes) {
        smsFailures.put(text, new ArrayDeque<>(List.of(codes)));
        return this;
    }

    /** @return every SMS attempt, in order */
    List<SmsRequest> smsCalls() {
        return List.copyOf(smsCalls);
    }

    /** Attempts from now on wait inside {@link #send} until {@link #release()} or {@link #close()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void validator(Consumer<MailMessage> value) {
        validator = value;
    }

    void health(ModemHealth value) {
        health = value;
    }

    /** What {@link #probe()} answers from now on; without one it fails as a dialect that cannot probe. */
    void probe(ModemProbe value) {
        probe = value;
    }

    /** What {@link #transcript(int)} answers from (the last lines of it). */
    void transcript(List<String> lines) {
        transcript = List.copyOf(lines);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** @return every mail the modem was given, whole, in order */
    List<MailMessage> messages() {
        return List.copyOf(messages);
    }

    List<String> subjects() {
        return calls.stream().map(Call::subject).toList();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void validate(MailMessage message) {
        validator.accept(message);
    }

    @Override
    public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
        calls.add(new Call(message.subject(), sender, deadline));
        messages.add(message);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "interrupted");
        }
        if (closed) {
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "the mailer is closed");
        }
        MailErrorCode forever = failForever.get(message.subject());
        if (forever != null) {
            throw new MailException(forever, "scripted failure " + forever);
        }
        Deque<MailErrorCode> script = failures.get(message.subject());
        MailErrorCode next = script == null ? null : script.pollFirst();
        if (next != null) {
            throw new MailException(next, "scripted failure " + next);
        }
    }

    /** Sends as a module would: one message reference per part, counting up from 1; the scripted codes first. */
    @Override
    public SmsReceipt sendSms(SmsRequest request, Duration deadline) {
        smsCalls.add(request);
        if (closed) {
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "the mailer is closed");
        }
        Deque<MailErrorCode> script = smsFailures.get(request.text());
        MailErrorCode next = script == null ? null : script.pollFirst();
        if (next != null) {
            throw new MailException(next, "scripted failure " + next);
        }
        SmsSegments segments = request.segments();
        List<Integer> references = new ArrayList<>();
        for (int i = 0; i < segments.count(); i++) {
            references.add(messageReferences.incrementAndGet());
        }
        return new SmsReceipt(segments.count(), references, segments.encoding());
    }

    @Override
    public ModemProbe probe() {
        ModemProbe answer = probe;
        return answer != null ? answer : ModemMailer.super.probe();
    }

    @Override
    public List<String> transcript(int lastLines) {
        List<String> lines = transcript;
        return lines.subList(Math.max(0, lines.size() - lastLines), lines.size());
    }

    @Override
    public ModemHealth health() {
        return health;
    }

    @Override
    public void close() {
        closed = true;
        gate.countDown();
    }
}
