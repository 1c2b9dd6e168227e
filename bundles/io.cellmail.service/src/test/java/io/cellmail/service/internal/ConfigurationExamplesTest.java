/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail service configuration the repository ships or shows — the default {@code .cfg} files under
 * {@code config/configurations} and the {@code .cfg} examples in the READMEs — uses only settings of the one
 * definition, with values Declarative Services converts to their types and the service accepts (ranges, choices,
 * link URIs). A renamed or removed setting, or a default file that would stop the service, fails the build.
 */
class ConfigurationExamplesTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern EXAMPLE = Pattern.compile("```properties\\n(# io\\.cellmail\\.mail[~-][^\\n]*\\n.*?)```",
            Pattern.DOTALL);

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldUseOnlyDefinedSettingsWithValuesTheServiceAccepts(String where, String text) throws IOException {
        Properties file = new Properties();
        file.load(new StringReader(text));
        Map<String, Object> configuration = new HashMap<>();
        file.stringPropertyNames().forEach(key -> configuration.put(key, file.getProperty(key)));

        assertThat(configuration.keySet()).as(where).isNotEmpty()
                .isSubsetOf(ScrConfiguration.componentProperties().keySet());
        // An example names the operator's CA file, which the build machine has not: a real certificate stands in.
        configuration.computeIfPresent("caCertificateFile", (key, path) -> testCaFile());
        assertThatCode(() -> ScrConfiguration.settings(configuration, Path.of("/var/lib/cellmail"))).as(where)
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("config/configurations"))) {
            for (Path file : files.filter(ConfigurationExamplesTest::isMailServiceFile).sorted().toList()) {
                examples.add(Arguments.of(ROOT.relativize(file).toString(),
                        Files.readString(file)));
            }
        }
        for (Path readme : List.of(ROOT.resolve("README.md"), Path.of("README.md"))) {
            Matcher block = EXAMPLE.matcher(Files.readString(readme));
            while (block.find()) {
                examples.add(Arguments.of(readme.normalize() + " example",
                        block.group(1)));
            }
        }
        assertThat(examples).as("configurations found").hasSizeGreaterThanOrEqualTo(3);
        return examples.stream();
    }

    private static String testCaFile() {
        try {
            return Path.of(ConfigurationExamplesTest.class.getResource("/test-ca.pem").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMailServiceFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".cfg") && (name.startsWith("io.cellmail.mail~") || name.startsWith("io.cellmail.mail-"));
    }
}
