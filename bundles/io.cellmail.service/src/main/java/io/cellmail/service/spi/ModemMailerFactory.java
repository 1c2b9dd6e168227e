/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates {@link ModemMailer}s of one dialect. Registered as an OSGi service with the property
 * {@value #DIALECT_PROPERTY}; a configured mail service takes the factory whose property is its configured dialect.
 */
@ConsumerType
public interface ModemMailerFactory {

    /** Service property naming the dialect, e.g. {@code quectel-gsm}. */
    String DIALECT_PROPERTY = "dialect";

    /**
     * Creates a mailer. Must not block on the modem: the mailer opens its port and brings the modem up on its
     * own threads or on the first {@link ModemMailer#send}, and reports progress through
     * {@link ModemMailer#health()}.
     *
     * @param settings everything the dialect needs to reach the modem, the network and the SMTP server
     * @return a new mailer; the caller closes it
     */
    ModemMailer create(MailerSettings settings);
}
