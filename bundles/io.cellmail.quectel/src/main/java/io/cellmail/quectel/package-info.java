/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The Quectel GSM SMTP dialect: {@link io.cellmail.quectel.QuectelMailerFactory} registers a
 * {@link io.cellmail.service.spi.ModemMailerFactory} with
 * {@code dialect=}{@value io.cellmail.quectel.QuectelDialect#NAME} whose mailers drive the module's SMTP client with the AT commands of the Quectel GSM SMTP manual;
 * {@link io.cellmail.quectel.QuectelDialect} names the dialect and the module's limits. The LTE dialect is
 * {@code io.cellmail.quectel.lte}'s.
 */
@NullMarked
@Version("1.0.0")
package io.cellmail.quectel;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
