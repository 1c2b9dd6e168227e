/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cellmail.at.internal.ModemKnowledge.Next;

class ModemKnowledgeTest {

    private final ModemKnowledge modem = new ModemKnowledge(3);

    @Test
    void shouldInitialiseAModemThatWasNeverSetUp() {
        assertThat(modem.next()).isEqualTo(Next.INITIALISE);
    }

    @Test
    void shouldSendCommandsAfterAnInitialisation() {
        modem.synchronised(true);

        assertThat(modem.next()).isEqualTo(Next.COMMANDS);
        assertThat(modem.configured()).isTrue();
    }

    @Test
    void shouldResynchroniseAfterATimeoutAndReopenAfterTooManyInARow() {
        modem.synchronised(true);

        assertThat(modem.timedOut(false)).isFalse();
        assertThat(modem.next()).isEqualTo(Next.RESYNCHRONISE);
        modem.synchronised(false);
        assertThat(modem.timedOut(false)).isFalse();
        assertThat(modem.timedOut(false)).as("third in a row").isTrue();
    }

    @Test
    void shouldCountOnlyTimeoutsInARow() {
        modem.synchronised(true);
        modem.timedOut(false);
        modem.timedOut(false);

        modem.answered();

        assertThat(modem.timedOut(false)).isFalse();
        assertThat(modem.consecutiveTimeouts()).isEqualTo(1);
    }

    @Test
    void shouldStillSuspectDataModeOnTheNextPortAfterAnUploadWasCutOff() {
        modem.synchronised(true);

        modem.uploadInterrupted();
        modem.portClosed();

        assertThat(modem.next()).isEqualTo(Next.INITIALISE);
        assertThat(modem.mayBeInDataMode()).isTrue();
    }

    @Test
    void shouldSuspectDataModeAfterAnAbandonedUploadUntilEscaped() {
        modem.synchronised(true);

        modem.replyMayStillCome(true);

        assertThat(modem.mayBeInDataMode()).isTrue();
        assertThat(modem.next()).isEqualTo(Next.RESYNCHRONISE);
        modem.escaped();
        assertThat(modem.mayBeInDataMode()).isFalse();
    }

    @Test
    void shouldKeepTheDataModeSuspicionAcrossAReopenButNotAcrossAReboot() {
        modem.synchronised(true);
        modem.timedOut(true);

        modem.portClosed();
        assertThat(modem.next()).isEqualTo(Next.INITIALISE);
        assertThat(modem.mayBeInDataMode()).isTrue();

        modem.forgotEverything();
        assertThat(modem.mayBeInDataMode()).isFalse();
        assertThat(modem.consecutiveTimeouts()).isZero();
    }
}
