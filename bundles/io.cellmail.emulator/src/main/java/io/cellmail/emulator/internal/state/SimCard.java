/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.util.Optional;

import io.cellmail.emulator.EmulatorSettings;

/**
 * The SIM in the emulated module, as 27.007 {@code AT+CPIN} sees it. A SIM with a PIN is locked after every power
 * on until the PIN is entered; three wrong PINs block it ({@code SIM PUK}) until the PUK and a new PIN are entered.
 * The count of wrong PINs and the block live on the card, so they survive a reboot of the module, like a real SIM;
 * only the unlock is lost at power off. Touched only by the modem thread.
 */
public final class SimCard {

    /** Wrong PINs in a row that block the SIM. */
    public static final int PIN_TRIES = 3;

    /** What {@code AT+CPIN?} reports. */
    public enum Status {
        /** {@code +CME ERROR: 10}. */
        NOT_INSERTED("NOT INSERTED"),
        /** {@code +CPIN: READY}. */
        READY("READY"),
        /** {@code +CPIN: SIM PIN}. */
        PIN("SIM PIN"),
        /** {@code +CPIN: SIM PUK}. */
        PUK("SIM PUK");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** @return the text of {@code +CPIN: <code>} */
        public String text() {
            return text;
        }
    }

    /** How an entry of {@code AT+CPIN=...} ended. */
    public enum Entry {
        /** Unlocked. */
        ACCEPTED,
        /** Wrong PIN or PUK: {@code +CME ERROR: 16} (incorrect password). */
        WRONG,
        /** Nothing to enter now, or the wrong kind of entry: {@code +CME ERROR: 3} (operation not allowed). */
        NOT_ALLOWED,
        /** The SIM wants its PUK and new PIN, not a PIN: {@code +CME ERROR: 12} (SIM PUK required). */
        PUK_REQUIRED
    }

    private final boolean inserted;
    private final String puk;
    private Optional<String> pin;
    private int wrongPins;
    private boolean unlocked;

    /** @param settings whether a SIM is inserted, its PIN and PUK */
    public SimCard(EmulatorSettings settings) {
        this.inserted = settings.simReady();
        this.pin = settings.simPin();
        this.puk = settings.simPuk();
        this.wrongPins = PIN_TRIES - settings.simPinTries();
    }

    /** The module powered on: the SIM is locked again if it has a PIN. */
    public void powerOn() {
        unlocked = false;
    }

    /** @return what {@code AT+CPIN?} reports now */
    public Status status() {
        if (!inserted) {
            return Status.NOT_INSERTED;
        }
        if (wrongPins >= PIN_TRIES) {
            return Status.PUK;
        }
        return pin.isEmpty() || unlocked ? Status.READY : Status.PIN;
    }

    /**
     * {@code AT+QTRPIN}: the tries left for the PIN, as the card counts them. A wrong PIN takes one; a right one,
     * or the PUK, gives all back.
     *
     * @return 0 to {@link #PIN_TRIES}
     */
    public int pinTriesLeft() {
        return Math.max(0, PIN_TRIES - wrongPins);
    }

    /** @return true if the network may be used: inserted and unlocked */
    public boolean ready() {
        return status() == Status.READY;
    }

    /**
     * {@code AT+CPIN="<pin>"}.
     *
     * @param entered the PIN given
     * @return the outcome; a wrong PIN counts towards the block
     */
    public Entry enterPin(String entered) {
        switch (status()) {
            case PIN -> {
                if (pin.orElseThrow().equals(entered)) {
                    wrongPins = 0;
                    unlocked = true;
                    return Entry.ACCEPTED;
                }
                wrongPins++;
                return Entry.WRONG;
            }
            case PUK -> {
                return Entry.PUK_REQUIRED;
            }
            default -> {
                return Entry.NOT_ALLOWED;
            }
        }
    }

    /**
     * {@code AT+CPIN="<puk>","<new pin>"}.
     *
     * @param enteredPuk the PUK given
     * @param newPin the PIN the SIM takes from now on
     * @return the outcome
     */
    public Entry enterPuk(String enteredPuk, String newPin) {
        if (status() != Status.PUK) {
            return Entry.NOT_ALLOWED;
        }
        if (!puk.equals(enteredPuk)) {
            return Entry.WRONG;
        }
        pin = Optional.of(newPin);
        wrongPins = 0;
        unlocked = true;
        return Entry.ACCEPTED;
    }
}
