/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MessageState;

/**
 * A transient code with an attempt limit ({@link MailErrorCode#UPLOAD_MISMATCH}: 3) ends the mail for good once that
 * many attempts in a row ended with it, counted across restarts; a different outcome in between starts the count
 * again.
 */
class MailServiceAttemptLimitTest {

    private static final MailErrorCode LIMITED = MailErrorCode.UPLOAD_MISMATCH;
    private static final int LIMIT = LIMITED.attemptLimit().orElseThrow();

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldFailAMailForGoodWhenItsAttemptsEndedWithALimitedCodeThatOftenInARow() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failAlways("cut", LIMITED);
        harness.start();
        String id = harness.send(mail("cut"));
        for (int attempt = 1; attempt < LIMIT; attempt++) {
            harness.time.advanceTo(awaitBackoffAfterAttempt(id, attempt));
        }

        assertThat(harness.failure(id).code()).isEqualTo(LIMITED);
        assertThat(harness.mailer.calls()).hasSize(LIMIT);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "RETRYING", "RETRYING", "FAILED");
        assertThat(harness.events.of(id)).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ERROR_CODE, LIMITED.code()).containsEntry(MailEvents.ATTEMPT, LIMIT));
        assertThat(harness.status(id).state()).isEqualTo(MessageState.FAILED);
        assertThat(harness.outboxFiles()).isEmpty();
    }

    @Test
    void shouldCountTheAttemptsInARowAcrossARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failAlways("cut", LIMITED);
        harness.start();
        String id = harness.send(mail("cut"));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 1));
        Instant third = awaitBackoffAfterAttempt(id, 2);

        harness.restart(s -> s);
        harness.mailer.failAlways("cut", LIMITED);
        harness.time.advanceTo(third);
        harness.start();

        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("FAILED"));
        assertThat(harness.mailer.calls()).as("one more attempt after the restart").hasSize(1);
        assertThat(harness.status(id).lastError()).contains(LIMITED);
    }

    @Test
    void shouldStartCountingAgainAfterAnotherOutcome() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("mixed", LIMITED, LIMITED, MailErrorCode.TIMEOUT, LIMITED, LIMITED);
        harness.start();
        String id = harness.send(mail("mixed"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            harness.time.advanceTo(awaitBackoffAfterAttempt(id, attempt));
        }

        assertThat(harness.receipt(id).attempts()).isEqualTo(6);
    }

    private Instant awaitBackoffAfterAttempt(String id, int attempt) {
        return harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT && s.attempts() == attempt)
                .nextAttemptAt().orElseThrow();
    }
}
