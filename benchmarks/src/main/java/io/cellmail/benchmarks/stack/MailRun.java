/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.util.List;
import java.util.Objects;

/**
 * One mail sent and measured.
 *
 * @param label which mail, e.g. {@code cellmail (a) #2}
 * @param seconds from the call that hands the mail over to its delivery being confirmed
 * @param commands the AT command lines the module received meanwhile, in order (passwords masked)
 * @param wire the bytes each way and the module's send time
 * @param smtp the mail as the SMTP server received it, with the server's transaction time
 */
public record MailRun(String label, double seconds, List<String> commands, WireTap.Snapshot wire,
        SmtpSink.Received smtp) {

    public MailRun {
        Objects.requireNonNull(label, "label");
        commands = List.copyOf(commands);
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(smtp, "smtp");
    }

    /** @return AT commands (round trips) of this mail */
    public int roundTrips() {
        return commands.size();
    }
}
