/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LTE PDP context: {@code AT+QICSGP}, {@code AT+QIACT}, {@code AT+QIDEACT}, each form and each rejection. */
class LteContextCommandsTest extends LteTestSupport {

    @Test
    void shouldDefineAndQueryAContext() {
        ok("AT+QICSGP=1,1,\"gprswap\",\"mts\",\"064\",1");
        expect("AT+QICSGP=1", "+QICSGP: 1,\"gprswap\",\"mts\",\"064\",1 ~ OK");
        ok("AT+QICSGP=2,3,\"internet\"");
        expect("AT+QICSGP=2", "+QICSGP: 3,\"internet\",\"\",\"\",0 ~ OK");
        expect("AT+QICSGP=16", "+QICSGP: 1,\"\",\"\",\"\",0 ~ OK");
        expect("AT+QICSGP=?", "+QICSGP: (1-16),(1-3),<APN>,<username>,<password>,(0-3) ~ OK");
    }

    @Test
    void shouldNeverShowTheContextPasswordInTheTranscript() {
        ok("AT+QICSGP=1,1,\"apn\",\"user\",\"s3cret\",1");
        expect("AT+QICSGP=1", "+QICSGP: 1,\"apn\",\"user\",\"s3cret\",1 ~ OK");
        assertThat(modem.transcript().lines()).isNotEmpty()
                .noneSatisfy(line -> assertThat(line.text()).contains("s3cret"));
    }

    @ParameterizedTest(name = "{0} -> ERROR")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QICSGP?
            AT+QICSGP=0,1,"apn"
            AT+QICSGP=17,1,"apn"
            AT+QICSGP=1,0,"apn"
            AT+QICSGP=1,4,"apn"
            AT+QICSGP=1,1
            AT+QICSGP=1,1,apn
            AT+QICSGP=1,1,"apn","user"
            AT+QICSGP=1,1,"apn","user","pwd",4
            AT+QICSGP=1,1,"apn","user","pwd",1,0
            AT+QICSGP="1",1,"apn"
            AT+QIACT=0
            AT+QIACT=17
            AT+QIACT
            AT+QIDEACT=0
            AT+QIDEACT
            AT+QIDEACT?
            """)
    void shouldRejectWhatTheModuleRejects(String command) {
        expect(command, "ERROR");
    }

    @Test
    void shouldActivateListAndDeactivate() {
        ok("AT+QICSGP=1,1,\"internet\",\"\",\"\",0", "AT+QICSGP=2,2,\"ims\"");
        expect("AT+QIACT?", "OK");
        ok("AT+QIACT=1", "AT+QIACT=2");
        expect("AT+QIACT?", "+QIACT: 1,1,1,\"10.64.0.2\" ~ +QIACT: 2,1,2,\"fd00:0:0:1::2\" ~ OK");
        ok("AT+QIDEACT=1");
        expect("AT+QIACT?", "+QIACT: 2,1,2,\"fd00:0:0:1::2\" ~ OK");
        ok("AT+QIDEACT=1");
        expect("AT+QIACT=?", "+QIACT: (1-16) ~ OK");
        expect("AT+QIDEACT=?", "+QIDEACT: (1-16) ~ OK");
    }

    @Test
    void shouldRefuseToActivateAnActiveContext() {
        ok("AT+QIACT=1");
        expect("AT+QIACT=1", "ERROR");
    }

    @Test
    void shouldRefuseToActivateWhenDetached() {
        ok("AT+CGATT=0");
        expect("AT+QIACT=1", "ERROR");
        ok("AT+CGATT=1", "AT+QIACT=1");
    }

    @Test
    void shouldForgetContextsOnReboot() {
        ok("AT+QICSGP=1,1,\"internet\"", "AT+QIACT=1");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE");
        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");
        expect("AT+QIACT?", "OK");
        expect("AT+QICSGP=1", "+QICSGP: 1,\"\",\"\",\"\",0 ~ OK");
    }
}
