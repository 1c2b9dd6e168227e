/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    private final Options options = new Options(1)
            .flag("--raw")
            .single("--subject")
            .repeatable("--to");

    private Options.Parsed parse(String... args) throws Exception {
        return options.parse(List.of(args));
    }

    @Test
    void shouldReadValuesGivenAsSeparateArgumentOrAfterEquals() throws Exception {
        Options.Parsed parsed = parse("--subject", "Pump 3", "--to=a@x.org", "--to", "b@x.org", "--raw");

        assertThat(parsed.value("--subject")).contains("Pump 3");
        assertThat(parsed.values("--to")).containsExactly("a@x.org", "b@x.org");
        assertThat(parsed.flag("--raw")).isTrue();
    }

    @Test
    void shouldKeepPositionalArgumentsAndEndOptionsAtDoubleDash() throws Exception {
        Options.Parsed parsed = parse("--", "--raw");

        assertThat(parsed.positional(0)).contains("--raw");
        assertThat(parsed.flag("--raw")).isFalse();
    }

    @Test
    void shouldAcceptAnEmptyValueAfterEquals() throws Exception {
        assertThat(parse("--subject=").value("--subject")).contains("");
    }

    @Test
    void shouldTakeAValueThatLooksLikeAnUnknownOption() throws Exception {
        assertThat(parse("--subject", "-5 degrees").value("--subject")).contains("-5 degrees");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--nope              | unknown option --nope",
        "--subject           | --subject needs a value",
        "--subject --raw     | --subject needs a value",
        "--raw=yes           | --raw takes no value",
        "--subject a --subject b | --subject given twice",
        "one two             | unexpected argument two",
        "-x                  | unknown option -x",
    })
    void shouldRejectAWrongCommandLineWithAMessageNamingTheProblem(String line, String message) {
        assertThatThrownBy(() -> options.parse(List.of(line.split(" "))))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h", "emulator:x --raw --help"})
    void shouldSignalHelpWhereverItStandsAsAnOption(String line) {
        assertThatThrownBy(() -> options.parse(List.of(line.split(" ")))).isInstanceOf(HelpRequested.class);
    }

    @Test
    void shouldNotTakeHelpAsAnOptionWhenItIsAValue() throws Exception {
        assertThat(parse("--subject=--help").value("--subject")).contains("--help");
    }
}
