package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The objective and its proof in {@code matchwave pair}'s output. */
class PairCommandOptimalityTest {

    private static JsonNode pair(String stdin, String rules) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(new String[] {"pair", "--rules", rules},
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsTheSumOfSquaredGapsTheMatchedWaitAndACertifiedOptimum() throws Exception {
        String queue = """
                {"id": 1, "mmr": 1500, "wait_cycles": 2}
                {"id": 2, "mmr": 1510, "wait_cycles": 0}
                {"id": 3, "mmr": 1540, "wait_cycles": 1}
                {"id": 4, "mmr": 1545, "wait_cycles": 0}
                {"id": 5, "mmr": 1900, "wait_cycles": 0}
                """;

        JsonNode result = pair(queue, "single");

        // 1-2 (10) and 3-4 (5): 100 + 25; 5 has nobody in his window.
        assertThat(result.get("sum_sq_gap").asLong()).isEqualTo(125);
        assertThat(result.get("matched_wait").asLong()).isEqualTo(3);
        assertThat(result.get("optimality").get("exact").asBoolean()).isTrue();
        assertThat(result.get("optimality").get("lower_bound_sum_sq_gap").asLong()).isEqualTo(125);
    }

    @Test
    void fifoProvesNothing() throws Exception {
        JsonNode result = pair("{\"id\": 1}\n{\"id\": 2}\n", "fifo");

        assertThat(result.get("sum_sq_gap").asLong()).isZero();
        assertThat(result.get("optimality").get("exact").asBoolean()).isFalse();
        assertThat(result.get("optimality").get("lower_bound_sum_sq_gap").asLong()).isZero();
    }
}
