/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.serial.PortSettings;
import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.support.StreamSerialLink;

class SerialLinkRegistryTest {

    @Test
    void shouldOpenThroughTheProviderOfTheSchemeWithTheParsedSettings() throws SerialLinkException {
        RecordingProvider serial = new RecordingProvider("serial");
        RecordingProvider tcp = new RecordingProvider("tcp");
        SerialLinkRegistry registry = new SerialLinkRegistry(List.of(serial, tcp));

        SerialLink link = registry.open("serial:/dev/ttyUSB2?baud=9600&flow=rtscts");

        assertThat(serial.opened).containsExactly(URI.create("serial:/dev/ttyUSB2?baud=9600&flow=rtscts"));
        assertThat(tcp.opened).isEmpty();
        assertThat(link.settings().baud()).isEqualTo(9600);
        assertThat(link.settings().flowControl()).isEqualTo(FlowControl.RTS_CTS);
    }

    @Test
    void shouldNameTheAvailableSchemesWhenNoProviderServesTheUri() {
        SerialLinkRegistry registry = new SerialLinkRegistry(
                List.of(new RecordingProvider("tcp"), new RecordingProvider("serial")));

        assertThatThrownBy(() -> registry.open("emulator:demo"))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME))
                .hasMessageContaining("'emulator'")
                .hasMessageContaining("available: serial, tcp");
    }

    @Test
    void shouldSayNoneIsAvailableWhenEmpty() {
        assertThatThrownBy(() -> new SerialLinkRegistry().open("serial:/dev/ttyS0"))
                .hasMessageContaining("available: none");
    }

    @Test
    void shouldRejectABadUriBeforeAskingAnyProvider() {
        RecordingProvider serial = new RecordingProvider("serial");
        SerialLinkRegistry registry = new SerialLinkRegistry(List.of(serial));

        assertThatThrownBy(() -> registry.open("serial:/dev/ttyUSB2?baud=fast"))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URI));
        assertThat(serial.opened).isEmpty();
    }

    @Test
    void shouldFollowProvidersAsTheyComeAndGo() throws SerialLinkException {
        SerialLinkRegistry registry = new SerialLinkRegistry();
        RecordingProvider emulator = new RecordingProvider("emulator");

        registry.bindProvider(emulator);
        assertThat(registry.schemes()).containsExactly("emulator");
        registry.open("emulator:demo");

        registry.unbindProvider(emulator);
        assertThat(registry.schemes()).isEmpty();
        assertThatThrownBy(() -> registry.open("emulator:demo"))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME));
        assertThat(emulator.opened).hasSize(1);
    }

    @Test
    void shouldLetASecondProviderOfTheSameSchemeTakeOverWhenTheFirstLeaves() throws SerialLinkException {
        RecordingProvider first = new RecordingProvider("serial");
        RecordingProvider second = new RecordingProvider("SERIAL");
        SerialLinkRegistry registry = new SerialLinkRegistry(List.of(first, second));

        registry.open("serial:/dev/ttyS0");
        registry.unbindProvider(first);
        registry.open("serial:/dev/ttyS1");

        assertThat(first.opened).containsExactly(URI.create("serial:/dev/ttyS0"));
        assertThat(second.opened).containsExactly(URI.create("serial:/dev/ttyS1"));
        assertThat(registry.schemes()).containsExactly("serial");
    }

    @Test
    void shouldTurnAProviderBugIntoATypedIoError() {
        SerialLinkProvider broken = new RecordingProvider("serial") {
            @Override
            public SerialLink open(URI uri, PortSettings settings) {
                throw new IllegalStateException("boom");
            }
        };
        SerialLinkRegistry registry = new SerialLinkRegistry(List.of(broken));

        assertThatThrownBy(() -> registry.open("serial:/dev/ttyS0"))
                .isInstanceOfSatisfying(SerialLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO_ERROR))
                .hasMessageContaining("boom");
    }

    @Test
    void shouldPassTheProvidersOwnReasonThrough() {
        SerialLinkProvider busy = new RecordingProvider("serial") {
            @Override
            public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
                throw new SerialLinkException(Reason.PORT_BUSY, "held by ModemManager");
            }
        };

        assertThatThrownBy(() -> new SerialLinkRegistry(List.of(busy)).open("serial:/dev/ttyS0"))
                .isInstanceOfSatisfying(SerialLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PORT_BUSY));
    }

    private static class RecordingProvider implements SerialLinkProvider {

        private final String scheme;
        final List<URI> opened = new ArrayList<>();

        RecordingProvider(String scheme) {
            this.scheme = scheme;
        }

        @Override
        public String scheme() {
            return scheme;
        }

        @Override
        public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
            opened.add(uri);
            return new StreamSerialLink(uri, settings, new ByteArrayInputStream(new byte[0]),
                    new ByteArrayOutputStream(), () -> { });
        }
    }
}
