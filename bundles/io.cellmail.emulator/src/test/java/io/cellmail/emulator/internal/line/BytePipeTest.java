/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bounded in-memory channel between host and modem. */
class BytePipeTest {

    private final BytePipe pipe = new BytePipe(8);

    @Test
    void shouldDeliverOneWriteAsOneChunk() throws IOException {
        pipe.sink().write("abc+++de".getBytes(StandardCharsets.US_ASCII));

        byte[] buffer = new byte[64];
        assertThat(pipe.source().read(buffer)).isEqualTo(8);
    }

    @Test
    void shouldEndTheStreamOnlyAfterItIsDrained() throws IOException {
        pipe.sink().write('x');
        pipe.sink().close();

        assertThat(pipe.source().read()).isEqualTo('x');
        assertThat(pipe.source().read()).isEqualTo(-1);
    }

    @Test
    void shouldFailWritesOnceTheReaderClosed() throws IOException {
        pipe.source().close();

        assertThatThrownBy(() -> pipe.sink().write('x')).isInstanceOf(IOException.class);
    }

    @Test
    void shouldBlockAWriterWhileFullAndWakeItWhenRead() throws Exception {
        pipe.sink().write(new byte[8]);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                pipe.sink().write(new byte[] {1, 2});
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(pipe.source().read(new byte[4])).isEqualTo(4);

        writer.get(5, TimeUnit.SECONDS);
        assertThat(pipe.source().available()).isEqualTo(6);
    }

    @Test
    void shouldWakeABlockedReaderOnClose() throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.source().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        pipe.close();

        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void shouldTurnAnInterruptIntoAnInterruptedIoException() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pipe.source().read()).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
