/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.SmsPrompt;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

/** Emulated modules made from configurations, reached through the emulator: link provider and over TCP. */
class ModemEmulatorComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EmulatorLinkComponent links = new EmulatorLinkComponent();
    private final List<ModemEmulatorComponent> components = new CopyOnWriteArrayList<>();

    @AfterEach
    void deactivateAll() {
        components.forEach(ModemEmulatorComponent::deactivate);
    }

    @Test
    void shouldServeTheEmulatorSchemeAsALinkProvider() {
        assertThat(links.scheme()).isEqualTo(EmulatorLinks.SCHEME).isEqualTo("emulator");
    }

    @Test
    void shouldMakeTheModuleReachableAsEmulatorNameWithTheConfiguredSettings() throws Exception {
        ModemEmulatorComponent component = component(Map.of("name", "bench", "smtpRoute", "127.0.0.1:2525",
                "baud", 115200, "latency", 5L, "guardTime", 50L, "lenientEscape", true,
                "simPin", "4711", "attachmentsEndByLength", true));

        EmulatorSettings settings = component.modem().map(ModemEmulator::settings).orElseThrow();
        assertThat(settings.smtpRoute()).contains("127.0.0.1:2525");
        assertThat(settings.baud()).isEqualTo(115200);
        assertThat(settings.commandLatency()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.guardTime()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.lenientEscape()).isTrue();
        assertThat(settings.attachmentsEndByLength()).isTrue();
        assertThat(settings.simPin()).contains("4711");
        try (SerialLink link = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT)) {
            new TextFollower(link.input(), link.output()).command("AT").expect("OK\r\n");
        }
        assertThat(component.listening()).isEmpty();
    }

    @Test
    void shouldTakeTheSmsPrompt() {
        assertThat(component(Map.of()).modem().map(m -> m.settings().smsPrompt())).contains(SmsPrompt.SPACE);
        assertThat(component(Map.of("name", "bare", "smsPrompt", "bare")).modem().map(m -> m.settings().smsPrompt()))
                .contains(SmsPrompt.BARE);
    }

    @Test
    void shouldUseTheDefaultsOfTheMetatype() {
        ModemEmulatorComponent component = component(Map.of());

        EmulatorSettings settings = component.modem().map(ModemEmulator::settings).orElseThrow();
        assertThat(settings.smtpRoute()).isEmpty();
        assertThat(settings.guardTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.baud()).isZero();
        assertThat(settings.lenientEscape()).isFalse();
        assertThat(settings.attachmentsEndByLength()).isFalse();
        assertThat(settings.simPin()).isEmpty();
        assertThat(openable("demo")).isTrue();
    }

    @Test
    void shouldServeTheModuleOverTcpWhenListenIsSet() throws Exception {
        ModemEmulatorComponent component = component(Map.of("name", "tcp-bench", "listen", "127.0.0.1:0"));
        InetSocketAddress address = component.listening().orElseThrow();
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();

        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            TextFollower host = new TextFollower(socket.getInputStream(), socket.getOutputStream());
            host.command("ATI").expect("Quectel_M95");

            component.deactivate();
            components.remove(component);

            host.awaitEnd();
            assertThat(host.ended()).isTrue();
        }
        await().atMost(WAIT).until(() -> threadsNamed("cellmail-emulator-tcp-" + address.getPort()).isEmpty());
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(openable("tcp-bench")).isFalse();
    }

    @Test
    void shouldMakeTheModuleUnreachableAndPowerItOffOnDeactivate() throws Exception {
        ModemEmulatorComponent component = component(Map.of("name", "short-lived"));
        SerialLink link = links.open(URI.create("emulator:short-lived"), PortSettings.DEFAULT);
        TextFollower host = new TextFollower(link.input(), link.output());
        host.command("AT").expect("OK");

        component.deactivate();
        components.remove(component);

        assertThat(link.lost().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).reason())
                .isNotBlank();
        link.close();
        assertThatThrownBy(() -> links.open(URI.create("emulator:short-lived"), PortSettings.DEFAULT))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(SerialLinkException.Reason.NO_SUCH_PORT));
    }

    @Test
    void shouldLeaveTheFirstModuleInPlaceWhenASecondAsksForItsName() {
        ModemEmulatorComponent first = component(Map.of("name", "twin"));
        ModemEmulatorComponent second = component(Map.of("name", "twin", "listen", "127.0.0.1:0"));

        assertThat(first.modem()).isPresent();
        assertThat(second.modem()).isEmpty();
        assertThat(second.listening()).as("an unreachable module is not served either").isEmpty();
        second.deactivate();
        components.remove(second);
        assertThat(openable("twin")).isTrue();
    }

    @Test
    void shouldNotStartAModuleWhoseConfigurationIsInvalid() {
        ModemEmulatorComponent badRoute = component(Map.of("name", "bad-route", "smtpRoute", "no-port"));
        ModemEmulatorComponent badName = component(Map.of("name", "bad name"));

        assertThat(badRoute.modem()).isEmpty();
        assertThat(badName.modem()).isEmpty();
        assertThat(openable("bad-route")).isFalse();
    }

    @Test
    void shouldStayReachableInTheJvmWhenTheTcpAddressIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ModemEmulatorComponent component = component(Map.of("name", "busy-port",
                    "listen", "127.0.0.1:" + taken.getLocalPort()));

            assertThat(component.listening()).isEmpty();
            assertThat(component.modem()).isPresent();
            assertThat(openable("busy-port")).isTrue();
        }
    }

    @Test
    void shouldNotServeAnAddressWithoutAPort() {
        ModemEmulatorComponent component = component(Map.of("name", "no-port", "listen", "127.0.0.1"));

        assertThat(component.listening()).isEmpty();
        assertThat(openable("no-port")).isTrue();
    }

    private ModemEmulatorComponent component(Map<String, ?> configuration) {
        ModemEmulatorComponent component = new ModemEmulatorComponent(links,
                Configurations.of(ModemEmulatorConfiguration.class, configuration));
        components.add(component);
        return component;
    }

    private boolean openable(String name) {
        try (SerialLink link = links.open(URI.create("emulator:" + name), PortSettings.DEFAULT)) {
            return link.isOpen();
        } catch (SerialLinkException e) {
            return false;
        }
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name))
                .toList();
    }
}
