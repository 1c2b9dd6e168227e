/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.cellmail.itests.support.CellmailTestSupport;

/**
 * Every cellmail bundle resolves and starts: in plain Felix here, and in Equinox with Kura's OSGi services in
 * {@code itests/equinox}, which runs this class too. The base class already fails on any bundle that is not active;
 * this test pins the set, so a bundle missing from the provisioning list fails too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EveryBundleActiveIT extends CellmailTestSupport {

    private static final String[] CELLMAIL_BUNDLES = {
        "io.cellmail.api",
        "io.cellmail.serial",
        "io.cellmail.serial.jserialcomm",
        "io.cellmail.at",
        "io.cellmail.service",
        "io.cellmail.quectel",
        "io.cellmail.kura",
        "io.cellmail.console",
        "io.cellmail.emulator",
    };

    @Test
    public void shouldStartEveryCellmailBundle() {
        Map<String, Bundle> bySymbolicName = Arrays.stream(bundleContext.getBundles())
                .collect(Collectors.toMap(Bundle::getSymbolicName, Function.identity(), (a, b) -> a));

        assertThat(bySymbolicName).containsKeys(CELLMAIL_BUNDLES);
        for (String symbolicName : CELLMAIL_BUNDLES) {
            assertThat(bySymbolicName.get(symbolicName).getState()).as(symbolicName).isEqualTo(Bundle.ACTIVE);
        }
    }
}
