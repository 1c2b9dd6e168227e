/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSession.Reply;

/**
 * Checks, before a mail that relies on settings the driver believes the module holds, that the module still holds
 * them. A module that reboots with its echo saved off and no boot URCs (an autobauding one) says nothing about it,
 * and would send the next mail with an empty server and account. The SMTP server is volatile (cleared at every
 * boot) and always set by the driver, so the module's answer to the server query showing anything else than what
 * the driver set means the module was reset. One round trip, and only when the driver would otherwise skip the
 * settings.
 *
 * @param query the server query: GSM {@code AT+QSMTPSRV?}, LTE {@code AT+QSMTPCFG="smtpserver"}
 * @param prefix its answer line's prefix
 * @param hostField the index of the host in the answer line; the port follows it
 * @param setCommand the text of the command that sets a host and port, as the driver fingerprints it
 */
record ServerMarker(AtCommand query, String prefix, int hostField, BiFunction<String, Integer, String> setCommand) {

    /** What the query showed. */
    enum Verdict {
        /** The module holds the server the driver set: nothing was lost. */
        HELD,
        /** The module holds another server or none: it was reset. */
        LOST,
        /** The module did not tell (no readable answer line): what it holds is unknown. */
        UNKNOWN
    }

    /** {@code AT+QSMTPSRV?} answered {@code +QSMTPSRV: "<host>",<port>}. */
    static final ServerMarker GSM = new ServerMarker(Commands.serverQuery(), Results.SERVER, 0,
            (host, port) -> "AT+QSMTPSRV=\"" + host + "\"," + port);
    /** {@code AT+QSMTPCFG="smtpserver"} answered {@code +QSMTPCFG: "smtpserver","<host>",<port>}. */
    static final ServerMarker LTE = new ServerMarker(LteCommands.serverQuery(), LteCommands.CONFIG, 1,
            (host, port) -> "AT+QSMTPCFG=\"smtpserver\",\"" + host + "\"," + port);

    private static final Logger LOG = LoggerFactory.getLogger(ServerMarker.class);

    ServerMarker {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(setCommand, "setCommand");
    }

    /**
     * @param session the work
     * @param state what the driver believes the module holds
     * @return whether it still does; {@link Verdict#HELD} without a query when the driver believes it holds no
     *     server (it sets everything anyway)
     */
    Verdict check(ModemSession session, ModemSideState state) {
        Optional<String> believed = state.get(ModemSideState.Item.SERVER);
        if (believed.isEmpty()) {
            return Verdict.HELD;
        }
        Reply reply = session.attempt(query);
        Optional<InfoLine> line = reply.ok() ? reply.response().firstInfo(prefix) : Optional.empty();
        if (line.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        try {
            String shown = setCommand.apply(line.get().stringField(hostField), line.get().intField(hostField + 1));
            return Fingerprint.of(shown).equals(believed.get()) ? Verdict.HELD : Verdict.LOST;
        } catch (AtException e) {
            return Verdict.UNKNOWN;
        }
    }

    /**
     * @param session the work
     * @param state what the driver believes the module holds
     * @param engineName the modem's name, for the log
     * @return the state to go on with (nothing known when the module did not tell), or empty when the module lost
     *     it: it was reset without a sign, and a new epoch must begin
     */
    Optional<ModemSideState> stillHeld(ModemSession session, ModemSideState state, String engineName) {
        switch (check(session, state)) {
            case HELD -> {
                return Optional.of(state);
            }
            case UNKNOWN -> {
                LOG.debug("{} did not tell what the modem holds; setting everything again", query.maskedText());
                return Optional.of(state.forgotten());
            }
            default -> {
                LOG.debug("The modem on {} lost the SMTP server the driver set: it was reset without a sign",
                        engineName);
                return Optional.empty();
            }
        }
    }

    /** @return why a new epoch begins when {@link #stillHeld} finds the server lost */
    String lostReason() {
        return query.maskedText() + " no longer shows the server the driver set";
    }
}
