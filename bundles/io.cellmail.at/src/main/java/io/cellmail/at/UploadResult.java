/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The outcome of a successful data-mode upload.
 *
 * @param bytesSent the payload bytes written to the modem
 * @param resultLine the result line, e.g. {@code +QSMTPBODY: 2009}
 */
@ProviderType
public record UploadResult(int bytesSent, InfoLine resultLine) {

    public UploadResult {
        Objects.requireNonNull(resultLine, "resultLine");
    }

    /** @return the first field of the result line: the length the modem took */
    public int reportedLength() {
        return resultLine.intField(0);
    }
}
