/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.nio.charset.StandardCharsets;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

/**
 * Finds out whether the module ends a data-mode upload at any {@code +++}: a body upload of {@code 0+++}, written
 * in one go like every payload. A module that honours the guard time takes all four bytes as data; a lenient one
 * ends the upload after {@code 0} and acknowledges one byte ({@link MailErrorCode#UPLOAD_MISMATCH}).
 *
 * <p>Harmless either way: nothing follows the {@code +++}, so a lenient module finds no command in the rest of the
 * payload, only the engine's own {@code +++}, after which the engine resynchronises before its next command. The
 * body it leaves on the module is never sent: every mail uploads its own body.
 */
final class EscapeProbe {

    /** The probe's payload: one byte of data, then what a lenient module takes for the end. */
    static final byte[] PAYLOAD = "0+++".getBytes(StandardCharsets.US_ASCII);
    /** ASCII, the body charset of the probe. */
    private static final int ASCII = 0;

    private EscapeProbe() {
    }

    /**
     * @param writes the work to run the probe in
     * @param inputTimeoutSeconds the module's input timeout for the four bytes
     * @return true if the module is lenient
     * @throws MailException when the module does not take the upload at all (busy, refused, no answer)
     */
    static boolean lenient(SmtpWrites writes, int inputTimeoutSeconds) {
        try {
            writes.upload(Commands.body(ASCII, inputTimeoutSeconds), PAYLOAD,
                    Commands.uploadOptions(Results.BODY, inputTimeoutSeconds), Refusal.NONE);
            return false;
        } catch (MailException e) {
            if (e.code() == MailErrorCode.UPLOAD_MISMATCH) {
                return true;
            }
            throw e;
        }
    }
}
