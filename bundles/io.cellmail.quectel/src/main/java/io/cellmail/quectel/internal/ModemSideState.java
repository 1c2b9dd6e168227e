/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the module holds, as far as the driver knows: for each item the fingerprint of what the last successful
 * command set (the command text, or a digest where the value is a secret or large). An item without a value is
 * unknown and is set again before it is relied on. Known only within one {@link #epoch() epoch} of the AT engine:
 * a reboot or a reopened port starts from nothing. Immutable.
 *
 * @param epoch the AT engine epoch this knowledge belongs to
 * @param held the fingerprint of each known item
 */
record ModemSideState(long epoch, Map<Item, String> held) {

    /** What the module keeps between mails; the first group is the GSM dialect's, the second the LTE one's. */
    enum Item {
        /** {@code AT+QIFGCNT} and {@code AT+QICSGP}: the data context for SMTP. */
        NETWORK_CONTEXT,
        /** {@code AT+QSMTPSRV}. */
        SERVER,
        /** {@code AT+QSMTPCFG=1,<value>}. */
        AUTHENTICATION,
        /** {@code AT+QSMTPUSER}. */
        USER,
        /** {@code AT+QSMTPPWD}: only a digest is kept. */
        PASSWORD,
        /** {@code AT+QSMTPADDR}. */
        SENDER_ADDRESS,
        /** {@code AT+QSMTPNAME}. */
        SENDER_NAME,
        /** {@code AT+QSMTPDST}: the whole list, in order; empty text for none. */
        RECIPIENTS,
        /** {@code AT+QSMTPSUB}. */
        SUBJECT,
        /** {@code AT+QSMTPBODY}: charset and bytes. */
        BODY,
        /** {@code AT+QSMTPATT}: every attachment, in order; empty text for none. */
        ATTACHMENTS,
        /** LTE {@code AT+QICSGP=<cid>,...}: the PDP context's definition; only a digest (it holds a password). */
        PDP_CONTEXT,
        /** LTE {@code AT+QSMTPCFG="contextid"}. */
        SMTP_CONTEXT,
        /** LTE {@code AT+QSMTPCFG="ssltype"}. */
        SSL_TYPE,
        /** LTE {@code AT+QSMTPCFG="sslctxid"}. */
        SSL_CONTEXT,
        /** LTE {@code AT+QSSLCFG}: every key the driver sets on its SSL context, together. */
        SSL_SETTINGS,
        /** LTE: the CA certificate file on the UFS drive, by its content's fingerprint. */
        CA_FILE,
        /** LTE {@code AT+QSMTPCFG="account"}: only a digest is kept. */
        ACCOUNT,
        /** LTE {@code AT+QSMTPCFG="sender"}: name and address together. */
        SENDER,
        /** LTE: the RAM drive's files; empty text when it is known to hold none. */
        RAM_FILES
    }

    ModemSideState {
        held = Map.copyOf(held);
    }

    /**
     * @param epoch an AT engine epoch
     * @return nothing known about the module in that epoch
     */
    static ModemSideState unknown(long epoch) {
        return new ModemSideState(epoch, Map.of());
    }

    /**
     * @param item an item
     * @return its fingerprint, if known
     */
    Optional<String> get(Item item) {
        return Optional.ofNullable(held.get(item));
    }

    /**
     * @param item an item
     * @param fingerprint what it should hold
     * @return true if the module is known to hold exactly that
     */
    boolean holds(Item item, String fingerprint) {
        return Objects.equals(held.get(item), fingerprint);
    }

    /**
     * @param item an item
     * @return true if the module is known to hold nothing for it (no recipients, no attachments)
     */
    boolean holdsNothing(Item item) {
        return "".equals(held.get(item));
    }

    /**
     * @param item an item
     * @param fingerprint what a successful command just set
     * @return the state with it
     */
    ModemSideState with(Item item, String fingerprint) {
        Map<Item, String> next = new EnumMap<>(Item.class);
        next.putAll(held);
        next.put(item, Objects.requireNonNull(fingerprint, "fingerprint"));
        return new ModemSideState(epoch, next);
    }

    /**
     * @param item an item whose command failed or was cut short
     * @return the state with the item unknown
     */
    ModemSideState without(Item item) {
        Map<Item, String> next = new EnumMap<>(Item.class);
        next.putAll(held);
        next.remove(item);
        return new ModemSideState(epoch, next);
    }

    /** @return the same epoch with nothing known: after a failure in the middle of a sequence */
    ModemSideState forgotten() {
        return unknown(epoch);
    }

    /** @return the items known, never their values: fingerprints of secrets stay out of logs */
    @Override
    public String toString() {
        return "ModemSideState[epoch " + epoch + ", knows " + held.keySet().stream().sorted().toList() + "]";
    }
}
