package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayOptionsTest {

    @Test
    void shouldRunTheDemoWithTheDefaultTimeoutAndATemporaryStateWhenGivenNothing() throws Exception {
        GatewayOptions options = GatewayOptions.parse();

        assertThat(options.mode()).isEqualTo(GatewayOptions.Mode.DEMO);
        assertThat(options.timeout()).isEqualTo(GatewayOptions.DEFAULT_TIMEOUT);
        assertThat(options.dataDirectory()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--demo                          | DEMO        | 45 | ",
        "--interactive                   | INTERACTIVE | 45 | ",
        "--interactive --demo            | DEMO        | 45 | ",
        "--timeout 20                    | DEMO        | 20 | ",
        "--interactive --data /tmp/gw    | INTERACTIVE | 45 | /tmp/gw",
        "--timeout 5 --data state        | DEMO        | 5  | state",
    })
    void shouldReadTheCommandLine(String line, GatewayOptions.Mode mode, long seconds, String data)
            throws Exception {
        GatewayOptions options = GatewayOptions.parse(line.trim().split("\\s+"));

        assertThat(options.mode()).isEqualTo(mode);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(options.dataDirectory()).isEqualTo(Optional.ofNullable(data).map(Path::of));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus           | unknown argument: --bogus",
        "--timeout         | --timeout needs a value",
        "--timeout 0       | --timeout needs a positive number of seconds, not '0'",
        "--timeout soon    | --timeout needs a positive number of seconds, not 'soon'",
        "--data            | --data needs a value",
        "--data --demo     | --data needs a value",
    })
    void shouldRejectAWrongCommandLineSayingWhatIsWrong(String line, String message) {
        assertThatThrownBy(() -> GatewayOptions.parse(line.trim().split("\\s+")))
                .isInstanceOf(GatewayOptions.UsageException.class).hasMessage(message);
    }

    @Test
    void shouldAnswerHelpWithNoOptions() throws Exception {
        assertThat(GatewayOptions.parse("--help")).isNull();
        assertThat(GatewayOptions.parse("-h")).isNull();
    }
}
