/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedCommandTest {

    @ParameterizedTest(name = "{0} collects {1}")
    @CsvSource({"AT+CSQ, +CSQ:", "AT+CREG?, +CREG:", "at+cpin?, +CPIN:", "AT+QSMTPSRV=?, +QSMTPSRV:",
        "AT+QSMTPDST?, +QSMTPDST:"})
    void shouldCollectTheInfoLinesOfItsOwnPrefix(String line, String prefix) {
        AtCommand command = TypedCommand.of(line).command();

        assertThat(command.infoPrefixes()).containsExactly(prefix);
        assertThat(command.acceptsAnyInfo()).isTrue();
        assertThat(command.deferredPrefix()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ATI", "AT", "ATE0", "AT&W"})
    void shouldCollectUnprefixedLinesOfBasicCommands(String line) {
        AtCommand command = TypedCommand.of(line).command();

        assertThat(command.acceptsAnyInfo()).isTrue();
        assertThat(command.infoPrefixes()).isEmpty();
    }

    @Test
    void shouldWaitForAnInfoLineAfterOkOfAReadCommand() {
        assertThat(TypedCommand.of("AT+QSMTPSRV?").command().infoLinger()).contains(TypedCommand.LATE_INFO);
        assertThat(TypedCommand.of("AT+QSMTPSRV=\"h\",25").command().infoLinger()).isEmpty();
    }

    @ParameterizedTest(name = "{0} waits {2}s for {1}")
    @CsvSource(delimiter = '|', value = {
        "AT+QSMTPPUT=300           | +QSMTPPUT:  | 330",
        "AT+QSMTPPUT               | +QSMTPPUT:  | 330",
        "AT+QSMTPPUT=100           | +QSMTPPUT:  | 130",
        "AT+QSMTPDST=1,1,\"a@b.c\" | +QSMTPDST:  | 30",
        "AT+QSMTPDATT              | +QSMTPDATT: | 30",
        "AT+QSMTPDATT=1            | +QSMTPDATT: | 30",
    })
    void shouldAwaitTheDeferredResultOfTheSmtpCommandsThatAnswerTwice(String line, String prefix, long seconds) {
        AtCommand command = TypedCommand.of(line).command();

        assertThat(command.deferredPrefix()).contains(prefix);
        assertThat(command.deferredTimeout()).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+QSMTPPUT=?", "AT+QSMTPDST?", "AT+QSMTPDST=?", "AT+QSMTPDATT=?"})
    void shouldNotAwaitADeferredResultForTestAndReadForms(String line) {
        assertThat(TypedCommand.of(line).command().deferredPrefix()).isEmpty();
    }

    @ParameterizedTest(name = "{0} uploads, result {1}")
    @CsvSource(delimiter = '|', value = {"AT+QSMTPBODY=1,100 | +QSMTPBODY:", "AT+QSMTPATT=\"log.txt\" | +QSMTPATT:"})
    void shouldUploadThePayloadOfBodyAndAttachmentCommands(String line, String resultPrefix) {
        TypedCommand typed = TypedCommand.of(line);

        assertThat(typed.isUpload()).isTrue();
        assertThat(typed.upload()).map(UploadOptions::resultPrefix).contains(resultPrefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+QSMTPBODY=?", "AT+QSMTPATT?", "AT+QSMTPATT=?"})
    void shouldNotUploadForTestAndReadForms(String line) {
        assertThat(TypedCommand.of(line).isUpload()).isFalse();
    }

    @Test
    void shouldMaskPasswordsInWhatTheEngineShowsButSendThemAsTyped() {
        AtCommand command = TypedCommand.of("AT+QICSGP=1,\"apn\",\"user\",\"pw\"").command();

        assertThat(command.maskedText()).isEqualTo("AT+QICSGP=1,\"apn\",\"user\",\"****\"");
        assertThat(command.text()).isEqualTo("AT+QICSGP=1,\"apn\",\"user\",\"pw\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "+++", "A/"})
    void shouldRefuseWhatIsNotAnAtCommand(String line) {
        assertThatThrownBy(() -> TypedCommand.of(line)).isInstanceOf(IllegalArgumentException.class);
    }
}
