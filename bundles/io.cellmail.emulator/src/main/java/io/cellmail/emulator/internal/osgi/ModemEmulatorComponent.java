/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.Personality;
import io.cellmail.emulator.SmsPrompt;
import io.cellmail.emulator.internal.frontend.TcpEmulatorServer;

/**
 * An emulated module made from a factory configuration ({@value #FACTORY_PID}): registered as
 * {@code emulator:<name>} and, with {@code listen}, also served over TCP. A changed configuration makes a new
 * module, as if the old one were powered off and another one plugged in.
 *
 * <p>A configuration that cannot work (a bad route, a name in use, an address in use) is logged as a warning and
 * leaves the emulator unreachable (or, for the address, reachable in the JVM only); the component does not fail.
 */
@Component(name = ModemEmulatorComponent.FACTORY_PID, service = {}, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModemEmulatorConfiguration.class, factory = true)
public final class ModemEmulatorComponent {

    /** The ConfigAdmin factory PID of an emulated module. */
    public static final String FACTORY_PID = "io.cellmail.emulator";

    private static final Logger LOG = LoggerFactory.getLogger(ModemEmulatorComponent.class);

    private final EmulatorRegistry registry;
    private final String name;
    private final ModemEmulator modem;
    private final boolean registered;
    private final TcpEmulatorServer server;

    /**
     * Makes the module and makes it reachable.
     *
     * @param registry where the module becomes {@code emulator:<name>}
     * @param configuration the module's configuration
     */
    @Activate
    public ModemEmulatorComponent(@Reference(name = "registry") EmulatorRegistry registry,
            ModemEmulatorConfiguration configuration) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = configuration.name().strip();
        this.modem = create(configuration);
        this.registered = modem != null && register();
        this.server = registered ? listen(configuration.listen().strip()) : null;
    }

    /** Stops serving the module, makes it unreachable and powers it off; open links report the loss. */
    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
        }
        if (registered) {
            registry.unregister(name);
        }
        if (modem != null) {
            modem.close();
        }
        LOG.debug("Emulator {} closed", name);
    }

    /** @return the module, unless its configuration was invalid */
    Optional<ModemEmulator> modem() {
        return registered ? Optional.of(modem) : Optional.empty();
    }

    /** @return where the module is served over TCP, if it is */
    Optional<InetSocketAddress> listening() {
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    private ModemEmulator create(ModemEmulatorConfiguration configuration) {
        String route = configuration.smtpRoute().strip();
        try {
            EmulatorSettings settings = EmulatorSettings.builder()
                    .personality(Personality.of(configuration.personality()))
                    .smtpRoute(route.isEmpty() ? null : route)
                    .baud(configuration.baud())
                    .commandLatency(Duration.ofMillis(configuration.latency()))
                    .guardTime(Duration.ofMillis(configuration.guardTime()))
                    .lenientEscape(configuration.lenientEscape())
                    .attachmentsEndByLength(configuration.attachmentsEndByLength())
                    .simPin(configuration.simPin().isBlank() ? null : configuration.simPin().strip())
                    .smsPrompt(SmsPrompt.of(configuration.smsPrompt()))
                    .build();
            return ModemEmulator.create(settings);
        } catch (IllegalArgumentException e) {
            LOG.warn("Emulator {} is not started, its configuration is invalid: {}", name, e.getMessage());
            return null;
        }
    }

    private boolean register() {
        try {
            registry.register(name, modem);
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warn("Emulator {} is not reachable: {}", name, e.getMessage());
            modem.close();
            return false;
        }
    }

    private TcpEmulatorServer listen(String listen) {
        if (listen.isEmpty()) {
            return null;
        }
        int colon = listen.lastIndexOf(':');
        try {
            if (colon < 1) {
                throw new IOException("listen must be host:port, e.g. 127.0.0.1:4001");
            }
            int port = Integer.parseInt(listen.substring(colon + 1));
            TcpEmulatorServer started = TcpEmulatorServer.start(modem::attach, listen.substring(0, colon), port);
            LOG.debug("Emulator {} served on {}", name, started.address());
            return started;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Emulator {} is not served over TCP at '{}' (it stays reachable as emulator:{}): {}", name,
                    listen, name, e.getMessage());
            return null;
        }
    }
}
