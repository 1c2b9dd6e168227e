/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cellmail.service.spi.MailerSettings.EscapeMode;

class EscapeKnowledgeTest {

    @Test
    void shouldProbeOncePerEpochWhenLeftToTheDriver() {
        EscapeKnowledge auto = new EscapeKnowledge(EscapeMode.AUTO);

        assertThat(auto.needsProbe(1)).isTrue();
        assertThat(auto.knownLenient()).as("not known yet").isFalse();
        auto.probed(1, true);

        assertThat(auto.needsProbe(1)).isFalse();
        assertThat(auto.knownLenient()).isTrue();
        assertThat(auto.needsProbe(2)).as("a new epoch may be another module").isTrue();
        assertThat(auto.knownLenient()).as("refused meanwhile: the safe side").isTrue();
        auto.probed(2, false);
        assertThat(auto.knownLenient()).isFalse();
    }

    @Test
    void shouldTrustTheConfigurationWithoutProbing() {
        assertThat(new EscapeKnowledge(EscapeMode.LENIENT).knownLenient()).isTrue();
        assertThat(new EscapeKnowledge(EscapeMode.LENIENT).needsProbe(1)).isFalse();
        assertThat(new EscapeKnowledge(EscapeMode.GUARDED).knownLenient()).isFalse();
        assertThat(new EscapeKnowledge(EscapeMode.GUARDED).needsProbe(1)).isFalse();
    }
}
