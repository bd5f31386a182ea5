package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code matchwave} command line as a whole (picocli underneath): help on the root and on
 * every subcommand, one-line errors that name the option with exit code 2, and the generated bash
 * completion. Each subcommand's own options are tested in its own test class.
 */
class MatchwaveCommandLineTest {

    /** Every subcommand README.md names, in the order of matchwave --help (help itself aside). */
    private static final List<String> SUBCOMMANDS = List.of("pair", "simulate", "bot", "demo", "roles", "bench",
            "completion");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(Map.of()).run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The subcommands the command line has, read from it: a new one is covered without editing this test. */
    static Stream<String> subcommands() {
        Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), System.out, System.err);
        return new Main(Map.of()).commandLine(streams).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help"));
    }

    @Test
    void helpListsTheSubcommands() {
        for (String help : List.of("--help", "-h", "help")) {
            Result result = run(help);

            assertThat(result.code()).as(help).isZero();
            assertThat(result.err()).as(help).isEmpty();
            assertThat(result.out()).as(help).startsWith("usage: matchwave").contains("subcommands:");
            for (String name : SUBCOMMANDS) {
                assertThat(result.out()).as(help).containsPattern("(?m)^  " + name + " +\\S");
            }
        }
    }

    @Test
    void theCommandLineHasTheDocumentedSubcommands() {
        assertThat(subcommands()).containsExactlyElementsOf(SUBCOMMANDS);
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasHelp(String name) {
        for (String help : List.of("--help", "-h")) {
            Result result = run(name, help);

            assertThat(result.code()).as(name + " " + help).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).startsWith("usage: matchwave " + name).contains("-h, --help");
        }
        assertThat(run("help", name).out()).startsWith("usage: matchwave " + name);
    }

    /** All but bench, which hands every argument to JMH. */
    static Stream<String> subcommandsWithOptions() {
        return subcommands().filter(name -> !name.equals("bench"));
    }

    @ParameterizedTest
    @MethodSource("subcommandsWithOptions")
    void anUnknownOptionIsNamedInOneLineWithExitCode2(String name) {
        Result result = run(name, "--frobnicate", "1");

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("matchwave " + name + ": ").contains("'--frobnicate'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // bot answers in its own words: its settings are environment variables, not options.
        if (!name.equals("bot")) {
            assertThat(result.err()).contains("unknown option '--frobnicate' (see matchwave " + name + " --help)");
        }
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Result result = run("demo", "--player", "20");

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.err().strip()).isEqualTo(
                "matchwave demo: unknown option '--player' (did you mean --players? see matchwave demo --help)");
    }

    @Test
    void anUnknownSubcommandIsNamedWithTheKnownOnes() {
        Result result = run("frobnicate");

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.err().strip()).isEqualTo("matchwave: unknown subcommand 'frobnicate' (known: "
                + String.join(", ", SUBCOMMANDS) + ", help; see matchwave --help)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            demo --players many           | matchwave demo: --players must be a whole number, got 'many'
            demo --web-port=http          | matchwave demo: --web-port must be a whole number, got 'http'
            demo --seed 1.5               | matchwave demo: --seed must be a whole number, got '1.5'
            demo --wave-interval 4s       | matchwave demo: --wave-interval must be a whole number, got '4s'
            demo --linger 99999999999999999999 | matchwave demo: --linger must be a whole number, got '99999999999999999999'
            demo --crash-at-wave 3000000000 | matchwave demo: --crash-at-wave is out of range: 3000000000
            roles --players 1e4           | matchwave roles: --players must be a whole number, got '1e4'
            simulate --matches ten        | matchwave simulate: --matches must be a whole number from 1 to 10000, got 'ten'
            simulate --matches 3 --global-limit 0 | matchwave simulate: --global-limit must be a whole number from 1 to 10000, got '0'
            """)
    void aBadNumberIsNamedInOneLineWithExitCode2(String args, String line) {
        Result result = run(args.split(" "));

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            demo --record=                | matchwave demo: --record must name a file or folder, got ''
            demo --json=yes               | matchwave demo: --json takes no value
            demo --waves 2 --waves 3      | matchwave demo: --waves is given twice
            roles --role-bucket 10        | matchwave roles: --role-bucket must be N/S (requests per whole seconds), got '10'
            simulate --matches 3 --policy | matchwave simulate: --policy needs a value
            simulate --matches 3 --policy=fast | matchwave simulate: --policy must be one of limiter, fixed-batch, naive, got 'fast'
            pair                          | matchwave pair: --rules is required (one of evoladder, single, fifo)
            bot --config                  | matchwave bot: --config needs a value
            """)
    void otherBadValuesAreNamedInOneLineWithExitCode2(String args, String line) {
        Result result = run(args.split(" "));

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(line);
    }

    @Test
    void benchIsTheLaunchersJob() {
        Result result = run("bench", "PairingBenchmark", "-f", "1");

        assertThat(result.code()).isEqualTo(Main.USAGE);
        assertThat(result.err().strip()).startsWith("matchwave bench: ").contains("./matchwave bench");
    }

    @Test
    void theCompletionScriptKnowsEverySubcommandAndItsOptions() {
        Result result = run("completion");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        String script = result.out();
        assertThat(script).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_matchwave -o default matchwave");
        for (String name : SUBCOMMANDS) {
            assertThat(script).contains("_picocli_matchwave_" + name + "()");
        }
        assertThat(script).contains("'--players'", "'--crash-at-wave'", "'--role-bucket'", "'--matches'", "'--config'",
                "'--check'", "\"evoladder\" \"single\" \"fifo\"", "\"limiter\" \"fixed-batch\" \"naive\"");
    }

    /** The script run by bash as a shell would on Tab: the words it offers. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            matchwave ''                        | pair simulate bot demo roles bench completion help
            ./matchwave si                      | simulate
            matchwave demo --wa                 | --waves --wave-interval
            matchwave simulate --policy ''      | limiter fixed-batch naive
            matchwave pair --rules ''           | evoladder single fifo
            """)
    void bashCompletesFromTheScript(String words, String offered, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path script = dir.resolve("matchwave.bash");
        Files.writeString(script, run("completion").out());
        String complete = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 ));"
                + " COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _complete_matchwave 2>/dev/null;"
                + " echo \"${COMPREPLY[*]}\"";
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", complete, "bash",
                script.toString()));
        for (String word : words.split(" ")) {
            command.add(word.equals("''") ? "" : word);
        }
        assertThat(bash(command)).isEqualTo(offered);
    }

    private static String bash(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
