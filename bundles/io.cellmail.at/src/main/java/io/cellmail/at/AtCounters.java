/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A snapshot of the engine's counters since it was made.
 *
 * @param commands commands (and uploads) sent to the modem on behalf of callers
 * @param errors commands the modem answered with an error (ERROR, CME, CMS, negative result, length mismatch)
 * @param timeouts commands that got no (final, deferred or upload) result in time
 * @param cancellations commands their callers cancelled
 * @param resyncs resynchronisations with {@code AT} probes after a timeout, cancellation or protocol error
 * @param reboots modem reboots detected
 * @param reopens times the port was opened again after it was lost or given up
 * @param urcs unsolicited lines routed to listeners
 * @param droppedLines lines dropped: echoes, late finals, overlong lines
 */
@ProviderType
public record AtCounters(long commands, long errors, long timeouts, long cancellations, long resyncs, long reboots,
        long reopens, long urcs, long droppedLines) {
}
