/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.quectel.internal.ModemSideState.Item.ATTACHMENTS;
import static io.cellmail.quectel.internal.ModemSideState.Item.PASSWORD;
import static io.cellmail.quectel.internal.ModemSideState.Item.RECIPIENTS;
import static io.cellmail.quectel.internal.ModemSideState.Item.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModemSideStateTest {

    @Test
    void shouldKnowNothingAtTheStartOfAnEpoch() {
        ModemSideState state = ModemSideState.unknown(3);

        assertThat(state.epoch()).isEqualTo(3);
        assertThat(state.get(SERVER)).isEmpty();
        assertThat(state.holds(SERVER, "x")).isFalse();
        assertThat(state.holdsNothing(RECIPIENTS)).as("unknown is not empty").isFalse();
    }

    @Test
    void shouldRememberWhatWasSetAndForgetItOnDemand() {
        ModemSideState state = ModemSideState.unknown(1).with(SERVER, "srv").with(RECIPIENTS, "").with(ATTACHMENTS, "a");

        assertThat(state.holds(SERVER, "srv")).isTrue();
        assertThat(state.holds(SERVER, "other")).isFalse();
        assertThat(state.holdsNothing(RECIPIENTS)).isTrue();
        assertThat(state.without(ATTACHMENTS).get(ATTACHMENTS)).isEmpty();
        assertThat(state.forgotten()).isEqualTo(ModemSideState.unknown(1));
        assertThat(state.get(ATTACHMENTS)).as("immutable").hasValue("a");
    }

    @Test
    void shouldNameOnlyTheItemsItKnowsInToString() {
        String fingerprint = Fingerprint.of("AT+QSMTPPWD=\"secret\"");
        String text = ModemSideState.unknown(2).with(PASSWORD, fingerprint).with(SERVER, "srv").toString();

        assertThat(text).isEqualTo("ModemSideState[epoch 2, knows [SERVER, PASSWORD]]").doesNotContain(fingerprint);
    }
}
