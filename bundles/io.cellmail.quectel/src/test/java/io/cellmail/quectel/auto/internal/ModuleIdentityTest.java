/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ModuleIdentityTest {

    @Test
    void shouldTellTheGsmClientByItsNumericTestAnswer() {
        // the GSM manual V1.00, 2.2.12: Test Command AT+QSMTPCFG=? -> +QSMTPCFG: (1) OK
        assertThat(ModuleIdentity.familyOf(Optional.of(List.of("+QSMTPCFG: (1)")))).isEqualTo(ModuleFamily.GSM);
        assertThat(ModuleIdentity.familyOf(Optional.of(List.of("+QSMTPCFG:(1)")))).isEqualTo(ModuleFamily.GSM);
    }

    @Test
    void shouldTellTheLteClientByItsStringKeys() {
        // an EG25-G's test answer (firmware 01.002 and later)
        assertThat(ModuleIdentity.familyOf(Optional.of(List.of("+QSMTPCFG: \"contextid\",(1-16)",
                "+QSMTPCFG: \"sslctxid\",(0-5)", "+QSMTPCFG: \"ssltype\",(0-2)",
                "+QSMTPCFG: \"smtpserver\",\"<srvaddr>\",<srvport>",
                "+QSMTPCFG: \"account\",\"<username>\",\"<password>\"",
                "+QSMTPCFG: \"sender\",\"<sender_name>\",\"<sender_email>\"")))).isEqualTo(ModuleFamily.LTE);
        assertThat(ModuleIdentity.familyOf(Optional.of(List.of("+QSMTPCFG:\"contextid\",(1-16)"))))
                .isEqualTo(ModuleFamily.LTE);
    }

    @Test
    void shouldFindNoSmtpClientWhenTheTestFormIsRefused() {
        // a BG95-M3 answers ERROR
        assertThat(ModuleIdentity.familyOf(Optional.empty())).isEqualTo(ModuleFamily.NONE);
        assertThat(ModuleFamily.NONE.dialect()).isEmpty();
    }

    @Test
    void shouldNameTheDialectOfEachClient() {
        assertThat(ModuleFamily.GSM.dialect()).contains("quectel-gsm");
        assertThat(ModuleFamily.LTE.dialect()).contains("quectel-lte");
    }

    @Test
    void shouldNameTheModuleByItsModelElseByItsIdentityLine() {
        ModuleIdentity eg25 = new ModuleIdentity(List.of("Quectel", "EG25", "Revision: EG25GGBR07A08M2G"),
                Optional.of("EG25"), ModuleFamily.LTE);
        ModuleIdentity m95 = new ModuleIdentity(List.of("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08"),
                Optional.empty(), ModuleFamily.GSM);

        assertThat(eg25.name()).isEqualTo("EG25");
        assertThat(eg25.describe()).isEqualTo("EG25 (Quectel EG25 Revision: EG25GGBR07A08M2G)");
        assertThat(m95.name()).isEqualTo("Quectel_M95");
        assertThat(new ModuleIdentity(List.of(), Optional.empty(), ModuleFamily.GSM).describe())
                .isEqualTo("unknown module");
    }
}
