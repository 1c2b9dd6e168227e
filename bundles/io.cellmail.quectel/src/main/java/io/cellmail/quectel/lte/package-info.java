/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The Quectel LTE SMTP(S) dialect: {@link io.cellmail.quectel.lte.QuectelLteMailerFactory} registers a
 * {@link io.cellmail.service.spi.ModemMailerFactory} with
 * {@code dialect=}{@value io.cellmail.quectel.lte.QuectelLteDialect#NAME} whose mailers drive the SMTP(S) client of
 * Quectel's LTE modules ({@code AT+QSMTPCFG}, {@code AT+QSSLCFG}, {@code AT+QFUPL}); the mailers share everything
 * but the dialect with those of {@link io.cellmail.quectel.QuectelMailerFactory}.
 * {@link io.cellmail.quectel.lte.QuectelLteDialect} names the dialect and the module's limits.
 */
@NullMarked
@Version("1.0.0")
package io.cellmail.quectel.lte;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
