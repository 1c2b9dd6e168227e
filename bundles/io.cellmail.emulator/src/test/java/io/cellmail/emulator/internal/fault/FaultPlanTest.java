/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Armed faults are one-shot and matched by command prefix. */
class FaultPlanTest {

    private final List<String> actions = new ArrayList<>();
    private final FaultPlan plan = new FaultPlan(new FaultPlan.Actions() {
        @Override
        public void reboot() {
            actions.add("reboot");
        }

        @Override
        public void silentReboot() {
            actions.add("silent reboot");
        }

        @Override
        public void unsolicited(String line) {
            actions.add(line);
        }

        @Override
        public void noise(byte[] bytes) {
            actions.add("noise " + bytes.length);
        }

        @Override
        public void stallInput(Duration duration) {
            actions.add("stall " + duration);
        }
    });

    @Test
    void shouldMatchAPrefixIgnoringCaseSpacesAndLeadingJunkOnce() {
        plan.muteOn("at+csq");

        assertThat(plan.takeFor("AT+CREG?").mute()).isFalse();
        assertThat(plan.takeFor("+++a t + c s q").mute()).isTrue();
        assertThat(plan.takeFor("AT+CSQ").mute()).as("one-shot").isFalse();
    }

    @Test
    void shouldCombineDifferentFaultsOnTheSameLine() {
        plan.delayOn("AT+CSQ", Duration.ofSeconds(2));
        plan.urcInReply("AT+CSQ", "+CREG: 1");
        plan.delayOn("AT+CSQ", Duration.ofSeconds(3));

        LineFaults first = plan.takeFor("AT+CSQ");
        LineFaults second = plan.takeFor("AT+CSQ");

        assertThat(first.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(first.urcsInReply()).containsExactly("+CREG: 1");
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(second.urcsInReply()).isEmpty();
    }

    @Test
    void shouldForceMailResultsInTheOrderArmedAndTheDelayOnce() {
        plan.dnsFailure();
        plan.authFailure();
        plan.smtpDelay(Duration.ofMillis(5));
        plan.putResultDelay(Duration.ofMillis(7));

        MailFault first = plan.takeMailFault();
        MailFault second = plan.takeMailFault();
        MailFault third = plan.takeMailFault();

        assertThat(first).isEqualTo(new MailFault(Duration.ofMillis(5), OptionalInt.of(-4), Duration.ofMillis(7)));
        assertThat(second).isEqualTo(new MailFault(Duration.ZERO, OptionalInt.of(-535), Duration.ZERO));
        assertThat(third).isEqualTo(MailFault.NONE);
    }

    @Test
    void shouldActAtOnceForImmediateFaults() {
        plan.pdpDeactivated(true);
        plan.networkLoss();
        plan.nul();
        plan.reboot();
        plan.silentReboot();

        assertThat(actions).containsExactly("0,+PDP DEACT", "+PDP DEACT", "noise 1", "reboot", "silent reboot");
        assertThat(plan.takeMailFault().forcedResult()).hasValue(-8);
        assertThat(plan.takeMailFault().forcedResult()).hasValue(-5);
    }

    @Test
    void shouldRefuseOnlyTheNextMatchingLine() {
        plan.errorOn("AT+QSMTPSUB");

        assertThat(plan.takeFor("AT+QSMTPSRV=\"a\",25").refuse()).isFalse();
        assertThat(plan.takeFor("AT+QSMTPSUB=0,\"x\"").refuse()).isTrue();
        assertThat(plan.takeFor("AT+QSMTPSUB=0,\"x\"").refuse()).as("one-shot").isFalse();
    }

    @Test
    void shouldStallTheInputAtOnceAndRefuseAStallOfNoTime() {
        plan.ctsStall(Duration.ofSeconds(2));

        assertThat(actions).containsExactly("stall PT2S");
        assertThat(plan.takeFor("AT").mute()).as("a stall is not a line fault").isFalse();
        assertThatThrownBy(() -> plan.ctsStall(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.ctsStall(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCutOnlyOneUpload() {
        plan.closeMidUpload();

        assertThat(plan.takeCloseMidUpload()).isTrue();
        assertThat(plan.takeCloseMidUpload()).isFalse();
    }
}
