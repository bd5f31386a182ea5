package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.bot.demo.DemoOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@link DemoOptions} as {@code matchwave demo} reads them from its command line ({@link DemoCommand}). */
class DemoOptionsTest {

    private static final Streams STREAMS = new Streams(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    /** Parses as {@code matchwave demo} does, without running the demo; a bad option is a UsageException. */
    private static DemoOptions parse(List<String> args) {
        CommandLine line = new Main(Map.of()).commandLine(STREAMS);
        List<String> all = new ArrayList<>(List.of("demo"));
        all.addAll(args);
        try {
            line.parseArgs(all.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(UsageErrors.oneLine(e));
        }
        return line.getSubcommands().get("demo").<DemoCommand>getCommand().options();
    }

    private static String usage() {
        return new Main(Map.of()).commandLine(STREAMS).getSubcommands().get("demo").getUsageMessage();
    }

    @Test
    void noOptionsAreTheDefaults() {
        DemoOptions options = parse(List.of());
        assertThat(options).isEqualTo(DemoOptions.defaults());
        assertThat(options.players()).isEqualTo(200);
        assertThat(options.waves()).isEqualTo(5);
        assertThat(options.json()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        DemoOptions options = parse(List.of("--players", "20", "--waves=2", "--seed", "-3", "--json",
                "--report-dir", "out/x", "--wave-interval", "2"));
        assertThat(options).isEqualTo(new DemoOptions(20, 2, -3, true, Path.of("out/x"), Duration.ofSeconds(2)));
    }

    @Test
    void badOptionsAreNamedInOneLine() {
        assertBad(List.of("--players", "many"), "--players must be a whole number, got 'many'");
        assertBad(List.of("--players", "1"), "--players must be from 2 to 2000, got 1");
        assertBad(List.of("--waves", "0"), "--waves must be from 1 to 100, got 0");
        assertBad(List.of("--waves"), "--waves needs a value");
        assertBad(List.of("--seed", "1", "--seed", "2"), "--seed is given twice");
        assertBad(List.of("--json=yes"), "--json takes no value");
        assertBad(List.of("--colour"), "unknown option '--colour' (see matchwave demo --help)");
        assertBad(List.of("--wave-interval", "0"), "--wave-interval must be whole seconds from 1 to 60, got 0");
    }

    @Test
    void aCrashAndAStandbyAreRead() {
        DemoOptions plain = parse(List.of("--waves", "3", "--crash-at-wave", "2"));
        assertThat(plain.crashAtWave()).hasValue(2);
        assertThat(plain.standby()).isFalse();
        DemoOptions standby = parse(List.of("--standby", "--crash-at-wave=1"));
        assertThat(standby.crashAtWave()).hasValue(1);
        assertThat(standby.standby()).isTrue();
        assertThat(standby).isEqualTo(DemoOptions.defaults().withCrash(1, true));
        assertThat(DemoOptions.defaults().crashAtWave()).isEmpty();
        assertThat(DemoOptions.defaults().standby()).isFalse();
    }

    @Test
    void aCrashMustLeaveAWaveAfterItAndAStandbyNeedsACrash() {
        // Default 5 waves: 1 to 4.
        assertBad(List.of("--crash-at-wave", "5"), "--crash-at-wave must be from 1 to 4 (a wave after it must show"
                + " the new bot carrying on), got 5");
        assertBad(List.of("--crash-at-wave", "0"), "--crash-at-wave must be from 1 to 4 (a wave after it must show"
                + " the new bot carrying on), got 0");
        assertBad(List.of("--waves", "1", "--crash-at-wave", "1"), "--crash-at-wave needs at least 2 waves"
                + " (--waves 1): a wave after the crash must show the new bot carrying on");
        assertBad(List.of("--crash-at-wave", "two"), "--crash-at-wave must be a whole number, got 'two'");
        assertBad(List.of("--crash-at-wave"), "--crash-at-wave needs a value");
        assertBad(List.of("--standby"), "--standby needs --crash-at-wave N: the standby takes over when the first"
                + " bot is killed");
        assertBad(List.of("--standby=yes", "--crash-at-wave", "1"), "--standby takes no value");
        assertBad(List.of("--standby", "--standby", "--crash-at-wave", "1"), "--standby is given twice");
    }

    private static void assertBad(List<String> args, String message) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThat(message).doesNotContain("\n");
    }

    @Test
    void theUsageNamesEveryOption() {
        assertThat(usage()).contains("--players", "--waves", "--seed", "--json", "--report-dir",
                "--wave-interval", "--crash-at-wave", "--standby", "MATCHWAVE_DB_URL");
    }
}
