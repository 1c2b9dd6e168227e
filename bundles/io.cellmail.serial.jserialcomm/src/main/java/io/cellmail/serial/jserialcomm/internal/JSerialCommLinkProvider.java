/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import io.cellmail.serial.LinkUri;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.support.StreamSerialLink;

/**
 * The {@code serial:/dev/...} provider on jSerialComm. Disabled until {@link NativeLibraryProbe} has loaded
 * jSerialComm's native part, so the service never appears on a platform where it could not work.
 *
 * <p>Every open resolves the path afresh ({@code /dev/serial/by-id/...} to today's {@code ttyUSBn}), holds the
 * device exclusively, and reports the failure kinds a program can act on: no such device, busy, no permission.
 */
@Component(name = JSerialCommLinkProvider.NAME, enabled = false, service = SerialLinkProvider.class,
        property = SerialLinkProvider.SCHEME_PROPERTY + "=" + JSerialCommLinkProvider.SCHEME)
public final class JSerialCommLinkProvider implements SerialLinkProvider {

    static final String NAME = "io.cellmail.serial.jserialcomm";
    static final String SCHEME = "serial";

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLinkProvider.class);

    /** The links this provider opened and nobody closed yet, by real device path. */
    private final ConcurrentMap<Path, StreamSerialLink> openLinks = new ConcurrentHashMap<>();

    /** For Declarative Services and for use without OSGi. */
    public JSerialCommLinkProvider() {
    }

    /**
     * Breaks the links still open, as a loss, so their owners reopen through whatever provider serves next instead
     * of holding a port whose provider is gone (a bundle update would otherwise leave the device busy).
     */
    @Deactivate
    void deactivate() {
        openLinks.values().forEach(link -> {
            link.reportLost("the serial link provider stopped", null);
            link.close();
        });
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(settings, "settings");
        Path device = realDevice(LinkUri.of(uri).target());
        if (!HeldPorts.acquire(device)) {
            throw new SerialLinkException(Reason.PORT_BUSY, device + " is already open in this JVM (another cellmail"
                    + " link uses it; close that one first)");
        }
        try {
            return openHeld(uri, settings, device);
        } catch (SerialLinkException | RuntimeException e) {
            HeldPorts.release(device);
            throw e;
        } catch (LinkageError e) {
            // Used without OSGi, nothing probed the native library before this first use.
            HeldPorts.release(device);
            throw new SerialLinkException(Reason.UNSUPPORTED_SCHEME, NativeLibraryProbe.describe(e), e);
        }
    }

    private SerialLink openHeld(URI uri, PortSettings settings, Path device) throws SerialLinkException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new SerialLinkException(Reason.NO_SUCH_PORT, device + " is not a serial port: " + e.getMessage(), e);
        }
        JSerialCommSettings.apply(settings, port);
        if (!port.openPort()) {
            throw PortOpenFailure.describe(device, port.getLastErrorCode());
        }
        try {
            StreamSerialLink link = new StreamSerialLink(uri, settings, new SerialPortInput(port),
                    new SerialPortOutput(port), () -> release(device, port));
            openLinks.put(device, link);
            if (!port.addDataListener(new DisconnectListener(link))) {
                LOG.debug("No disconnect events for {}; read failures still reveal a loss", device);
            }
            LOG.debug("Opened {} as {} with {}", uri, device, settings);
            return link;
        } catch (RuntimeException e) {
            port.closePort();
            openLinks.remove(device);
            throw e;
        }
    }

    private void release(Path device, SerialPort port) {
        try {
            port.removeDataListener();
            if (!port.closePort()) {
                LOG.debug("Closing {} reported failure (error {})", device, port.getLastErrorCode());
            }
        } finally {
            openLinks.remove(device);
            HeldPorts.release(device);
        }
    }

    /** Follows symlinks now, not when configured: a by-id link may point at another ttyUSB after a replug. */
    private static Path realDevice(String target) throws SerialLinkException {
        Path path;
        try {
            path = Path.of(target);
        } catch (InvalidPathException e) {
            throw new SerialLinkException(Reason.INVALID_URI, "'" + target + "' is not a device path", e);
        }
        if (!path.isAbsolute()) {
            throw new SerialLinkException(Reason.INVALID_URI,
                    "a serial link needs an absolute device path, e.g. serial:/dev/ttyUSB2; got '" + target + "'");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SerialLinkException(Reason.NO_SUCH_PORT, "no serial device at " + path
                    + " (unplugged, or renamed? see ls -l /dev/serial/by-id)", e);
        } catch (IOException e) {
            throw new SerialLinkException(Reason.IO_ERROR, "cannot resolve " + path + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(real)) {
            throw new SerialLinkException(Reason.NO_SUCH_PORT, path + " is a directory, not a serial device");
        }
        return real;
    }
}
