/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.Personality;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinks;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.serial.internal.TcpLinkProvider;
import io.cellmail.serial.jserialcomm.internal.JSerialCommLinkProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links a command talks over, without OSGi: {@code serial:} (jSerialComm), {@code tcp:} (ser2net, a remote
 * {@code cellmail emulate}) and {@code emulator:NAME}, an emulated module started in this process. Closing it
 * stops the emulators it started.
 */
public final class ModemLinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemLinks.class);

    private final EmulatorLinks emulators = new EmulatorLinks();
    private final SerialLinkRegistry registry =
            new SerialLinkRegistry(List.of(new TcpLinkProvider(), new JSerialCommLinkProvider(), emulators));
    private final Map<LinkUri, ModemEmulator> started = new LinkedHashMap<>();
    private final List<HandOver> handOvers = new ArrayList<>();

    /**
     * @param text a link URI from the command line
     * @param what what it is, for the message, e.g. {@code the link}
     * @return the parsed URI
     * @throws UsageException if it is malformed or its scheme is not one the tool knows
     */
    public LinkUri parse(String text, String what) throws UsageException {
        LinkUri link;
        try {
            link = LinkUri.parse(text);
        } catch (SerialLinkException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
        Set<String> schemes = registry.schemes();
        if (!schemes.contains(link.scheme())) {
            throw new UsageException(what + ": unknown scheme '" + link.scheme() + "'; use one of " + schemes);
        }
        return link;
    }

    /**
     * For an {@code emulator:NAME} link, starts the emulated module it names in this process; other links are
     * left alone.
     *
     * @param link the link the command will open
     * @param smtpRoute {@code HOST:PORT} every mail of the emulator goes to, instead of the server the modem is
     *     told ({@code --smtp}); empty to use that server
     * @param faults fault specs to arm at start ({@code --fault}), see the emulator's {@code Faults}
     * @param personality the module emulated ({@code --personality}: {@code m95}, {@code eg25g} or {@code bg95});
     *     empty for the M95
     * @throws UsageException if the route, a fault spec or the personality is malformed, or they are given for
     *     another link
     */
    public void startEmulatorFor(LinkUri link, Optional<String> smtpRoute, List<String> faults,
            Optional<String> personality) throws UsageException {
        Objects.requireNonNull(link, "link");
        if (!link.scheme().equals(EmulatorLinks.SCHEME)) {
            if (smtpRoute.isPresent() || !faults.isEmpty() || personality.isPresent()) {
                throw new UsageException("--smtp, --fault and --personality are for emulator: links only");
            }
            return;
        }
        EmulatorSettings settings;
        try {
            settings = EmulatorSettings.builder().smtpRoute(smtpRoute.orElse(null)).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--smtp: " + e.getMessage());
        }
        if (personality.isPresent()) {
            try {
                settings = settings.toBuilder().personality(Personality.of(personality.get())).build();
            } catch (IllegalArgumentException e) {
                throw new UsageException("--personality: " + e.getMessage());
            }
        }
        ModemEmulator modem = ModemEmulator.create(settings);
        try {
            for (String fault : faults) {
                modem.faults().apply(fault);
            }
            emulators.register(link.target(), modem);
        } catch (IllegalArgumentException | IllegalStateException e) {
            modem.close();
            throw new UsageException("--fault: " + e.getMessage());
        }
        started.put(link, modem);
        LOG.debug("Started the in-process emulator {}", link.uri());
    }

    /**
     * @param link a link given to {@link #startEmulatorFor}
     * @return the emulated module started for it, empty for a link to a real module (or a remote emulator)
     */
    public Optional<ModemEmulator> emulatorFor(LinkUri link) {
        return Optional.ofNullable(started.get(link));
    }

    /**
     * Opens a link once, so that a wrong port, a busy device or a refused connection is reported at once instead
     * of being retried in the background.
     *
     * @param link the link
     * @return the open link
     * @throws CommandFailure naming the link and why it cannot be opened
     */
    public SerialLink open(LinkUri link) throws CommandFailure {
        try {
            return registry.open(link.uri().toString());
        } catch (SerialLinkException e) {
            int exit = switch (e.reason()) {
                case PORT_BUSY, IO_ERROR -> ExitCode.TEMPORARY_FAILURE;
                default -> ExitCode.FAILURE;
            };
            throw new CommandFailure(exit, "cannot open " + link.uri() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param first a link opened by {@link #open}; handed out by the first {@code open} of its URI
     * @return the links, for a driver or engine that opens (and reopens) its link itself
     */
    public SerialLinks handingOver(SerialLink first) {
        HandOver links = new HandOver(registry, first);
        handOvers.add(links);
        return links;
    }

    /** Closes pre-opened links nobody took and stops the emulators this object started. */
    @Override
    public void close() {
        handOvers.forEach(HandOver::closeUntaken);
        handOvers.clear();
        started.values().forEach(ModemEmulator::close);
        started.clear();
    }

    /** The registry, except that the first open of the pre-opened link's URI returns that link. */
    private static final class HandOver implements SerialLinks {

        private final SerialLinks registry;
        private final AtomicReference<SerialLink> first;

        HandOver(SerialLinks registry, SerialLink first) {
            this.registry = registry;
            this.first = new AtomicReference<>(Objects.requireNonNull(first, "first"));
        }

        @Override
        public SerialLink open(String uri) throws SerialLinkException {
            SerialLink link = first.getAndSet(null);
            if (link != null) {
                if (link.uri().toString().equals(uri) && link.isOpen()) {
                    return link;
                }
                // Another URI after all (a driver may add settings to it): free the port for it.
                link.close();
            }
            return registry.open(uri);
        }

        @Override
        public Set<String> schemes() {
            return registry.schemes();
        }

        void closeUntaken() {
            SerialLink link = first.getAndSet(null);
            if (link != null) {
                link.close();
            }
        }
    }
}
