/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentContext;

class NativeLibraryProbeTest {

    private final List<String> calls = new ArrayList<>();
    private final ComponentContext context = (ComponentContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                calls.add(method.getName() + " " + args[0]);
                return null;
            });

    @Test
    void shouldEnableTheProviderWhenTheNativeLibraryLoads() {
        new NativeLibraryProbe(() -> "2.11.0").activate(context);

        assertThat(calls).containsExactly("enableComponent " + JSerialCommLinkProvider.NAME);
    }

    @Test
    void shouldLeaveTheProviderDisabledWhenTheNativeLibraryIsMissing() {
        NativeLibraryProbe probe = new NativeLibraryProbe(() -> {
            throw new UnsatisfiedLinkError("Cannot load native library. Errors as follows:\n[1]: no libjSerialComm\n");
        });

        probe.activate(context);

        assertThat(calls).isEmpty();
    }

    @Test
    void shouldLeaveTheProviderDisabledWhenTheClassFailedToInitializeEarlier() {
        new NativeLibraryProbe(() -> {
            throw new NoClassDefFoundError("Could not initialize class com.fazecast.jSerialComm.SerialPort");
        }).activate(context);

        assertThat(calls).isEmpty();
    }

    @Test
    void shouldDescribeTheFailureOnOneLine() {
        String line = NativeLibraryProbe.describe(
                new UnsatisfiedLinkError("Cannot load native library. Errors as follows:\n[1]: a\n[2]: b\n"));

        assertThat(line).doesNotContain("\n").contains("Errors as follows: [1]: a; [2]: b)").contains("UnsatisfiedLinkError")
                .contains(System.getProperty("os.arch"));
    }

    @Test
    void shouldDisableTheProviderWhenItStops() {
        new NativeLibraryProbe(() -> "2.11.0").deactivate(context);

        assertThat(calls).containsExactly("disableComponent " + JSerialCommLinkProvider.NAME);
    }

    @Test
    void shouldLoadTheRealLibraryOnThisMachine() {
        new NativeLibraryProbe().activate(context);

        assertThat(calls).containsExactly("enableComponent " + JSerialCommLinkProvider.NAME);
    }
}
