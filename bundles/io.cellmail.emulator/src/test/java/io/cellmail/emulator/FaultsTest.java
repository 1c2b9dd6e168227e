/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.emulator.internal.line.InMemoryHostSide;

/** Every fault of {@link Faults}, armed from text as the command line does, seen from the host. */
class FaultsTest extends ModemTestSupport {

    private static final Duration GUARD = Duration.ofMillis(60);

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().guardTime(GUARD).build();
    }

    @ParameterizedTest(name = "{0} -> URC \"{1}\", +QSMTPPUT:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            pdp-deact           | +PDP DEACT    | -8
            pdp-deact=0         | 0,+PDP DEACT  | -8
            network-loss        | +PDP DEACT    | -5
            dns-failure         |               | -4
            smtp-down           |               | -5
            auth-failure        |               | -535
            smtp-reply=-550     |               | -550
            smtp-reply=-421     |               | -421
            """)
    void shouldFailTheNextPutOnceWithoutSmtp(String fault, String urc, int result) {
        configureSendableMail();

        modem.faults().apply(fault);
        if (urc != null) {
            host.expectLines(urc);
        }

        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:" + result);
        assertThat(relay.mails).as("no SMTP transaction").isEmpty();
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(relay.mails).as("one-shot").hasSize(1);
    }

    @Test
    void shouldDelayTheSmtpTransactionWhileStillAnswering() {
        configureSendableMail();
        modem.faults().apply("smtp-delay=300ms");

        long start = System.nanoTime();
        expect("AT+QSMTPPUT", "OK");
        assertThat(host.command("AT")).as("answered during the delay").containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:0");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldNeverAnswerAMutedCommand() {
        modem.faults().apply("mute-on=AT+CSQ");

        host.write("AT+CSQ\r");

        assertThat(host.command("AT")).as("no +CSQ line came first").containsExactly("OK");
        expect("AT+CSQ", "+CSQ: 20,0 ~ OK");
        assertThat(modem.transcript().commands()).containsSubsequence("AT+CSQ", "AT", "AT+CSQ");
    }

    @Test
    void shouldAnswerADelayedCommandLateAndTheNextOneAfterIt() {
        modem.faults().apply("delay-on=AT+CSQ:300ms");
        long start = System.nanoTime();

        host.write("AT+CSQ\r");
        host.write("AT\r");

        host.expectLines("+CSQ: 20,0", "OK", "OK");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldReadNothingDuringACtsStallAndAnswerAfterIt() {
        modem.faults().apply("cts-stall=800ms");

        host.write("AT\r");

        String before = host.rawText();
        await().during(Duration.ofMillis(300)).atMost(HostConsole.WAIT).until(() -> host.rawText().equals(before));
        assertThat(host.nextLine()).as("answered once the stall ended").isEqualTo("OK");
        assertThat(modem.transcript().commands()).endsWith("AT");
    }

    @Test
    void shouldBlockAHostThatWritesMoreThanTheLineHoldsUntilTheStallEnds() throws Exception {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        modem.faults().apply("cts-stall=1s");
        byte[] beyondTheBuffers = new byte[InMemoryHostSide.CAPACITY * 2];
        java.util.Arrays.fill(beyondTheBuffers, (byte) 'x');
        Silence silence = new Silence();

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> host.write(beyondTheBuffers));

        await().during(Duration.ofMillis(300)).atMost(HostConsole.WAIT).until(() -> !writer.isDone());
        writer.get(HostConsole.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        silence.wrote();
        silence.keep(GUARD.multipliedBy(3));
        host.write("+++");
        assertThat(host.nextLine()).as("the whole payload arrived, beyond the body limit").isEqualTo("+QSMTPBODY:-13");
    }

    @Test
    void shouldPutAUrcBetweenTheInformationLineAndItsOk() {
        modem.faults().apply("urc-in-reply=AT+CSQ:+CREG: 1");

        expect("AT+CSQ", "+CSQ: 20,0 ~ +CREG: 1 ~ OK");
        expect("AT+CSQ", "+CSQ: 20,0 ~ OK");
    }

    @Test
    void shouldPutGarbageAndNulBytesOnTheLine() {
        modem.faults().apply("garbage");
        modem.faults().apply("garbage=noise\\r\\n");
        modem.faults().apply("nul=2");

        assertThat(host.command("AT")).containsExactly("\u00ff\u00fe#@!noise", "\u0000\u0000", "OK");
        assertThat(host.rawText()).endsWith("\u00ff\u00fe#@!noise\r\n\u0000\u0000\r\nOK\r\n");
    }

    @Test
    void shouldCutTheHostConnectionMidUploadAndStayInDataMode() throws InterruptedException {
        modem.faults().apply("close-mid-upload");
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");

        host.write("part");

        assertThat(host.awaitEndOfStream(HostConsole.WAIT)).isTrue();
        assertThat(host.host().session().awaitClosed(HostConsole.WAIT)).isTrue();
        host.close();
        host = HostConsole.connect(modem);
        Silence silence = new Silence();
        host.write("AT\r");
        silence.wrote();
        silence.keep(GUARD.multipliedBy(3));
        host.write("+++");
        assertThat(host.nextLine()).as("'AT\\r' was payload: still in data mode").isEqualTo("+QSMTPBODY:7");
        assertThat(host.command("AT")).containsExactly("OK");
    }

    @Test
    void shouldHoldUrcsDuringDataModeAndSendThemAfterTheResult() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        Silence silence = new Silence();

        modem.faults().apply("pdp-deact");
        host.write("data");
        silence.wrote();
        silence.keep(GUARD.multipliedBy(3));
        host.write("+++");

        host.expectLines("+QSMTPBODY:4", "+PDP DEACT");
    }

    @Test
    void shouldForgetArmedFaultsWhenCleared() {
        modem.faults().apply("mute-on=AT+CSQ");
        modem.faults().apply("dns-failure");

        modem.faults().clear();

        expect("AT+CSQ", "+CSQ: 20,0 ~ OK");
        configureSendableMail();
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
    }

    @Test
    void shouldRebootSilentlyKeepingEchoOffButForgettingTheSmtpSettings() {
        configureSendableMail();
        assertThat(host.command("AT+QSMTPSRV?")).containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPSRV: \"smtp.163.com\",25");

        modem.faults().apply("silent-reboot");

        assertThat(host.command("AT+QSMTPSRV?")).as("no boot URC, no echo").containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPSRV: \"\",25");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:-10");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldSendTheMailOnTimeButItsResultLateAndStayBusyMeanwhile() {
        configureSendableMail();
        modem.faults().apply("put-result-delay=400ms");

        expect("AT+QSMTPPUT", "OK");
        await().atMost(HostConsole.WAIT).until(() -> relay.mails.size() == 1);

        assertThat(host.command("AT+QSMTPSUB=0,\"busy\"")).as("still sending").containsExactly("ERROR");
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:0");
        assertThat(host.command("AT+QSMTPSUB=0,\"idle\"")).containsExactly("OK");
    }

    @Test
    void shouldRefuseTheNextMatchingCommandWithErrorWithoutRunningIt() {
        modem.faults().apply("error-on=AT+QSMTPSRV");

        assertThat(host.command("AT+QSMTPSRV=\"smtp.163.com\",25")).containsExactly("ERROR");
        assertThat(host.command("AT+QSMTPSRV?")).containsExactly("OK");
        assertThat(host.nextLine()).as("not executed").isEqualTo("+QSMTPSRV: \"\",25");
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
    }

    @Test
    void shouldSendAStaleResultBeforeTheOkOfTheNextPut() {
        configureSendableMail();
        modem.faults().apply("urc-in-reply=AT+QSMTPPUT:+QSMTPPUT:0");
        modem.faults().apply("smtp-reply=-550");

        expect("AT+QSMTPPUT", "+QSMTPPUT:0 ~ OK ~ +QSMTPPUT:-550");
    }

    @Test
    void shouldRejectTextOutsideTheGrammar() {
        assertThatThrownBy(() -> modem.faults().apply("explode")).isInstanceOf(IllegalArgumentException.class);
    }
}
