/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;

/**
 * {@code AT+QFUPL}: the module's checksum is compared with the bytes sent; a file whose checksum differs is deleted
 * and the upload fails with {@link MailErrorCode#UPLOAD_MISMATCH}. A scripted channel stands for the engine: the
 * emulator always computes the right checksum.
 */
class FileUploadTest {

    private static final byte[] CONTENT = {'A', 'B', 'C'};

    @Test
    void shouldTakeAnUploadWhoseSizeAndChecksumAreTheBytesSent() {
        ScriptedChannel channel = new ScriptedChannel("+QFUPL: 3,242");

        FileUpload.upload(writes(channel), "RAM:a.bin", CONTENT, 5);

        assertThat(channel.commands).containsExactly("AT+QFUPL=\"RAM:a.bin\",3,5");
        assertThat(channel.options.get(0).ending()).isEqualTo(UploadOptions.Ending.LENGTH);
        assertThat(channel.options.get(0).verifyLength()).isTrue();
    }

    @Test
    void shouldDeleteAFileWhoseChecksumDiffersAndFailWithUploadMismatch() {
        ScriptedChannel channel = new ScriptedChannel("+QFUPL: 3,243");

        assertThatThrownBy(() -> FileUpload.upload(writes(channel), "RAM:a.bin", CONTENT, 5))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.UPLOAD_MISMATCH);
                    assertThat(e.getMessage()).contains("243").contains("242");
                });
        assertThat(channel.commands).containsExactly("AT+QFUPL=\"RAM:a.bin\",3,5", "AT+QFDEL=\"RAM:a.bin\"");
    }

    private static SmtpWrites writes(AtChannel channel) {
        ModemSession session = new ModemSession(channel, OptionalLong.empty(), Deadline.after(Duration.ofSeconds(5)));
        return new SmtpWrites(session, new PutLedger(new AtomicLong(1)::get), 1);
    }

    /** Answers every upload with one result line and every command with OK, and records what it got. */
    private static final class ScriptedChannel extends CommandsOnlyChannel {

        private final String resultLine;
        private final List<String> commands = new ArrayList<>();
        private final List<UploadOptions> options = new ArrayList<>();

        ScriptedChannel(String resultLine) {
            this.resultLine = resultLine;
        }

        @Override
        public CompletionStage<AtResponse> send(AtCommand command) {
            commands.add(command.maskedText());
            return CompletableFuture.completedFuture(new AtResponse(command.maskedText(), "OK", List.of(), null));
        }

        @Override
        public CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions uploadOptions) {
            commands.add(command.maskedText());
            options.add(uploadOptions);
            return CompletableFuture.completedFuture(new UploadResult(payload.length,
                    new InfoLine(resultLine, uploadOptions.resultPrefix())));
        }
    }
}
