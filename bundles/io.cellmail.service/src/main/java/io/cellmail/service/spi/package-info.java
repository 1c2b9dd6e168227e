/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The service provider interface a modem dialect implements: {@link io.cellmail.service.spi.ModemMailer} sends
 * one mail through one modem, {@link io.cellmail.service.spi.ModemMailerFactory} creates it from
 * {@link io.cellmail.service.spi.MailerSettings}.
 */
@NullMarked
@Version("3.1.0")
package io.cellmail.service.spi;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
