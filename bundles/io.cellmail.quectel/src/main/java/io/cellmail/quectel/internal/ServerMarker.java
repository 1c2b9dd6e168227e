/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Optional;

import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSession.Reply;

/**
 * Checks, before a mail that relies on settings the driver believes the module holds, that the module still holds
 * them. A module that reboots with its echo saved off and no boot URCs (an autobauding one) says nothing about it,
 * and would send the next mail with an empty server and account. The SMTP server of {@code AT+QSMTPSRV} is
 * volatile (cleared at every boot) and always set by the driver, so {@code AT+QSMTPSRV?} showing anything else than
 * what the driver set means the module was reset. One round trip, and only when the driver would otherwise skip the
 * settings.
 */
final class ServerMarker {

    /** What the query showed. */
    enum Verdict {
        /** The module holds the server the driver set: nothing was lost. */
        HELD,
        /** The module holds another server or none: it was reset. */
        LOST,
        /** The module did not tell (no readable {@code +QSMTPSRV:} line): what it holds is unknown. */
        UNKNOWN
    }

    private ServerMarker() {
    }

    /**
     * @param session the work
     * @param state what the driver believes the module holds
     * @return whether it still does; {@link Verdict#HELD} without a query when the driver believes it holds no
     *     server (it sets everything anyway)
     */
    static Verdict check(ModemSession session, ModemSideState state) {
        Optional<String> believed = state.get(ModemSideState.Item.SERVER);
        if (believed.isEmpty()) {
            return Verdict.HELD;
        }
        Reply reply = session.attempt(Commands.serverQuery());
        Optional<InfoLine> line = reply.ok() ? reply.response().firstInfo(Results.SERVER) : Optional.empty();
        if (line.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        try {
            String shown = "AT+QSMTPSRV=\"" + line.get().stringField(0) + "\"," + line.get().intField(1);
            return Fingerprint.of(shown).equals(believed.get()) ? Verdict.HELD : Verdict.LOST;
        } catch (AtException e) {
            return Verdict.UNKNOWN;
        }
    }
}
