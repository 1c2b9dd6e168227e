/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.Registration;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSession.Reply;

/**
 * Enters the configured SIM PIN when the SIM asks for it ({@code +CPIN: SIM PIN}), once per module boot, and
 * never a PIN the SIM refused: three wrong PINs block the SIM, so after one refusal ({@code +CME ERROR: 16}) the PIN
 * is not entered again until the configured PIN changes ({@link RejectedPins}). A PUK is never entered. The PIN
 * travels masked ({@code AT+CPIN="****"} in every transcript) and never reaches a log line or a message.
 *
 * <p>The SIM itself remembers wrong PINs across restarts of the gateway, the driver does not: before entering the
 * PIN the driver asks how many tries the SIM has left ({@code AT+QTRPIN}) and enters it only while the SIM has
 * all three, or two when the lost one went to another PIN than the configured one (see
 * {@link RejectedPins#mayEnter}). So a gateway restarting in a loop with a wrong PIN enters it once, not until the
 * SIM is blocked. A module without {@code AT+QTRPIN} leaves only the driver's own memory.
 */
final class SimUnlock {

    /** What {@code AT+CPIN?} says while the SIM waits for its PIN. */
    static final String SIM_PIN = "SIM PIN";
    private static final Logger LOG = LoggerFactory.getLogger(SimUnlock.class);
    /** 27.007: incorrect password. */
    private static final int INCORRECT_PASSWORD = 16;
    /** 27.007: SIM PUK required. */
    private static final int PUK_REQUIRED = 12;

    private final String pin;
    private final String linkUri;
    private final RejectedPins rejected;

    /**
     * @param pin the configured PIN, empty for none
     * @param linkUri the modem's link, under which a refused PIN is remembered
     * @param rejected the PINs SIMs refused
     */
    SimUnlock(String pin, String linkUri, RejectedPins rejected) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.linkUri = Objects.requireNonNull(linkUri, "linkUri");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
    }

    /**
     * @param session the work
     * @param sim what {@code AT+CPIN?} said
     * @return what the SIM says now: {@code READY} after the PIN was taken, else as before ({@code SIM PUK} when
     *     the SIM says so in answer to the PIN)
     */
    String unlock(ModemSession session, String sim) {
        if (!SIM_PIN.equals(sim) || pin.isEmpty() || rejected.refused(linkUri, pin)) {
            return sim;
        }
        OptionalInt triesLeft = triesLeft(session);
        if (triesLeft.isPresent() && !rejected.mayEnter(linkUri, pin, triesLeft.getAsInt())) {
            LOG.warn("The SIM on {} has {} of {} PIN tries left: it counted a wrong PIN, so the configured PIN is not "
                    + "entered (it may be that wrong one); enter the PIN once by hand, or configure another",
                    linkUri, triesLeft.getAsInt(), RejectedPins.FULL_TRIES);
            rejected.declined(linkUri, pin);
            return sim;
        }
        Reply reply = session.attempt(Commands.enterPin(pin));
        if (reply.ok()) {
            LOG.debug("The SIM on {} took its PIN", linkUri);
            rejected.accepted(linkUri);
            return RadioCheck.sim(session.attempt(Commands.simStatus()));
        }
        OptionalInt code = reply.error().code();
        if (code.isPresent() && code.getAsInt() == PUK_REQUIRED) {
            return "SIM PUK";
        }
        if (code.isPresent() && code.getAsInt() == INCORRECT_PASSWORD) {
            LOG.warn("The SIM on {} refused the configured PIN; it is not entered again until the PIN setting "
                    + "changes", linkUri);
            rejected.remember(linkUri, pin);
            return sim;
        }
        LOG.debug("The SIM on {} did not take the PIN ({}); asking it again", linkUri, reply.error().getMessage());
        return RadioCheck.sim(session.attempt(Commands.simStatus()));
    }

    /** @return the PIN tries the SIM has left, or empty when the module does not tell ({@code AT+QTRPIN}) */
    private static OptionalInt triesLeft(ModemSession session) {
        Reply reply = session.attempt(Commands.pinTriesLeft());
        if (!reply.ok()) {
            return OptionalInt.empty();
        }
        try {
            Optional<InfoLine> line = reply.response().firstInfo("+QTRPIN:");
            return line.isPresent() ? OptionalInt.of(line.get().intField(0)) : OptionalInt.empty();
        } catch (AtException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * @param sim what {@code AT+CPIN?} says
     * @return how the SIM state shows as registration when it is not {@code READY}
     */
    Registration registrationOf(String sim) {
        return switch (sim) {
            case SIM_PIN -> pin.isEmpty() ? Registration.SIM_PIN_REQUIRED
                    : rejected.refused(linkUri, pin) ? Registration.SIM_PIN_REJECTED : Registration.SIM_PIN_REQUIRED;
            case "SIM PUK", "SIM PUK2", "BLOCKED" -> Registration.SIM_BLOCKED;
            default -> Registration.NO_SIM;
        };
    }
}
