/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.SerialLinkException.Reason;

class LinkUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            serial:/dev/ttyUSB2?baud=115200&flow=rtscts                     | serial   | /dev/ttyUSB2                                   | 115200 | RTS_CTS
            serial:/dev/serial/by-id/usb-Quectel_UC15-if02-port0            | serial   | /dev/serial/by-id/usb-Quectel_UC15-if02-port0  | 115200 | NONE
            SERIAL:/dev/ttyS1?baud=9600                                     | serial   | /dev/ttyS1                                     | 9600   | NONE
            serial:/tmp/pty%20pair/host?baud=57600                          | serial   | /tmp/pty pair/host                             | 57600  | NONE
            tcp://127.0.0.1:7000?baud=115200                                | tcp      | //127.0.0.1:7000                               | 115200 | NONE
            tcp://gateway.local:4001                                        | tcp      | //gateway.local:4001                           | 115200 | NONE
            emulator:demo                                                   | emulator | demo                                           | 115200 | NONE
            emulator:demo?baud=9600&flow=xonxoff                            | emulator | demo                                           | 9600   | XON_XOFF
            '  emulator:bench  '                                            | emulator | bench                                          | 115200 | NONE
            """)
    void shouldSplitSchemeTargetAndSettings(String text, String scheme, String target, int baud, FlowControl flow)
            throws SerialLinkException {
        LinkUri link = LinkUri.parse(text);

        assertThat(link.scheme()).isEqualTo(scheme);
        assertThat(link.target()).isEqualTo(target);
        assertThat(link.settings().baud()).isEqualTo(baud);
        assertThat(link.settings().flowControl()).isEqualTo(flow);
        assertThat(link.uri()).isEqualTo(URI.create(text.strip()));
    }

    @Test
    void shouldReadTheQueryOfAnOpaqueUriThatJavaNetUriIgnores() throws SerialLinkException {
        URI opaque = URI.create("emulator:demo?baud=9600");

        assertThat(opaque.getQuery()).isNull();
        assertThat(LinkUri.of(opaque).settings().baud()).isEqualTo(9600);
        assertThat(LinkUri.of(opaque).target()).isEqualTo("demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/dev/ttyUSB2", "ttyUSB2", "serial:", "serial:?baud=9600", "tcp://?baud=9600", "serial:/dev/tty USB0",
            "serial:/dev/ttyUSB0#port", "serial:/dev/ttyUSB0?baud=fast", "tcp://127.0.0.1:7000?speed=9600", ""})
    void shouldRejectAMalformedLinkUri(String text) {
        assertThatThrownBy(() -> LinkUri.parse(text))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URI));
    }

    @Test
    void shouldSuggestTheUriFormsWhenTheSchemeIsMissing() {
        assertThatThrownBy(() -> LinkUri.parse("/dev/ttyUSB2"))
                .hasMessageContaining("no scheme")
                .hasMessageContaining("serial:/dev/ttyUSB2");
    }
}
