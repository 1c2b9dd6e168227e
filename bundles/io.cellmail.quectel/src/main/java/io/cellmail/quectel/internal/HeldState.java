/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Optional;
import java.util.function.Function;

import io.cellmail.service.spi.SenderIdentity;

/**
 * What a dialect believes the module holds, kept from mail to mail within one epoch of the AT engine: a later epoch
 * (a reboot, a reopened port) starts from nothing. Touched only while the mailer holds the modem.
 */
final class HeldState {

    /** A mail transaction that leaves the module holding a state the driver knows, whether it succeeds or not. */
    interface Transaction {
        /**
         * @param mail the checked mail
         * @param sender its sender
         */
        void send(PreparedMail mail, SenderIdentity sender);

        /** @return what the module holds after the transaction, as far as the driver knows */
        ModemSideState state();
    }

    private ModemSideState state = ModemSideState.unknown(0);

    /**
     * @param epoch the epoch of the work asking
     * @return what the module holds in it
     */
    ModemSideState in(long epoch) {
        if (state.epoch() != epoch) {
            state = ModemSideState.unknown(epoch);
        }
        return state;
    }

    /** @param next what the module holds now */
    void set(ModemSideState next) {
        state = next;
    }

    /**
     * @param marker the dialect's server query
     * @param writes the work, pinned to its epoch
     * @param engineName the modem's name, for the log
     * @return empty if the module holds what is believed; otherwise why a new epoch must begin
     */
    Optional<String> lostSettings(ServerMarker marker, SmtpWrites writes, String engineName) {
        Optional<ModemSideState> held = marker.stillHeld(writes.session(), in(writes.epoch()), engineName);
        if (held.isEmpty()) {
            return Optional.of(marker.lostReason());
        }
        state = held.get();
        return Optional.empty();
    }

    /**
     * Runs a mail transaction on what the module holds in the work's epoch and keeps what it leaves.
     *
     * @param writes the work, pinned to its epoch
     * @param transaction makes the transaction from what the module holds
     * @param mail the mail
     * @param sender its sender
     */
    void send(SmtpWrites writes, Function<ModemSideState, Transaction> transaction, PreparedMail mail,
            SenderIdentity sender) {
        Transaction running = transaction.apply(in(writes.epoch()));
        try {
            running.send(mail, sender);
        } finally {
            state = running.state();
        }
    }
}
