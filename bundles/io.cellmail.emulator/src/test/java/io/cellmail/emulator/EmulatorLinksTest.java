/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

class EmulatorLinksTest {

    private final EmulatorLinks links = new EmulatorLinks();
    private final ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder().bootUrcs(false).build());

    @AfterEach
    void powerOff() {
        modem.close();
    }

    @Test
    void shouldOpenALinkToTheModemRegisteredUnderTheName() throws Exception {
        links.register("bench", modem);

        try (SerialLink link = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT)) {
            assertThat(links.scheme()).isEqualTo("emulator");
            assertThat(exchange(link, "AT")).isEqualTo("AT\r\r\nOK\r\n");
        }
    }

    @Test
    void shouldKeepTheModemsStateAcrossLinks() throws Exception {
        links.register("bench", modem);
        try (SerialLink first = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT)) {
            assertThat(exchange(first, "ATE0")).endsWith("OK\r\n");
        }
        try (SerialLink second = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT)) {
            assertThat(exchange(second, "AT")).isEqualTo("\r\nOK\r\n");
        }
    }

    @Test
    void shouldReportTheLinkLostWhenTheModemIsPoweredOff() throws Exception {
        links.register("bench", modem);
        SerialLink link = links.open(URI.create("emulator:bench"), PortSettings.DEFAULT);
        Thread reader = new Thread(() -> drain(link.input()), "test-reader");
        reader.start();

        modem.close();

        assertThat(link.lost().toCompletableFuture().get(5, TimeUnit.SECONDS).reason()).isNotBlank();
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        link.close();
    }

    @Test
    void shouldRefuseAnUnknownNameWithNoSuchPortNamingTheKnownOnes() {
        links.register("alpha", modem);

        assertThatThrownBy(() -> links.open(URI.create("emulator:beta"), PortSettings.DEFAULT))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(SerialLinkException.Reason.NO_SUCH_PORT))
                .hasMessageContaining("beta").hasMessageContaining("[alpha]");
    }

    @Test
    void shouldRefuseASecondModemUnderTheSameNameUntilTheFirstIsUnregistered() {
        links.register("alpha", modem);

        assertThatThrownBy(() -> links.register("alpha", modem)).isInstanceOf(IllegalStateException.class);
        assertThat(links.unregister("alpha")).isSameAs(modem);
        links.register("alpha", modem);
    }

    /** Writes a command line and reads until the answer ends with a final result code. */
    private static String exchange(SerialLink link, String command) throws IOException {
        link.output().write((command + "\r").getBytes(StandardCharsets.US_ASCII));
        link.output().flush();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (!answer.toString(StandardCharsets.US_ASCII).endsWith("OK\r\n")) {
            int b = link.input().read();
            if (b < 0) {
                throw new IOException("link ended after " + answer);
            }
            answer.write(b);
        }
        return answer.toString(StandardCharsets.US_ASCII);
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // discard until the end
            }
        } catch (IOException e) {
            // the end, too
        }
    }
}
