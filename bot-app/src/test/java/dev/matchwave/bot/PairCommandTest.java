package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairCommandTest {

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] pairArgs(String rules) {
        return new String[] {"pair", "--rules", rules};
    }

    @Test
    void pairsTheSampleQueueWithinTheWindowsAndMaximally() throws Exception {
        Path sample = Path.of("..", "docs", "examples", "queue.jsonl");
        Map<Long, JsonNode> players = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(sample)) {
            JsonNode node = mapper.readTree(line);
            players.put(node.get("id").asLong(), node);
        }

        Run run = run("", "pair", "--rules", "evoladder", "--input", sample.toString());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = run.json();
        Set<Long> seen = new HashSet<>();
        for (JsonNode pair : result.get("pairs")) {
            JsonNode bw = players.get(pair.get(0).asLong());
            JsonNode sc2 = players.get(pair.get(1).asLong());
            assertThat(allowed(bw, sc2)).as("pair %s", pair).isTrue();
            assertThat(seen.add(pair.get(0).asLong())).isTrue();
            assertThat(seen.add(pair.get(1).asLong())).isTrue();
        }
        List<JsonNode> unmatched = new ArrayList<>();
        for (JsonNode id : result.get("unmatched")) {
            assertThat(seen.add(id.asLong())).isTrue();
            unmatched.add(players.get(id.asLong()));
        }
        assertThat(seen).isEqualTo(players.keySet());
        for (JsonNode a : unmatched) {
            for (JsonNode b : unmatched) {
                assertThat(a != b && allowed(a, b)).as("%s and %s could have played", a, b).isFalse();
            }
        }
        assertThat(result.get("pairing_millis").isNumber()).isTrue();
    }

    /** docs/reference-ladder.md: BW side against SC2 side, gap within the larger window, 100 + 50 * wait. */
    private static boolean allowed(JsonNode bw, JsonNode sc2) {
        if (bw.get("bw_mmr").isNull() || sc2.get("sc2_mmr").isNull()) {
            return false;
        }
        int gap = Math.abs(bw.get("bw_mmr").asInt() - sc2.get("sc2_mmr").asInt());
        int window = 100 + 50 * Math.max(bw.get("wait_cycles").asInt(), sc2.get("wait_cycles").asInt());
        return gap <= window;
    }

    @Test
    void fifoPairsInQueueOrder() throws Exception {
        Run run = run("{\"id\": 5}\n{\"id\": 3}\n\n{\"id\": 9}\n{\"id\": 1}\n{\"id\": 7}\n", pairArgs("fifo"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.json().get("pairs").toString()).isEqualTo("[[5,3],[9,1]]");
        assertThat(run.json().get("unmatched").toString()).isEqualTo("[7]");
    }

    @Test
    void singlePoolPairsNearestRatings() throws Exception {
        String queue = """
                {"id": 1, "mmr": 1000, "wait_cycles": 0}
                {"id": 2, "mmr": 2000, "wait_cycles": 0}
                {"id": 3, "mmr": 1050, "wait_cycles": 0}
                {"id": 4, "mmr": 1990, "wait_cycles": 0}
                {"id": 5, "mmr": 3000, "wait_cycles": 0}
                """;
        Run run = run(queue, pairArgs("single"));

        assertThat(run.code()).as(run.err()).isZero();
        Set<Set<Long>> pairs = new HashSet<>();
        run.json().get("pairs").forEach(p -> pairs.add(Set.of(p.get(0).asLong(), p.get(1).asLong())));
        assertThat(pairs).containsExactlyInAnyOrder(Set.of(1L, 3L), Set.of(2L, 4L));
        assertThat(run.json().get("unmatched").toString()).isEqualTo("[5]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}                  | {"id": 2, "bw_mmr": 1500, "wait_cycles"  | line 2: not valid JSON
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}                  | {"id": 2, "sc2_mmr": 1500}               | line 2: missing field "wait_cycles"
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}                  | {"bw_mmr": 1500, "wait_cycles": 0}       | line 2: missing field "id"
            {"id": 1, "bw_mmr": "1500", "wait_cycles": 0}                | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: "bw_mmr" must be a whole number
            {"id": 1, "bw_mmr": 1500.5, "wait_cycles": 0}                | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: "bw_mmr" must be a whole number
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}                  | {"id": 1, "sc2_mmr": 1500, "wait_cycles": 0} | line 2: duplicate id 1 (first on line 1)
            {"id": 1, "bw_mmr": null, "sc2_mmr": null, "wait_cycles": 0} | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: player 1 has no rating
            {"id": 1, "bw_mmr": 1500, "wait_cycles": -1}                 | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: "wait_cycles" must not be negative
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0, "mrr": 3}        | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: unknown field "mrr"
            [1, 2]                                                       | {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: expected a JSON object
            """)
    void badInputNamesTheLineAndPrintsNothing(String first, String second, String message) {
        Run run = run(first + "\n" + second + "\n", pairArgs("evoladder"));

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("stdin " + message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}{"id": 2, "sc2_mmr": 1500, "wait_cycles": 0}  | line 1: a second JSON object at column 44; put one player on each line
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0}  {"id": 2, "sc2_mmr": 1500, "wait_cycles": 0} | line 1: a second JSON object at column 46; put one player on each line
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0} trailing                                     | line 1: text after the JSON object at column 45; put one player on each line
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0},                                             | line 1: text after the JSON object at column 44; put one player on each line
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 0} 2                                            | line 1: text after the JSON object at column 45; put one player on each line
            """)
    void anythingAfterTheObjectOnItsLineIsRefusedInsteadOfDropped(String line, String message) {
        Run run = run("{\"id\": 3, \"sc2_mmr\": 1500, \"wait_cycles\": 0}\n" + line + "\n", pairArgs("evoladder"));

        assertThat(run.code()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("matchwave pair: stdin " + message.replace("line 1", "line 2"));
    }

    @Test
    void whiteSpaceAfterTheObjectIsFine() throws Exception {
        Run run = run("{\"id\": 1, \"bw_mmr\": 1500, \"wait_cycles\": 0} \t \n"
                + "{\"id\": 2, \"sc2_mmr\": 1500, \"wait_cycles\": 0}\n", pairArgs("evoladder"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.json().get("pairs").toString()).isEqualTo("[[1,2]]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 99999999999999999999, "bw_mmr": 1500, "wait_cycles": 0}  | "id" is out of range: must be from 0 to 9223372036854775807, got 99999999999999999999
            {"id": -99999999999999999999, "bw_mmr": 1500, "wait_cycles": 0} | "id" is out of range: must be from 0 to 9223372036854775807, got -99999999999999999999
            {"id": 9223372036854775808, "bw_mmr": 1500, "wait_cycles": 0}   | "id" is out of range: must be from 0 to 9223372036854775807, got 9223372036854775808
            {"id": -1, "bw_mmr": 1500, "wait_cycles": 0}                    | "id" is out of range: must be from 0 to 9223372036854775807, got -1
            {"id": 1e19, "bw_mmr": 1500, "wait_cycles": 0}                  | "id" is out of range: must be from 0 to 9223372036854775807, got 1E+19
            {"id": 1e999999999, "bw_mmr": 1500, "wait_cycles": 0}           | "id" is out of range: must be from 0 to 9223372036854775807, got 1E+999999999
            {"id": 1, "bw_mmr": 3000000000, "wait_cycles": 0}               | "bw_mmr" is out of range: must be from -2147483648 to 2147483647, got 3000000000
            {"id": 1, "bw_mmr": 1500, "wait_cycles": 99999999999}           | "wait_cycles" is 99999999999, more than 10000
            {"id": 1.5, "bw_mmr": 1500, "wait_cycles": 0}                   | "id" must be a whole number, got 1.5
            {"id": 1e-999999999, "bw_mmr": 1500, "wait_cycles": 0}          | "id" must be a whole number, got 1E-999999999
            {"id": "1", "bw_mmr": 1500, "wait_cycles": 0}                   | "id" must be a whole number, got "1"
            """)
    void aNumberOutOfRangeSaysSoAndNamesTheRange(String line, String message) {
        Run run = run(line + "\n", pairArgs("evoladder"));

        assertThat(run.code()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("matchwave pair: stdin line 1: " + message);
    }

    @Test
    void aWholeNumberWrittenWithAnExponentOrZeroFractionIsThatNumber() throws Exception {
        Run run = run("{\"id\": 1e1, \"bw_mmr\": 1.5e3, \"wait_cycles\": 0}\n"
                + "{\"id\": 9223372036854775807, \"sc2_mmr\": 1500.0, \"wait_cycles\": 0.0}\n", pairArgs("evoladder"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.json().get("pairs").toString()).isEqualTo("[[10,9223372036854775807]]");
    }

    @Test
    void singleRulesNeedARating() {
        Run run = run("{\"id\": 1, \"wait_cycles\": 0}\n", pairArgs("single"));

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("line 1: missing field \"mmr\"");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThat(run("", "pair").err()).contains("--rules is required");
        assertThat(run("", "pair", "--rules", "chess").err()).contains("unknown rules 'chess'");
        assertThat(run("", "pair", "--rules", "fifo", "--bogus").err()).contains("unknown option '--bogus'");
        assertThat(run("", "pair", "--rules").err()).contains("--rules needs a value");
        Run missing = run("", "pair", "--rules", "fifo", "--input", "no/such/file.jsonl");
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("no such input file: no/such/file.jsonl");
    }

    @Test
    void helpListsTheRuleSets() {
        Run run = run("", "pair", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--rules evoladder", "--rules single", "--rules fifo");
    }

    @Test
    void unknownSubcommandExitsWithTwo() {
        Run run = run("", "frobnicate");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("unknown subcommand 'frobnicate'");
    }
}
