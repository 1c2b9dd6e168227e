/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.distribution.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSetListTest {

    @TempDir
    Path group;

    @Test
    void shouldGiveTheJarsBesideTheListInTheListsOrder() throws IOException {
        jar("b-1.0.jar");
        jar("a-2.0.jar");
        Path list = Files.writeString(group.resolve("cellmail-runtime-x.list"), "./b-1.0.jar,./a-2.0.jar\n");

        assertThat(BundleSetList.jars(list)).containsExactly(group.resolve("b-1.0.jar"), group.resolve("a-2.0.jar"));
    }

    @Test
    void shouldRefuseAListNamingAJarThatIsNotBesideIt() throws IOException {
        jar("a-2.0.jar");
        Path list = Files.writeString(group.resolve("cellmail-runtime-x.list"), "./a-2.0.jar,./gone-1.0.jar");

        assertThatThrownBy(() -> BundleSetList.jars(list)).isInstanceOf(IOException.class)
                .hasMessageContaining("gone-1.0.jar");
    }

    @Test
    void shouldRefuseAnEmptyList() throws IOException {
        Path list = Files.writeString(group.resolve("cellmail-runtime-x.list"), "\n");

        assertThatThrownBy(() -> BundleSetList.jars(list)).isInstanceOf(IOException.class)
                .hasMessageContaining("names no bundle");
    }

    private void jar(String name) throws IOException {
        Files.write(group.resolve(name), new byte[] {'P', 'K'});
    }
}
