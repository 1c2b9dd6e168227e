/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a command reads from a file or stdin (a mail's body, an SMS), as strict UTF-8: a byte that is not UTF-8 is
 * a usage error, never a replacement character sent on to someone's phone or mailbox.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * @param in the stream, read up to {@code limit + 1} bytes
     * @param limit the most bytes the text may have; a mistaken input may be endless
     * @param what what the text is, for messages, e.g. {@code the body on stdin}
     * @param tooLong why {@code limit} bytes are enough, for the message, e.g. {@code the modem takes 10 KB}
     * @return the text
     * @throws UsageException if it is over the limit or not UTF-8
     * @throws CommandFailure if it cannot be read
     */
    public static String read(InputStream in, int limit, String what, String tooLong)
            throws UsageException, CommandFailure {
        try {
            return decode(in.readNBytes(limit + 1), limit, what, tooLong);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.FAILURE, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param bytes the bytes read
     * @param limit the most bytes the text may have
     * @param what what the text is, for messages
     * @param tooLong why {@code limit} bytes are enough, for the message
     * @return the text
     * @throws UsageException if it is over the limit or not UTF-8
     */
    public static String decode(byte[] bytes, int limit, String what, String tooLong) throws UsageException {
        if (bytes.length > limit) {
            throw new UsageException(what + " is over " + limit + " bytes; " + tooLong);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(what + " is not UTF-8 text");
        }
    }
}
