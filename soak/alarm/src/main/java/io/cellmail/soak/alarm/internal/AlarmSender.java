/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageStatus;

/**
 * Sends the spool's requests in name order, one at a time, and journals each: {@code SENDING} before
 * {@code send}, then {@code ACCEPTED} once {@code send} returned (the mail is on disk), or {@code REFUSED <code>}
 * for a typed refusal; the stage's outcome follows as {@code STAGE_SENT} or {@code STAGE_FAILED <code>}. A request
 * leaves the spool only after its line is on disk. After a restart, a request whose id the journal already
 * settled is dropped, and one that was being sent when the process died is sent again under the same id (the
 * service queues an id it still holds only once).
 */
final class AlarmSender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmSender.class);
    private static final Duration WAIT = Duration.ofMillis(250);

    private final Path spool;
    private final Journal journal;
    private final MailServiceHandle service;
    private final boolean holdService;
    private final Duration releaseAfterIdle;
    private final Map<String, String> lastKinds;

    AlarmSender(Path spool, Journal journal, MailServiceHandle service, boolean holdService,
            Duration releaseAfterIdle) throws IOException {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.service = Objects.requireNonNull(service, "service");
        this.holdService = holdService;
        this.releaseAfterIdle = Objects.requireNonNull(releaseAfterIdle, "releaseAfterIdle");
        this.lastKinds = Journal.lastKinds(journal.file());
    }

    @Override
    public void run() {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            // The harness renames finished requests into the spool: a create event.
            spool.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            journal.append("STARTED", "-", "hold=" + holdService);
            if (holdService) {
                service.get();
            }
            journalOutcomesMissedWhileDown();
            long idleSince = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                List<Path> requests = pending();
                if (!requests.isEmpty()) {
                    for (Path request : requests) {
                        if (!sendOne(request)) {
                            break;
                        }
                    }
                    idleSince = System.nanoTime();
                } else if (!holdService && service.isHeld()
                        && System.nanoTime() - idleSince >= releaseAfterIdle.toNanos()) {
                    service.release();
                }
                // Woken by a new request, or after a short wait that also times the release.
                var key = watcher.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("soak alarm sender stopped", e);
        } finally {
            try {
                service.release();
            } catch (IOException e) {
                LOG.warn("cannot journal the release of the mail service", e);
            }
        }
    }

    /** @return false when the service is not there and the remaining requests must wait */
    private boolean sendOne(Path request) throws IOException {
        String id = idOf(request);
        String last = lastKinds.get(id);
        if (last != null && !"SENDING".equals(last)) {
            // Settled before the process died, after the journal line and before the request was deleted.
            Files.deleteIfExists(request);
            return true;
        }
        Optional<CellularMailService> mail = service.get();
        if (mail.isEmpty()) {
            return false;
        }
        journal.append("SENDING", id, "SENDING".equals(last) ? "again after a restart" : "");
        try {
            CompletionStage<DeliveryReceipt> stage = mail.get().send(AlarmRequest.read(request).toMessage());
            journal.append("ACCEPTED", id, "");
            lastKinds.put(id, "ACCEPTED");
            stage.whenComplete((receipt, failure) -> journalOutcome(id, failure));
        } catch (MailException e) {
            journal.append("REFUSED", id, e.code().name() + " " + e.code().code() + " "
                    + e.field().map(field -> "field=" + field + " ").orElse("") + e.getMessage());
            lastKinds.put(id, "REFUSED");
        } catch (IOException | RuntimeException e) {
            journal.append("ERROR", id, e.toString());
            lastKinds.put(id, "ERROR");
        }
        Files.deleteIfExists(request);
        return true;
    }

    /**
     * Mail accepted in an earlier run whose outcome this bundle never heard of (its stage died with that run, and an
     * event posted just before a kill reaches nobody): the service's {@code status} still knows how it ended, for
     * an hour. Journalled as {@code STATUS_<state>}; mail still queued is left to its events.
     */
    private void journalOutcomesMissedWhileDown() throws IOException {
        List<String> unsettled = lastKinds.entrySet().stream().filter(kind -> "ACCEPTED".equals(kind.getValue()))
                .map(Map.Entry::getKey).toList();
        if (unsettled.isEmpty()) {
            return;
        }
        Optional<CellularMailService> mail = service.get();
        if (mail.isEmpty()) {
            return;
        }
        for (String id : unsettled) {
            Optional<MessageStatus> status = mail.get().status(id);
            if (status.isPresent() && status.get().state().isFinal()) {
                String kind = "STATUS_" + status.get().state();
                journal.append(kind, id, status.get().lastError().map(code -> code.name() + " " + code.code())
                        .orElse(""));
                lastKinds.put(id, kind);
            }
        }
    }

    private void journalOutcome(String id, Throwable failure) {
        try {
            if (failure == null) {
                journal.append("STAGE_SENT", id, "");
            } else {
                Throwable cause = failure.getCause() != null && !(failure instanceof MailException)
                        ? failure.getCause() : failure;
                journal.append("STAGE_FAILED", id, cause instanceof MailException mailException
                        ? mailException.code().name() + " " + mailException.code().code()
                        : cause.toString());
            }
        } catch (IOException e) {
            LOG.warn("cannot journal the outcome of {}", id, e);
        }
    }

    private List<Path> pending() throws IOException {
        List<Path> requests = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, "*" + AlarmRequest.SUFFIX)) {
            files.forEach(requests::add);
        }
        requests.sort(null);
        return requests;
    }

    private static String idOf(Path request) {
        String name = request.getFileName().toString();
        return name.substring(0, name.length() - AlarmRequest.SUFFIX.length());
    }
}
