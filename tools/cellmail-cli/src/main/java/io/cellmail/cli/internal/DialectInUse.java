/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dialect a command's mailer speaks to the module: the one {@code --dialect} named, or the one {@code auto}
 * found, known once {@code auto} had that dialect's factory create its mailer (on its identification thread).
 * What the command prints about the module's answers depends on it ({@link Dialects#sentResult}).
 */
public final class DialectInUse {

    private final AtomicReference<String> name = new AtomicReference<>();

    /** @param dialect the dialect's full name, e.g. {@code quectel-lte} */
    void use(String dialect) {
        name.set(Objects.requireNonNull(dialect, "dialect"));
    }

    /** @return the dialect's full name; empty while {@code auto} has not found the module's */
    public Optional<String> name() {
        return Optional.ofNullable(name.get());
    }
}
