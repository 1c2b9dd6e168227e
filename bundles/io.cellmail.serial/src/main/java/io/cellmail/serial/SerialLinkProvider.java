/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.net.URI;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens links for one URI scheme ({@code serial}, {@code tcp}, {@code emulator}, ...). Registered as an OSGi
 * service with the property {@value #SCHEME_PROPERTY}; the {@link SerialLinks} registry picks the provider by
 * the scheme of the URI it is asked to open.
 */
@ConsumerType
public interface SerialLinkProvider {

    /** Service property naming the URI scheme a provider serves. */
    String SCHEME_PROPERTY = "cellmail.serial.scheme";

    /** @return the URI scheme this provider serves, lower case */
    String scheme();

    /**
     * Opens a link. Blocks at most for the provider's own connect timeout.
     *
     * @param uri the link URI, without the port-setting query parameters' meaning being re-parsed
     * @param settings the port settings parsed from the URI's query
     * @return an open link
     * @throws SerialLinkException with a {@link SerialLinkException.Reason} telling what went wrong
     */
    SerialLink open(URI uri, PortSettings settings) throws SerialLinkException;
}
