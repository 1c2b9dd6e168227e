/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;

class StreamSerialLinkTest {

    private final QueueInputStream modemBytes = new QueueInputStream();
    private final ByteArrayOutputStream hostBytes = new ByteArrayOutputStream();
    private final AtomicInteger releases = new AtomicInteger();
    private final StreamSerialLink link = new StreamSerialLink(URI.create("test:modem"), PortSettings.DEFAULT,
            modemBytes, hostBytes, () -> {
                releases.incrementAndGet();
                modemBytes.close();
            });

    @AfterEach
    void closeLink() {
        link.close();
    }

    @Test
    void shouldPassBytesBothWays() throws IOException {
        modemBytes.feed("OK".getBytes(StandardCharsets.US_ASCII));
        link.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));

        byte[] buffer = new byte[2];
        assertThat(link.input().read()).isEqualTo('O');
        assertThat(link.input().read(buffer, 0, 1)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 'K');
        assertThat(hostBytes.toString(StandardCharsets.US_ASCII)).isEqualTo("AT\r");
        assertThat(link.isOpen()).isTrue();
        assertThat(link.lost().toCompletableFuture()).isNotDone();
    }

    @Test
    void shouldCompleteLostWhenTheInputEnds() throws Exception {
        modemBytes.feedEndOfStream();

        assertThat(link.input().read()).isEqualTo(-1);

        assertThat(lostNow().reason()).isEqualTo("end of stream");
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void shouldCompleteLostAndRethrowWhenAReadFails() throws Exception {
        IOException unplugged = new IOException("Input/output error");
        modemBytes.feedFailure(unplugged);

        assertThatThrownBy(() -> link.input().read(new byte[8], 0, 8)).isSameAs(unplugged);

        LinkLost lost = lostNow();
        assertThat(lost.cause()).isSameAs(unplugged);
        assertThat(lost.reason()).contains("Input/output error");
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void shouldNotTreatAReadTimeoutAsALoss() {
        modemBytes.feedFailure(new SocketTimeoutException("Read timed out"));

        assertThatThrownBy(() -> link.input().read()).isInstanceOf(SocketTimeoutException.class);

        assertThat(link.lost().toCompletableFuture()).isNotDone();
        assertThat(link.isOpen()).isTrue();
    }

    @Test
    void shouldUnblockABlockedReaderWithEndOfStreamWithoutCompletingLostWhenTheCallerCloses() throws Exception {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> result.complete(readOneByte()), "blocked-reader");
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.WAITING);

        link.close();

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(link.lost().toCompletableFuture()).isNotDone();
        assertThat(link.isOpen()).isFalse();
        assertThat(link.input().read()).isEqualTo(-1);
    }

    @Test
    void shouldReleaseOnceWhenClosedRepeatedly() throws IOException {
        link.close();
        link.close();
        link.input().close();
        link.output().close();

        assertThat(releases).hasValue(1);
        assertThat(modemBytes.isClosed()).isTrue();
    }

    @Test
    void shouldRefuseWritesAfterClose() {
        link.close();

        assertThatThrownBy(() -> link.output().write('A')).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> link.output().flush()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldIgnoreAReportedLossAfterTheCallerClosed() {
        link.close();

        assertThat(link.reportLost("device disconnected", null)).isFalse();
        assertThat(link.lost().toCompletableFuture()).isNotDone();
    }

    @Test
    void shouldKeepTheFirstReportedLoss() throws Exception {
        assertThat(link.reportLost("device disconnected", null)).isTrue();
        assertThat(link.reportLost("second", null)).isFalse();

        assertThat(lostNow().reason()).isEqualTo("device disconnected");
    }

    @Test
    void shouldNotLetACallerCompleteTheLossSignal() {
        link.lost().toCompletableFuture().complete(new LinkLost("forged", null));

        assertThat(link.lost().toCompletableFuture()).isNotDone();
        assertThat(link.isOpen()).isTrue();
    }

    @Test
    void shouldStillCloseWhenTheReleaseActionFails() {
        StreamSerialLink failing = new StreamSerialLink(URI.create("test:x"), PortSettings.DEFAULT, modemBytes,
                hostBytes, () -> {
                    throw new IOException("already gone");
                });

        failing.close();

        assertThat(failing.isOpen()).isFalse();
        assertThat(failing.lost().toCompletableFuture()).isNotDone();
    }

    private LinkLost lostNow() throws InterruptedException, ExecutionException, TimeoutException {
        return link.lost().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private int readOneByte() {
        try {
            return link.input().read();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
