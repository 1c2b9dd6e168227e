/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * How a text becomes SMS: the choice of {@link io.cellmail.service.sms.SmsEncoding encoding} (GSM-7 when every
 * character is in the GSM 7-bit alphabet, UCS2 otherwise), its {@link io.cellmail.service.sms.SmsSegments parts},
 * and the {@link io.cellmail.service.sms.SubmitPdu SMS-SUBMIT PDU} of a part for modules sent to in PDU mode. The
 * one place the dialect drivers and the service count, split and encode SMS text.
 */
@NullMarked
@Version("1.0.0")
package io.cellmail.service.sms;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
