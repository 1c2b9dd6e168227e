/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Injected {@code +CMS ERROR}s and slow answers, and what the radio and the SIM refuse. */
class SmsFaultsTest extends SmsTestSupport {

    private static final String CMGS = "AT+CMGS=\"+491701234567\"";

    @Test
    void shouldFailTheNextSendsWithTheInjectedError() throws Exception {
        ok("AT+CMGF=1");
        modem.faults().apply("sms-error=331:2");

        assertThat(send(CMGS, "one")).containsExactly("+CMS ERROR: 331");
        assertThat(send(CMGS, "two")).containsExactly("+CMS ERROR: 331");
        assertThat(send(CMGS, "three")).containsExactly("+CMGS: 0", "OK");

        assertThat(delivered(1)).extracting(DeliveredSms::text).containsExactly("three");
    }

    @Test
    void shouldAnswerAnInjectedNetworkCauseVerbosely() {
        ok("AT+CMGF=1", "AT+CMEE=2");
        modem.faults().smsError(21, 1);
        assertThat(send(CMGS, "x")).containsExactly("+CMS ERROR: Short message transfer rejected");
    }

    @Test
    void shouldFailEachPartOnItsOwn() throws Exception {
        try (Module lte = new Module(EmulatorSettings.builder().personality(Personality.EG25G).build())) {
            ok("AT+CMGF=1");
            modem.faults().apply("sms-error=332");
            assertThat(send("AT+QCMGS=\"+491701234567\",1,1,2", "a")).containsExactly("+CMS ERROR: 332");
            assertThat(send("AT+QCMGS=\"+491701234567\",1,1,2", "a")).containsExactly("+QCMGS: 0", "OK");
            assertThat(send("AT+QCMGS=\"+491701234567\",1,2,2", "b")).containsExactly("+QCMGS: 1", "OK");
            assertThat(delivered(1).get(0).text()).isEqualTo("ab");
        }
    }

    @Test
    void shouldAnswerLateWithAnInjectedDelay() throws Exception {
        ok("AT+CMGF=1");
        modem.faults().apply("sms-delay=400ms");
        long start = System.nanoTime();
        assertThat(send(CMGS, "slow")).containsExactly("+CMGS: 0", "OK");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(delivered(1)).hasSize(1);
    }

    @Test
    void shouldRefuseWithoutNetworkService() throws Exception {
        try (Module unregistered = new Module(EmulatorSettings.builder().registration(2).build())) {
            ok("AT+CMGF=1");
            assertThat(send(CMGS, "x")).containsExactly("+CMS ERROR: 331");
            assertThat(modem.smsCentre().delivered()).isEmpty();
        }
    }

    @Test
    void shouldRefuseBeforeThePromptWhileTheSimWantsItsPin() throws Exception {
        try (Module locked = new Module(EmulatorSettings.builder().simPin("1234").build())) {
            ok("AT+CMGF=1");
            expect(CMGS, "+CMS ERROR: 311");
            ok("AT+CMGF=0");
            expect("AT+CMGS=20", "+CMS ERROR: 311");
        }
    }

    @Test
    void shouldWriteThePromptWithoutItsSpaceWhenSetSo() throws Exception {
        try (Module bare = new Module(EmulatorSettings.builder().smsPrompt(SmsPrompt.BARE).build())) {
            ok("AT+CMGF=1");
            int mark = host.rawLength();
            host.write(CMGS + "\r");
            host.awaitRaw(mark, "\r\n>");
            assertThat(host.rawText().substring(mark)).isEqualTo("\r\n>");
            host.write("bare\u001a");
            assertThat(host.untilFinal()).containsExactly(">", "+CMGS: 0", "OK");
            assertThat(delivered(1).get(0).text()).isEqualTo("bare");
        }
    }

    @Test
    void shouldWriteThePromptOnALineWhenSetSo() throws Exception {
        try (Module line = new Module(EmulatorSettings.builder().smsPrompt(SmsPrompt.LINE).build())) {
            ok("AT+CMGF=1");
            assertThat(send(CMGS, "line")).containsExactly("+CMGS: 0", "OK");
        }
    }

    @Test
    void shouldRefuseMalformedSmsFaults() {
        List.of("sms-error", "sms-error=0", "sms-error=1000", "sms-error=331:0", "sms-error=x", "sms-delay=soon")
                .forEach(spec -> assertThatThrownBy(() -> modem.faults().apply(spec)).as(spec)
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void shouldDisarmSmsFaultsOnClear() throws Exception {
        ok("AT+CMGF=1");
        modem.faults().apply("sms-error=500:3");
        modem.faults().clear();
        assertThat(send(CMGS, "x")).containsExactly("+CMGS: 0", "OK");
    }

    /** Replaces the test's module by one with other settings for the rest of the test. */
    private final class Module implements AutoCloseable {

        private final ModemEmulator previous = modem;
        private final HostConsole previousHost = host;

        Module(EmulatorSettings settings) {
            modem = new ModemEmulator(settings, relay);
            boolean locked = settings.simPin().isPresent();
            host = HostConsole.connect(modem);
            host.expectLines(settings.personality().bootUrcs(locked ? "SIM PIN" : "READY", !locked)
                    .toArray(String[]::new));
            assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");
            ok("AT+CMEE=1");
        }

        @Override
        public void close() throws InterruptedException {
            host.close();
            modem.close();
            host = previousHost;
            modem = previous;
        }
    }
}
