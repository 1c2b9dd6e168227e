/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a mail. Immutable: the content is copied in and out.
 *
 * @param name the file name the recipient sees
 * @param content the file's bytes
 */
// The bytes are copied in and out and equals/hashCode compare their content, which is what the check asks for.
@SuppressWarnings("ArrayRecordComponent")
public record Attachment(String name, byte[] content) {

    public Attachment {
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /** @return a copy of the file's bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return the size of the file in bytes, without copying it */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && name.equals(that.name) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + content.length + " bytes]";
    }
}
