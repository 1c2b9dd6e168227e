/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads which mail an outbox file holds, from outside the gateway, as an operator's tool would: files are named by
 * the outbox's sequence number ({@code 0000000042.mail}) and begin with {@code "CMOB"}, the format version (2) and a
 * header frame whose payload starts with the mail's id (an int32 byte count and UTF-8). The first format named the
 * file after the id ({@code <id>.msg}). Only the start of the file is read; its CRCs are the gateway's business.
 */
final class OutboxFileId {

    static final String SUFFIX = ".mail";
    static final String LEGACY_SUFFIX = ".msg";
    private static final byte[] MAGIC = {'C', 'M', 'O', 'B'};
    private static final int VERSION = 2;
    private static final int HEADER_FRAME = 3;
    /** Ids are short; a longer count means the file is not what it claims to be. */
    private static final int MAX_ID_BYTES = 1024;

    private OutboxFileId() {
    }

    /**
     * @param file an outbox file
     * @return the id of the mail it holds; empty for a file that is no mail (a temporary or state file, or one
     *     whose start is not readable: one being written or damaged)
     */
    static Optional<String> of(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(LEGACY_SUFFIX)) {
            return Optional.of(name.substring(0, name.length() - LEGACY_SUFFIX.length()));
        }
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || data.readUnsignedByte() != VERSION
                    || data.readUnsignedByte() != HEADER_FRAME) {
                return Optional.empty();
            }
            data.readInt(); // the header payload's length
            int idBytes = data.readInt();
            if (idBytes < 0 || idBytes > MAX_ID_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(data.readNBytes(idBytes), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
