/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.util.Objects;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Loads jSerialComm's native part once and enables {@link JSerialCommLinkProvider} only if that worked.
 *
 * <p>Why this shape: jSerialComm loads its native library in a static initializer and throws
 * {@code UnsatisfiedLinkError} (then {@code NoClassDefFoundError} on every later use) when the platform has no
 * matching library or it cannot be extracted. Letting the provider's own activation fail would make SCR log an
 * error with a stack trace each time a consumer binds, and the service would still be advertised; registering a
 * service by hand would leave Declarative Services. A disabled component enabled from here keeps the wiring
 * declarative: on failure there is one warning, no {@code serial} service, and the other providers work on.
 */
@Component(immediate = true)
public final class NativeLibraryProbe {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryProbe.class);

    /** What loading the native library means; returns its version. */
    @FunctionalInterface
    interface Loader {
        String load();
    }

    private final Loader loader;

    /** For Declarative Services: loads the real library. */
    public NativeLibraryProbe() {
        this(SerialPort::getVersion);
    }

    NativeLibraryProbe(Loader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Activate
    void activate(ComponentContext context) {
        try {
            // The first use of SerialPort runs its static initializer, which extracts and loads the native part.
            String version = loader.load();
            LOG.debug("jSerialComm {} native library loaded; enabling the serial: provider", version);
            context.enableComponent(JSerialCommLinkProvider.NAME);
        } catch (LinkageError e) {
            LOG.warn("{}; serial: links are disabled, other link schemes are unaffected", describe(e));
        }
    }

    @Deactivate
    void deactivate(ComponentContext context) {
        context.disableComponent(JSerialCommLinkProvider.NAME);
    }

    /** @return a one-line explanation of a failed native library load, fit for a log line or an exception */
    static String describe(LinkageError e) {
        String detail = String.valueOf(e.getMessage()).strip()
                .replaceAll(":\\s*\\R\\s*", ": ")
                .replaceAll("\\s*\\R\\s*", "; ");
        return "jSerialComm cannot load its native library for " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + " (" + e.getClass().getSimpleName() + ": " + detail + ")";
    }
}
