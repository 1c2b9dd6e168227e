/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code auto} dialect: {@link io.cellmail.quectel.auto.AutoMailerFactory} registers a
 * {@link io.cellmail.service.spi.ModemMailerFactory} with {@code dialect=}{@value io.cellmail.quectel.auto.AutoDialect#NAME}
 * whose mailers ask the module what it is ({@code ATI}, {@code AT+CGMM}, {@code AT+QSMTPCFG=?}) and hand the work to
 * the factory of the dialect it speaks.
 */
@NullMarked
@Version("1.0.0")
package io.cellmail.quectel.auto;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
