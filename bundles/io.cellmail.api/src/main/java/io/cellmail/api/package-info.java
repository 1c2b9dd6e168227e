/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Sending e-mail through a cellular modem: {@link io.cellmail.api.CellularMailService}, the immutable
 * {@link io.cellmail.api.MailMessage}, delivery receipts and status, {@link io.cellmail.api.MailErrorCode}
 * and the EventAdmin topics of {@link io.cellmail.api.MailEvents}.
 */
@NullMarked
@Version("1.3.0")
package io.cellmail.api;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
