/**
 * The engine behind {@link io.cellmail.at.AtEngine}; not exported.
 *
 * <p>Threads: a reader per opened link ({@link io.cellmail.at.internal.LinkSession}) only reads bytes and hands
 * them over; the engine thread ({@link io.cellmail.at.internal.EngineCore}) owns every piece of protocol state
 * and frames, classifies and reacts; the notification thread ({@link io.cellmail.at.internal.Notifier}) runs
 * caller code. Protocol logic without I/O or time sits in small testable parts:
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
