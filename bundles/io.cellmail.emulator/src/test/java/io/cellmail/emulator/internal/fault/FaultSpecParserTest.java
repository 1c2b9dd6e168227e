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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.emulator.Faults;
import io.cellmail.emulator.internal.transcript.Escapes;

/** The text grammar of faults, checked against a recording {@link Faults}. */
class FaultSpecParserTest {

    private final List<String> calls = new ArrayList<>();
    private final Faults recorder = new Faults() {
        @Override
        public void apply(String spec) {
            FaultSpecParser.apply(this, spec);
        }

        @Override
        public void reboot() {
            calls.add("reboot");
        }

        @Override
        public void silentReboot() {
            calls.add("silentReboot");
        }

        @Override
        public void rebootOn(String prefix) {
            calls.add("rebootOn " + prefix);
        }

        @Override
        public void rebootAfter(String prefix) {
            calls.add("rebootAfter " + prefix);
        }

        @Override
        public void pdpDeactivated(boolean withContextId) {
            calls.add("pdpDeactivated " + withContextId);
        }

        @Override
        public void networkLoss() {
            calls.add("networkLoss");
        }

        @Override
        public void dnsFailure() {
            calls.add("dnsFailure");
        }

        @Override
        public void smtpDown() {
            calls.add("smtpDown");
        }

        @Override
        public void smtpDelay(Duration delay) {
            calls.add("smtpDelay " + delay);
        }

        @Override
        public void smtpReply(int code) {
            calls.add("smtpReply " + code);
        }

        @Override
        public void putResultDelay(Duration delay) {
            calls.add("putResultDelay " + delay);
        }

        @Override
        public void authFailure() {
            calls.add("authFailure");
        }

        @Override
        public void muteOn(String prefix) {
            calls.add("muteOn " + prefix);
        }

        @Override
        public void errorOn(String prefix) {
            calls.add("errorOn " + prefix);
        }

        @Override
        public void ctsStall(Duration duration) {
            calls.add("ctsStall " + duration);
        }

        @Override
        public void delayOn(String prefix, Duration delay) {
            calls.add("delayOn " + prefix + " " + delay);
        }

        @Override
        public void urcInReply(String prefix, String urc) {
            calls.add("urcInReply " + prefix + " " + urc);
        }

        @Override
        public void garbage(byte[] bytes) {
            calls.add("garbage " + Escapes.escape(bytes));
        }

        @Override
        public void nul() {
            calls.add("nul");
        }

        @Override
        public void smsError(int cmsCode, int sends) {
            calls.add("smsError " + cmsCode + " " + sends);
        }

        @Override
        public void smsDelay(Duration delay) {
            calls.add("smsDelay " + delay);
        }

        @Override
        public void closeMidUpload() {
            calls.add("closeMidUpload");
        }

        @Override
        public void clear() {
            calls.add("clear");
        }
    };

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reboot                          | reboot
            REBOOT                          | reboot
            silent-reboot                   | silentReboot
            reboot-on=AT+QSMTPPUT           | rebootOn AT+QSMTPPUT
            reboot-after=AT+QSMTPPUT        | rebootAfter AT+QSMTPPUT
            pdp-deact                       | pdpDeactivated false
            pdp-deact=0                     | pdpDeactivated true
            network-loss                    | networkLoss
            dns-failure                     | dnsFailure
            smtp-down                       | smtpDown
            smtp-delay=5s                   | smtpDelay PT5S
            smtp-delay=250ms                | smtpDelay PT0.25S
            smtp-delay=2m                   | smtpDelay PT2M
            smtp-delay=PT1.5S               | smtpDelay PT1.5S
            smtp-reply=-550                 | smtpReply -550
            put-result-delay=3s             | putResultDelay PT3S
            auth-failure                    | authFailure
            mute-on=AT+CSQ                  | muteOn AT+CSQ
            error-on=AT+QSMTPSUB            | errorOn AT+QSMTPSUB
            delay-on=AT+CSQ:2s              | delayOn AT+CSQ PT2S
            urc-in-reply=AT+CSQ:+CREG: 1    | urcInReply AT+CSQ +CREG: 1
            garbage                         | garbage \\xff\\xfe#@!
            garbage=ab\\r\\n\\x00           | garbage ab\\r\\n\\x00
            nul                             | nul
            close-mid-upload                | closeMidUpload
            sms-error=331                   | smsError 331 1
            SMS-Error = 332:3               | smsError 332 3
            sms-delay=2s                    | smsDelay PT2S
            """)
    void shouldArmTheNamedFault(String spec, String call) {
        recorder.apply(spec);

        assertThat(calls).containsExactly(call);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul=3"})
    void shouldRepeatNul(String spec) {
        recorder.apply(spec);
        assertThat(calls).containsExactly("nul", "nul", "nul");
    }

    @ParameterizedTest
    @ValueSource(strings = {"explode", "reboot=now", "reboot-on", "reboot-on=", "pdp-deact=1", "smtp-delay=soon",
        "smtp-reply=x", "delay-on=AT+CSQ", "delay-on=AT+CSQ:", "urc-in-reply=:+CREG: 1", "garbage=\\q",
        "garbage=\\x4", "nul=0", "dns-failure=1", "silent-reboot=1", "put-result-delay", "error-on=", ""})
    void shouldRejectTextOutsideTheGrammar(String spec) {
        assertThatThrownBy(() -> recorder.apply(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp-reply=0", "smtp-reply=550"})
    void shouldRejectANonNegativeSmtpReplyInThePlan(String spec) {
        FaultPlan plan = new FaultPlan(new FaultPlan.Actions() {
            @Override
            public void reboot() {
            }

            @Override
            public void silentReboot() {
            }

            @Override
            public void unsolicited(String line) {
            }

            @Override
            public void noise(byte[] bytes) {
            }

            @Override
            public void stallInput(Duration duration) {
            }
        });
        assertThatThrownBy(() -> plan.apply(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cts-stall=3s                    | ctsStall PT3S
            CTS-STALL=750ms                 | ctsStall PT0.75S
            """)
    void shouldArmACtsStallForItsDuration(String spec, String call) {
        recorder.apply(spec);

        assertThat(calls).containsExactly(call);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cts-stall", "cts-stall=", "cts-stall=soon"})
    void shouldRejectACtsStallWithoutADuration(String spec) {
        assertThatThrownBy(() -> recorder.apply(spec)).isInstanceOf(IllegalArgumentException.class);
    }
}
