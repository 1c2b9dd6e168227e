/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import io.cellmail.serial.SerialLinkException.Reason;

/**
 * A link URI taken apart: {@code serial:/dev/ttyUSB2?baud=115200&flow=rtscts},
 * {@code tcp://127.0.0.1:7000?baud=115200}, {@code emulator:demo}.
 *
 * <p>The {@link #target() target} is what the scheme's provider interprets: a device path, {@code //host:port}, an
 * emulator name. The query carries only {@link PortSettings}. {@code java.net.URI} alone is not enough here: it
 * gives no query for opaque URIs such as {@code emulator:demo?baud=9600}.
 *
 * @param uri the whole URI, query included, as handed to the provider
 * @param scheme the scheme, lower case
 * @param target the scheme-specific part without the query, percent-decoded, never empty
 * @param settings the port settings from the query
 */
public record LinkUri(URI uri, String scheme, String target, PortSettings settings) {

    public LinkUri {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Parses a link URI.
     *
     * @param text the URI, e.g. {@code serial:/dev/serial/by-id/usb-Quectel-if02-port0?baud=115200}; surrounding
     *     white space is ignored
     * @return the parsed URI
     * @throws SerialLinkException {@link SerialLinkException.Reason#INVALID_URI} when the text is not a URI, has
     *     no scheme, names no target, carries a fragment, or has bad {@link PortSettings#parse(String) settings}
     */
    public static LinkUri parse(String text) throws SerialLinkException {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new SerialLinkException(Reason.INVALID_URI, "not a valid link URI: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null) {
            throw new SerialLinkException(Reason.INVALID_URI, "link URI '" + trimmed
                    + "' has no scheme; expected e.g. serial:/dev/ttyUSB2, tcp://127.0.0.1:7000 or emulator:demo");
        }
        if (uri.getRawFragment() != null) {
            throw new SerialLinkException(Reason.INVALID_URI, "link URI '" + trimmed + "' must not have a #fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String rawPart = uri.getRawSchemeSpecificPart();
        int question = rawPart.indexOf('?');
        String rawTarget = question < 0 ? rawPart : rawPart.substring(0, question);
        String rawQuery = question < 0 ? null : rawPart.substring(question + 1);
        if (rawTarget.isEmpty() || rawTarget.equals("//")) {
            throw new SerialLinkException(Reason.INVALID_URI, "link URI '" + trimmed + "' names no port");
        }
        return new LinkUri(uri, scheme, decode(scheme, rawTarget), PortSettings.parse(rawQuery));
    }

    /**
     * Parses a URI a provider was handed; the same as {@code parse(uri.toString())}.
     *
     * @param uri the link URI
     * @return the parsed URI
     * @throws SerialLinkException as {@link #parse(String)}
     */
    public static LinkUri of(URI uri) throws SerialLinkException {
        return parse(Objects.requireNonNull(uri, "uri").toString());
    }

    private static String decode(String scheme, String rawTarget) throws SerialLinkException {
        try {
            // Re-parsing the raw part on its own undoes the percent-encoding without touching '+'.
            return new URI(scheme + ":" + rawTarget).getSchemeSpecificPart();
        } catch (URISyntaxException e) {
            throw new SerialLinkException(Reason.INVALID_URI, "not a valid link URI: " + e.getMessage(), e);
        }
    }
}
