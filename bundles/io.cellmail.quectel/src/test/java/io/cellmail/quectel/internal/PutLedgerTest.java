/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cellmail.at.Urc;

/** A PUT result that came after the host gave up is credited to its own mail, and to nothing else. */
class PutLedgerTest {

    private final AtomicLong epoch = new AtomicLong(1);
    private final PutLedger ledger = new PutLedger(epoch::get);

    private static Urc result(int n) {
        return new Urc("+QSMTPPUT:", "+QSMTPPUT: " + n);
    }

    @Test
    void shouldCreditALateResultToTheMailWhosePutHadNoneOnce() {
        ledger.unanswered("m1", 1);

        assertThat(ledger.mayBeSending(1)).isTrue();
        ledger.onUrc(result(0));

        assertThat(ledger.mayBeSending(1)).as("the module reported: no longer sending").isFalse();
        assertThat(ledger.takeSettled("m2")).isEmpty();
        assertThat(ledger.takeSettled("m1")).hasValue(PutResult.SUCCESS);
        assertThat(ledger.takeSettled("m1")).as("once").isEmpty();
    }

    @Test
    void shouldDropAResultNobodyWaitsFor() {
        ledger.onUrc(result(0));

        ledger.unanswered("m1", 1);
        assertThat(ledger.takeSettled("m1")).isEmpty();
        assertThat(ledger.mayBeSending(1)).isTrue();
    }

    @Test
    void shouldGiveUpAPutAsUnknownOnceTheModuleProvedIdle() {
        ledger.unanswered("m1", 1);

        ledger.moduleIdle(1);
        ledger.onUrc(result(0));

        assertThat(ledger.mayBeSending(1)).isFalse();
        assertThat(ledger.takeSettled("m1")).as("a stale result is credited to nobody").isEmpty();
    }

    @Test
    void shouldEndWithTheEpoch() {
        ledger.unanswered("m1", 1);
        epoch.set(2);

        ledger.onUrc(result(0));

        assertThat(ledger.mayBeSending(2)).isFalse();
        assertThat(ledger.takeSettled("m1")).isEmpty();
    }

    @Test
    void shouldKeepTheSettledOutcomeOfAMailWhileAnotherPutGoesWithoutResult() {
        ledger.unanswered("m1", 1);
        ledger.onUrc(result(-550));
        ledger.unanswered("m2", 1);

        assertThat(ledger.takeSettled("m1")).hasValue(new PutResult(-550, 0));
        ledger.onUrc(result(0));
        assertThat(ledger.takeSettled("m2")).hasValue(PutResult.SUCCESS);
    }

    @Test
    void shouldIgnoreOtherUrcs() {
        ledger.unanswered("m1", 1);

        ledger.onUrc(new Urc("+CREG:", "+CREG: 1"));

        assertThat(ledger.mayBeSending(1)).isTrue();
    }
}
