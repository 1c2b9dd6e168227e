/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A faithful Quectel SMTP modem emulator: {@link io.cellmail.emulator.ModemEmulator} answers the AT commands of the
 * module its {@link io.cellmail.emulator.Personality} names (the GSM M95 of the SMTP manual V1.00, the LTE EG25-G
 * with the LTE SMTP(S) dialect, or a BG95-M3 without SMTP) over plain byte streams, relays the mail it is asked to send to a real SMTP server,
 * and takes scripted {@link io.cellmail.emulator.Faults faults}; every line is kept in a
 * {@link io.cellmail.emulator.ModuleTranscript transcript}.
 */
@NullMarked
@Version("2.1.0")
package io.cellmail.emulator;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.versioning.Version;
