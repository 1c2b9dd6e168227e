/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.UploadResult;

/**
 * A file uploaded to an LTE module's drive with {@code AT+QFUPL="<file>",<size>,<timeout>}: the module leaves data
 * mode after {@code <size>} bytes and answers {@code +QFUPL: <size>,<checksum>}. Both are checked against what was
 * sent: the size by the AT engine, the checksum here ({@link #checksum}). A file whose checksum differs is deleted,
 * so that it cannot later pass for the right one by its size, and the upload fails with
 * {@link MailErrorCode#UPLOAD_MISMATCH}.
 */
final class FileUpload {

    private FileUpload() {
    }

    /**
     * @param writes the work
     * @param file the file's name with its drive, e.g. {@code RAM:log.csv}
     * @param bytes its content
     * @param inputTimeoutSeconds how long the module waits for the content
     * @throws MailException when the upload fails; {@link MailErrorCode#UPLOAD_MISMATCH} when the module took other
     *     bytes than were sent
     */
    static void upload(SmtpWrites writes, String file, byte[] bytes, int inputTimeoutSeconds) {
        AtCommand command = LteCommands.uploadFile(file, bytes.length, inputTimeoutSeconds);
        UploadResult result = writes.upload(command, bytes,
                LteCommands.lengthEnded(LteCommands.FILE_UPLOADED, inputTimeoutSeconds), Refusal.NONE);
        int sent = checksum(bytes);
        int reported;
        try {
            reported = Integer.parseInt(result.resultLine().stringField(1), 16);
        } catch (AtException | NumberFormatException e) {
            throw new MailException(MailErrorCode.UNKNOWN, null, command.maskedText() + ": no readable checksum in "
                    + result.resultLine().line(), e);
        }
        if (reported != sent) {
            writes.session().attempt(LteCommands.deleteFile(file));
            throw new MailException(MailErrorCode.UPLOAD_MISMATCH, null, command.maskedText() + ": the module's "
                    + "checksum " + Integer.toHexString(reported) + " differs from " + Integer.toHexString(sent)
                    + " of the bytes sent", null);
        }
    }

    /**
     * The module's checksum of a file: the 16-bit XOR of its successive byte pairs, each pair read with its first
     * byte high; an odd last byte is the high byte of a last pair whose low byte is 0.
     *
     * @param bytes a file's content
     * @return its checksum, 0 to 0xFFFF
     */
    static int checksum(byte[] bytes) {
        int sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            int high = bytes[i] & 0xff;
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum ^= high << 8 | low;
        }
        return sum;
    }
}
