/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;

/**
 * A real disk that fills up for a moment: the outbox on a 64 KiB tmpfs, filled to the last page while a mail
 * waits, so that its state appends end half-written with ENOSPC; then room again, more appends, a restart. The mail
 * must be delivered. Mounting needs root; where it is not allowed the test is skipped, saying so.
 */
class OutboxDiskFullTest {

    private static final int PAGE = 4096;

    @TempDir
    Path work;

    private Path mount;
    private ServiceHarness harness;

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        mount = Files.createDirectories(work.resolve("small-disk"));
        String output = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString());
        assumeTrue(output == null, () -> "Skipped: a 64 KiB tmpfs cannot be mounted here (needs root): " + output);
    }

    @AfterEach
    void unmount() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void shouldDeliverAMailWhoseStateAppendsHitAFullDiskAfterARestart() throws Exception {
        harness = new ServiceHarness(mount.resolve("outbox"), s -> s);
        harness.mailer.failFirst("almost a page", MailErrorCode.NETWORK_ERROR, MailErrorCode.NETWORK_ERROR);
        String id = harness.send(mailFillingAPageButTenBytes());
        Path filler = mount.resolve("filler");
        fillUp(filler);

        harness.start();
        Instant retry = harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT).nextAttemptAt()
                .orElseThrow();
        assertThat(Files.size(harness.fileOf(id)) % PAGE).as("no append fitted").isEqualTo(PAGE - 10);

        Files.delete(filler);
        harness.time.advanceTo(retry);
        harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT && s.attempts() == 2);
        harness.restart(s -> s);

        assertThat(harness.service.setAsideRecords()).isEmpty();
        assertThat(harness.status(id).attempts()).isEqualTo(2);
        harness.time.advanceTo(harness.status(id).nextAttemptAt().orElseThrow());
        harness.start();
        harness.awaitAttempts(1);
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
    }

    @Test
    void shouldRefuseAMailItCannotStoreWithATypedCodeAndLeaveNothingBehind() throws Exception {
        harness = new ServiceHarness(mount.resolve("outbox"), s -> s);
        fillUp(mount.resolve("filler"));
        MailMessage message = MailMessage.builder().to("ops@example.com").subject("disk full").body("x".repeat(5000))
                .build();

        assertThatThrownBy(() -> harness.service.send(message)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.OUTBOX_WRITE_FAILED);
            assertThat(e.code().isTransient()).as("the caller may send it again once there is room").isTrue();
        });
        assertThat(harness.service.status(message.id())).isEmpty();
        assertThat(harness.service.queue()).isEmpty();
        try (var files = Files.list(mount.resolve("outbox"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** @return a mail whose outbox file ends ten bytes before a page boundary: its first append needs a new page */
    private static MailMessage mailFillingAPageButTenBytes() {
        RecordCodec codec = new RecordCodec();
        for (int body = 3000; body < 2 * PAGE; body++) {
            MailMessage message = MailMessage.builder().to("ops@example.com").subject("almost a page")
                    .body("x".repeat(body)).build();
            int size = codec.encodeFile(new StoredMessage(new MailHeader(message.id(), 0, message.priority(),
                    ServiceHarness.T0, ServiceTime.ZERO), message)).length;
            if (size == PAGE - 10) {
                return message;
            }
        }
        throw new AssertionError("no body length gives a file of " + (PAGE - 10) + " bytes");
    }

    private static void fillUp(Path filler) throws IOException {
        byte[] page = new byte[PAGE];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 64; i++) {
                out.write(page);
                out.flush();
            }
            throw new AssertionError("64 KiB were not enough to fill the file system");
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }

    /** @return null when the command succeeded, else what it printed */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? null : String.join(" ", List.of(command)) + ": " + output;
    }
}
