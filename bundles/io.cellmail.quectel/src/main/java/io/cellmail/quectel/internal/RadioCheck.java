/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Map;
import java.util.OptionalInt;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.Registration;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSession.Reply;

/**
 * Asks the modem about its SIM, network, GPRS attachment and signal ({@code AT+CPIN?}, {@code AT+CREG?},
 * {@code AT+CGATT?}, {@code AT+CSQ}) and reads the answers leniently: an answer that cannot be read counts as
 * unknown, never as a failure of the work that asked.
 */
final class RadioCheck {

    /** SIM states of the 27.007 CME errors {@code AT+CPIN?} answers when the SIM is not usable. */
    private static final Map<Integer, String> SIM_ERRORS = Map.of(
            10, "NOT INSERTED",
            11, "SIM PIN",
            12, "SIM PUK",
            13, "SIM FAILURE",
            14, "SIM BUSY",
            15, "SIM WRONG");
    /** {@code <stat>} of {@code +CREG:}. */
    private static final Map<Integer, Registration> REGISTRATION = Map.of(
            0, Registration.NOT_REGISTERED,
            1, Registration.HOME,
            2, Registration.SEARCHING,
            3, Registration.DENIED,
            4, Registration.UNKNOWN,
            5, Registration.ROAMING);
    private static final int UNKNOWN_RSSI = 99;

    private RadioCheck() {
    }

    /**
     * Runs the queries, entering the SIM's PIN when the SIM asks for it and it may be entered; without a usable
     * SIM, only {@code AT+CPIN?} (and the PIN).
     *
     * @param session the work the queries belong to
     * @param unlock enters the PIN
     * @return what the modem said
     * @throws MailException when the modem does not answer (timeout, reboot, lost link)
     */
    static RadioStatus query(ModemSession session, SimUnlock unlock) {
        String sim = unlock.unlock(session, sim(session.attempt(Commands.simStatus())));
        if (!RadioStatus.SIM_READY.equals(sim)) {
            return new RadioStatus(sim, unlock.registrationOf(sim), false, OptionalInt.empty());
        }
        Registration registration = registration(session.attempt(Commands.registration()));
        boolean attached = attached(session.attempt(Commands.gprsAttachment()));
        OptionalInt signal = signal(session.attempt(Commands.signal()));
        return new RadioStatus(sim, registration, attached, signal);
    }

    /**
     * @param status what the queries said
     * @throws MailException {@link MailErrorCode#NO_SIM} or {@link MailErrorCode#NOT_REGISTERED} when no mail
     *     can go out
     */
    static void requireSendable(RadioStatus status) {
        if (!status.simReady()) {
            throw new MailException(simFailure(status.registration()), "the SIM is not usable: AT+CPIN? says "
                    + status.sim() + simAdvice(status.registration()));
        }
        if (!status.registration().isRegistered()) {
            throw new MailException(MailErrorCode.NOT_REGISTERED, "the modem is not registered on a network: "
                    + "AT+CREG? says " + status.registration());
        }
        if (!status.attached()) {
            throw new MailException(MailErrorCode.NOT_REGISTERED, "the modem is not attached to GPRS: AT+CGATT? "
                    + "says 0");
        }
    }

    private static MailErrorCode simFailure(Registration registration) {
        return switch (registration) {
            case SIM_PIN_REQUIRED -> MailErrorCode.SIM_PIN_REQUIRED;
            case SIM_PIN_REJECTED -> MailErrorCode.SIM_PIN_REJECTED;
            case SIM_BLOCKED -> MailErrorCode.SIM_BLOCKED;
            default -> MailErrorCode.NO_SIM;
        };
    }

    private static String simAdvice(Registration registration) {
        return switch (registration) {
            case SIM_PIN_REQUIRED -> "; configure the SIM's PIN (simPin)";
            case SIM_PIN_REJECTED -> "; the SIM refused the configured PIN, or counts a wrong PIN already: it is not "
                    + "entered until simPin changes (or the right PIN was entered once by hand)";
            case SIM_BLOCKED -> "; the SIM is blocked after wrong PINs: enter its PUK and a new PIN by hand "
                    + "(AT+CPIN=\"<puk>\",\"<new pin>\"), then configure that PIN";
            default -> "";
        };
    }

    static String sim(Reply reply) {
        if (reply.ok()) {
            return reply.response().firstInfo("+CPIN:").map(InfoLine::text).orElse("UNKNOWN");
        }
        AtException error = reply.error();
        if (error.code().isPresent()) {
            return SIM_ERRORS.getOrDefault(error.code().getAsInt(), "ERROR " + error.code().getAsInt());
        }
        return "ERROR";
    }

    static Registration registration(Reply reply) {
        if (!reply.ok()) {
            return Registration.UNKNOWN;
        }
        return reply.response().firstInfo("+CREG:").map(line -> {
            // the read form is "<n>,<stat>"; some modules print only "<stat>"
            int index = line.fieldCount() >= 2 ? 1 : 0;
            return REGISTRATION.getOrDefault(intOrMinusOne(line, index), Registration.UNKNOWN);
        }).orElse(Registration.UNKNOWN);
    }

    static boolean attached(Reply reply) {
        return reply.ok() && reply.response().firstInfo("+CGATT:").map(line -> intOrMinusOne(line, 0) == 1)
                .orElse(false);
    }

    static OptionalInt signal(Reply reply) {
        if (!reply.ok()) {
            return OptionalInt.empty();
        }
        int rssi = reply.response().firstInfo("+CSQ:").map(line -> intOrMinusOne(line, 0)).orElse(UNKNOWN_RSSI);
        return rssi >= 0 && rssi <= 31 ? OptionalInt.of(rssi) : OptionalInt.empty();
    }

    private static int intOrMinusOne(InfoLine line, int index) {
        try {
            return line.intField(index);
        } catch (AtException e) {
            return -1;
        }
    }
}
