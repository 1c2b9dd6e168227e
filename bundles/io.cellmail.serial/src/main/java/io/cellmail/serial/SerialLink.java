/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open byte link to a modem: a serial port, a TCP socket to ser2net or an emulator.
 *
 * <p>Exactly one thread, the owner of the link, reads {@link #input()}; writes to {@link #output()} may come
 * from one writer at a time. A link is opened by a {@link SerialLinkProvider} and is never reopened: after a
 * loss the owner closes it and asks the provider for a new one.
 */
@ConsumerType
public interface SerialLink extends Closeable {

    /** @return the URI this link was opened with, safe to log (providers never put secrets in it) */
    URI uri();

    /** @return the settings the link was opened with */
    PortSettings settings();

    /** @return the bytes coming from the modem; end of stream or an {@code IOException} means the link is lost */
    InputStream input();

    /** @return the bytes going to the modem */
    OutputStream output();

    /** @return true until {@link #close()} is called or the link is lost */
    boolean isOpen();

    /**
     * A signal that completes, with the cause, when the link breaks on its own (device unplugged, peer closed
     * the connection). It never completes when the caller closes the link.
     *
     * @return a stage that completes normally with the cause of the loss
     */
    CompletionStage<LinkLost> lost();

    /** Closes the link and releases the port; idempotent; unblocks a reader blocked in {@link #input()}. */
    @Override
    void close();
}
