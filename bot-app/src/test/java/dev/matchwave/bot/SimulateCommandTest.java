package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Main().run(all, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasExactlyTheIssuesFieldsInItsOrder() throws Exception {
        Result result = run("--matches", "100", "--json");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(result.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("matches", "players", "policy", "phase1", "phase2", "total_ms", "requests",
                "rate_limited_429", "lower_bound_ms");
        for (String phase : List.of("phase1", "phase2")) {
            List<String> inner = new ArrayList<>();
            json.get(phase).fieldNames().forEachRemaining(inner::add);
            assertThat(inner).containsExactly("p50_ms", "p99_ms", "max_ms");
        }
        assertThat(json.get("matches").asInt()).isEqualTo(100);
        assertThat(json.get("players").asInt()).isEqualTo(200);
        assertThat(json.get("policy").asText()).isEqualTo("limiter");
        assertThat(json.get("requests").asInt()).isEqualTo(400);
        assertThat(json.get("rate_limited_429").asInt()).isZero();
        assertThat(json.get("lower_bound_ms").asDouble()).isEqualTo(3_100);
        assertThat(json.get("phase1").get("max_ms").asDouble()).isLessThan(100);
        assertThat(json.get("phase2").get("max_ms").asDouble()).isLessThanOrEqualTo(1.05 * 3_100);
        assertThat(result.out().strip()).doesNotContain("\n");
    }

    /** The worst case models both paths: every token expired, the whole wave on channel routes. */
    @Test
    void tokensExpiredPutsTheWholeWaveOnTheGlobalLimitWithNo429() throws Exception {
        JsonNode live = new ObjectMapper().readTree(run("--matches", "100", "--json").out());
        Result result = run("--matches", "100", "--tokens-expired", "--json");

        assertThat(result.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("requests").asInt()).isEqualTo(400);
        assertThat(json.get("rate_limited_429").asInt()).isZero();
        assertThat(json.get("lower_bound_ms").asDouble()).isEqualTo(7_050);
        assertThat(json.get("phase1").get("max_ms").asDouble())
                .isGreaterThan(live.get("phase1").get("max_ms").asDouble());
        assertThat(json.get("phase2").get("max_ms").asDouble()).isBetween(7_050.0, 1.05 * 7_050);
    }

    @Test
    void naiveShowsThe429s() throws Exception {
        Result result = run("--matches=40", "--policy=naive", "--json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("policy").asText()).isEqualTo("naive");
        assertThat(json.get("rate_limited_429").asInt()).isEqualTo(30);
    }

    /**
     * The first two-phase proposal (docs/notifications.md) put 429s at about 13 matches because
     * it counted the interaction edits toward the global limit: 4 calls a match, 52 at 13 matches.
     * Documented Discord exempts the edits, so naive hits the limit only from 26 matches (2 DM
     * messages a match, 52 at 26).
     */
    @Test
    void naiveHitsTheLimitFrom13MatchesWhenEditsCountAndFrom26WhenTheyDoNot() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        java.util.function.BiFunction<Integer, Boolean, Integer> limited = (matches, editsGlobal) -> {
            Result result = editsGlobal
                    ? run("--matches", matches.toString(), "--policy", "naive", "--edits-global", "--json")
                    : run("--matches", matches.toString(), "--policy", "naive", "--json");
            try {
                return mapper.readTree(result.out()).get("rate_limited_429").asInt();
            } catch (Exception e) {
                throw new AssertionError(result.err(), e);
            }
        };
        assertThat(limited.apply(12, true)).isZero();
        assertThat(limited.apply(13, true)).isPositive();
        assertThat(limited.apply(25, false)).isZero();
        assertThat(limited.apply(26, false)).isPositive();
    }

    @Test
    void failuresThatJsonHasNoFieldForAreSaidOnStandardError() {
        Result result = run("--matches", "4000", "--policy", "naive", "--json");

        assertThat(result.code()).isZero();
        assertThat(result.err()).startsWith("matchwave simulate: ").contains("failed for good");
    }

    @Test
    void withoutJsonItPrintsAShortTable() {
        Result result = run("--matches", "13", "--policy", "fixed-batch", "--global-limit", "20");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("13 matches (26 players), policy fixed-batch, global limit 20/s")
                .contains("phase 1").contains("phase 2").contains("lower bound 1100 ms");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                  | --matches is required",
            "--matches                           | --matches needs a value",
            "--matches 0                         | --matches must be a whole number from 1 to 10000, got '0'",
            "--matches ten                       | --matches must be a whole number from 1 to 10000, got 'ten'",
            "--matches 5 --policy fast           | --policy must be one of limiter, fixed-batch, naive, got 'fast'",
            "--matches 5 --global-limit -3       | --global-limit must be a whole number from 1 to 10000, got '-3'",
            "--matches 5 --global-limit 0        | --global-limit must be a whole number from 1 to 10000, got '0'",
            "--matches 5 --matches 6             | --matches is given twice",
            "--matches 5 --speed 3               | unknown option '--speed'",
            "--matches 5 extra                   | unexpected argument 'extra'",
            "--matches 5 --json=yes              | --json takes no value"})
    void badArgumentsExitWith2AndAMessageNamingTheOption(String args, String message) {
        Result result = run(args.isBlank() ? new String[0] : args.trim().split("\\s+"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("matchwave simulate: ").contains(message).doesNotContain("Exception");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void helpListsTheOptions() {
        Result result = run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--matches N", "--policy", "--global-limit", "--json");
    }
}
