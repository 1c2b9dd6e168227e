/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.Registration;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSession.Reply;

class RadioCheckTest {

    private static Reply ok(String prefix, String line) {
        return new Reply(new AtResponse("AT", "OK", List.of(new InfoLine(line, prefix)), null), null);
    }

    private static Reply error(Integer code) {
        return new Reply(null, new AtException(code == null ? AtException.Kind.ERROR : AtException.Kind.CME_ERROR,
                code, "AT+CPIN?: error", null));
    }

    @Test
    void shouldReadTheSimState() {
        assertThat(RadioCheck.sim(ok("+CPIN:", "+CPIN: READY"))).isEqualTo("READY");
        assertThat(RadioCheck.sim(ok("+CPIN:", "+CPIN: SIM PIN"))).isEqualTo("SIM PIN");
        assertThat(RadioCheck.sim(error(10))).isEqualTo("NOT INSERTED");
        assertThat(RadioCheck.sim(error(13))).isEqualTo("SIM FAILURE");
        assertThat(RadioCheck.sim(error(100))).isEqualTo("ERROR 100");
        assertThat(RadioCheck.sim(error(null))).isEqualTo("ERROR");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+CREG: 0,1 | HOME", "+CREG: 0,5 | ROAMING", "+CREG: 2,2 | SEARCHING", "+CREG: 0,3 | DENIED",
        "+CREG: 0,0 | NOT_REGISTERED", "+CREG: 0,4 | UNKNOWN", "+CREG:1 | HOME", "+CREG: x,y | UNKNOWN",
        "+CREG: 2,1,\"1A2B\",\"0C3D\" | HOME"})
    void shouldReadTheRegistration(String line, Registration expected) {
        assertThat(RadioCheck.registration(ok("+CREG:", line))).isEqualTo(expected);
    }

    @Test
    void shouldReadAttachmentAndSignalLeniently() {
        assertThat(RadioCheck.attached(ok("+CGATT:", "+CGATT: 1"))).isTrue();
        assertThat(RadioCheck.attached(ok("+CGATT:", "+CGATT: 0"))).isFalse();
        assertThat(RadioCheck.attached(error(null))).isFalse();
        assertThat(RadioCheck.signal(ok("+CSQ:", "+CSQ: 20,0"))).hasValue(20);
        assertThat(RadioCheck.signal(ok("+CSQ:", "+CSQ: 99,99"))).isEmpty();
        assertThat(RadioCheck.signal(ok("+CSQ:", "+CSQ:"))).isEmpty();
        assertThat(RadioCheck.registration(error(null))).isEqualTo(Registration.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NOT INSERTED, NO_SIM,           NO_SIM,           false",
        "SIM PIN,      SIM_PIN_REQUIRED, SIM_PIN_REQUIRED, false",
        "SIM PIN,      SIM_PIN_REJECTED, SIM_PIN_REJECTED, false",
        "SIM PUK,      SIM_BLOCKED,      SIM_BLOCKED,      false",
        "READY,        SEARCHING,      NOT_REGISTERED, true",
        "READY,        DENIED,         NOT_REGISTERED, true",
        "READY,        HOME,           NOT_REGISTERED, false",
    })
    void shouldRefuseToSendWithoutSimNetworkOrGprs(String sim, Registration registration, MailErrorCode expected,
            boolean attached) {
        RadioStatus status = new RadioStatus(sim, registration, attached, OptionalInt.of(10));

        assertThat(status.canSend()).isFalse();
        assertThatThrownBy(() -> RadioCheck.requireSendable(status)).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Test
    void shouldSendWhenRegisteredAtHomeOrRoamingAndAttached() {
        RadioCheck.requireSendable(new RadioStatus("READY", Registration.ROAMING, true, OptionalInt.empty()));
        assertThat(new RadioStatus("READY", Registration.HOME, true, OptionalInt.empty()).canSend()).isTrue();
    }
}
