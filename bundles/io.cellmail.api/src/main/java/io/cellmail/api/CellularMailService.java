/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends e-mail through a cellular modem, one service per configured modem.
 *
 * <p>{@link #send} either refuses a message at once with a {@link MailException}, or accepts it: an accepted
 * message is on disk before {@code send} returns and leaves the outbox only with a final outcome. Delivery is
 * at-least-once: if the process dies after the modem started the SMTP transaction and before the outcome was
 * recorded, the mail is sent again after restart; it is never lost. Transient failures are retried with
 * backoff until the message expires.
 *
 * <p>Services are registered with the property {@value #NAME_PROPERTY} so that a consumer with several modems
 * can choose one with a target filter.
 */
@ProviderType
public interface CellularMailService {

    /** Service property: the configured name of the service, e.g. {@code modem1}. */
    String NAME_PROPERTY = "cellmail.name";

    /**
     * Accepts a mail for delivery. Never blocks on the modem. The mail is known by {@link MailMessage#id()} from
     * now on; sending a mail whose id is still in the outbox queues nothing new and returns a stage that
     * completes with the queued mail's outcome, and sending one whose id reached its outcome within the last hour
     * the service ran (the last 1000 such ids, kept across restarts) queues nothing and returns that outcome: the
     * delivery's receipt, or the failure. So a caller that does not know whether its {@code send} got through (it
     * died during the call) can send the same mail again without causing a second copy.
     *
     * @param message the mail
     * @return a stage that completes with the receipt when the SMTP server accepted the mail, or exceptionally
     *     with a {@link MailException} carrying the final {@link MailErrorCode} (permanent failure, expiry,
     *     cancellation)
     * @throws MailException when the message is refused up front: {@link MailErrorCode#INVALID_MESSAGE}
     *     naming the field, {@link MailErrorCode#QUEUE_FULL}, {@link MailErrorCode#SERVICE_STOPPED}
     */
    CompletionStage<DeliveryReceipt> send(MailMessage message);

    /**
     * Accepts an SMS for delivery through the service's modem, durably like mail: it waits in the outbox, is
     * retried while it fails transiently, counts against the service's own SMS rate limit and survives restarts.
     * Never blocks on the modem. Sending an SMS whose id is still queued, or reached its outcome within the last
     * hour, queues nothing new and returns that SMS's outcome. The service posts {@link SmsEvents} for it.
     *
     * <p>An SMS is sent at least once: if the process dies while the modem sends it, it is sent again after the
     * restart, and may then arrive twice.
     *
     * @param message the number and text
     * @return a stage that completes when the network acknowledged every part, or exceptionally with a
     *     {@link MailException}: {@link MailErrorCode#SMS_REFUSED}, {@link MailErrorCode#SMS_NOT_SUPPORTED},
     *     {@link MailErrorCode#EXPIRED} (it kept failing transiently) or {@link MailErrorCode#CANCELLED}
     * @throws MailException when the SMS is refused up front: {@link MailErrorCode#INVALID_MESSAGE} naming
     *     {@code text} when it takes more parts than the service allows, {@link MailErrorCode#QUEUE_FULL},
     *     {@link MailErrorCode#SERVICE_STOPPED}, or {@link MailErrorCode#SMS_NOT_SUPPORTED} from a service that
     *     cannot send SMS (this default)
     * @since 1.3
     */
    default CompletionStage<SmsDelivery> sendSms(SmsMessage message) {
        throw new MailException(MailErrorCode.SMS_NOT_SUPPORTED, "This service cannot send SMS");
    }

    /**
     * @param messageId an id from a receipt or an event
     * @return the message's progress while it is in the outbox, and its outcome for an hour after it left (across
     *     restarts: a caller that missed the outcome's event asks here); empty otherwise
     */
    Optional<MessageStatus> status(String messageId);

    /**
     * Cancels a message that is not being sent right now.
     *
     * @param messageId the message's id
     * @return true when it was cancelled; false when it is unknown, already final, or being sent
     */
    boolean cancel(String messageId);

    /** @return a snapshot of the service and its modem */
    ServiceStatus serviceStatus();
}
