/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The engine behind {@link io.cellmail.at.AtEngine}; not exported.
 *
 * <p>Threads: a reader per opened link ({@link io.cellmail.at.internal.LinkSession}) is the only thread that reads
 * it; a writer per link makes the writes that may block. Protocol state belongs to whichever thread holds the
 * engine's turn ({@link io.cellmail.at.internal.EngineLoop}): the engine thread for callers' requests and timers
 * (a request that comes while another thread holds the turn is run by that holder), the reader for what it read (it
 * then also writes the next short command itself), the writer for the ends of its writes; whichever holds it runs
 * the protocol steps (guard times, lingers, phase deadlines) that fall due meanwhile. The notification thread
 * ({@link io.cellmail.at.internal.Notifier}) runs caller code, news from the reader in bursts. Who does what in a
 * turn: {@link io.cellmail.at.internal.Conversation} decides what comes next, {@link io.cellmail.at.internal.ModemLink}
 * keeps the link, {@link io.cellmail.at.internal.ExchangeRunner} carries out the running command,
 * {@link io.cellmail.at.internal.UrcRouter} takes the lines no command claimed. Protocol logic without I/O or time
 * sits in small testable parts:
 * {@link io.cellmail.at.internal.LineFramer} (bytes to lines), {@link io.cellmail.at.internal.Exchange} (one
 * command's response), {@link io.cellmail.at.internal.UrcClassifier}, {@link io.cellmail.at.internal.FinalResult},
 * and the {@link io.cellmail.at.internal.InitProcedure} / {@link io.cellmail.at.internal.SyncProcedure} step
 * machines.
 *
 * <p>Decisions: a deferred result holds the channel (nothing else is sent meanwhile); when the modem reboots
 * or the link is lost only the running command fails, queued ones wait for the next initialisation (callers
 * pin a command to an epoch to have it fail instead); a cancelled or timed-out command is followed by a
 * resynchronisation, never directly by the next command.
 */
package io.cellmail.at.internal;
