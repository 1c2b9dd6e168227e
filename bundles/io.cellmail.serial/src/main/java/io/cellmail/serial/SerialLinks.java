/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The registry of {@link SerialLinkProvider}s: opens a link for any URI whose scheme has a provider. */
@ProviderType
public interface SerialLinks {

    /**
     * Opens a link, e.g. {@code serial:/dev/ttyUSB2?baud=115200&flow=rtscts}, {@code tcp://127.0.0.1:7000},
     * {@code emulator:bench}.
     *
     * @param uri the link URI; its query carries the {@link PortSettings}
     * @return an open link
     * @throws SerialLinkException {@link SerialLinkException.Reason#INVALID_URI} for a malformed URI or
     *     settings, {@link SerialLinkException.Reason#UNSUPPORTED_SCHEME} when no provider serves the scheme,
     *     or the provider's own reason
     */
    SerialLink open(String uri) throws SerialLinkException;

    /** @return the schemes that currently have a provider */
    Set<String> schemes();
}
