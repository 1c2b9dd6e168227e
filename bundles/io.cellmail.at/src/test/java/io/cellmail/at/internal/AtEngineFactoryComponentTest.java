/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.EngineState;
import io.cellmail.serial.SerialLinkException;

class AtEngineFactoryComponentTest {

    @Test
    void shouldCreateAnEngineThatIsNotStartedYet() {
        AtEngineSettings settings = AtEngineSettings.builder("factory-test", () -> {
            throw new SerialLinkException(SerialLinkException.Reason.NO_SUCH_PORT, "no port in this test");
        }).build();

        try (AtEngine engine = new AtEngineFactoryComponent().create(settings)) {
            assertThat(engine.state()).isEqualTo(EngineState.STARTING);
        }
    }

    @Test
    void shouldBeDeclaredAsAnAtEngineFactoryService() throws Exception {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/" + AtEngineFactoryComponent.class.getName()
                + ".xml"));

        assertThat(xml).contains("interface=\"io.cellmail.at.AtEngineFactory\"");
    }
}
