/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemProbe;

/**
 * Operator access to one configured {@link CellularMailService}: its outbox, its modem and its configuration
 * problems. Registered beside the {@link CellularMailService} of the same modem, with the same
 * {@value CellularMailService#NAME_PROPERTY} property; meant for consoles and management agents, not for bundles that
 * only send mail.
 */
@ProviderType
public interface CellularMailAdmin {

    /** @return the service's configured name, the value of its {@value CellularMailService#NAME_PROPERTY} property */
    String name();

    /**
     * @return why the service does not run (e.g. an invalid setting, an outbox that cannot be opened, or no port
     *     configured yet), or empty when it runs; a password never appears in it
     */
    Optional<String> configurationProblem();

    /**
     * @return every mail in the outbox that has no final outcome yet, in the order they were accepted; after a
     *     restart with lowered bounds, mail still waiting on disk for room is listed once it is indexed
     */
    List<MessageStatus> queue();

    /**
     * Makes a mail that waits for its next attempt due now, also after a restart (it is recorded in the outbox).
     * The hourly rate limit still applies.
     *
     * @param messageId the mail's id
     * @return true when the mail waits in the outbox and is now due; false when it is unknown, final or being sent
     */
    boolean retryNow(String messageId);

    /**
     * Cancels a mail that is not being sent right now; the same as {@link CellularMailService#cancel(String)}.
     *
     * @param messageId the mail's id
     * @return true when it was cancelled
     */
    boolean cancel(String messageId);

    /**
     * Asks the modem what it is, about its SIM, its network registration, its signal and its GPRS attachment.
     * Blocks for a bounded time; call it from a console or management thread.
     *
     * @return the modem's answers
     * @throws MailException {@link MailErrorCode#MODEM_UNAVAILABLE} when the modem is busy or unreachable, the
     *     dialect cannot probe, or the service does not run; {@link MailErrorCode#MODEM_TIMEOUT} when it does not
     *     answer in time
     */
    ModemProbe probe();

    /**
     * @param lastLines how many lines at most, from the end
     * @return the most recent AT conversation with the modem, secrets masked, oldest first; empty when the
     *     dialect keeps no transcript or the service does not run
     */
    List<String> transcript(int lastLines);

    /**
     * @return every SMS in the outbox that has no outcome yet, one entry per number, in the order they were decided
     * @since 3.1
     */
    List<SmsStatus> smsQueue();

    /** @return what the service did since it (re)started, and what its outbox holds now */
    OutboxCounters counters();

    /**
     * @return how the running service's connection to the SMTP server is secured (plain, implicit TLS or STARTTLS,
     *     whether the server is verified); empty while the service does not run
     * @since 3.0
     */
    Optional<MailerSettings.Tls> smtpSecurity();
}
