package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small demo through the real code (emulator, JDA, bot, embedded PostgreSQL, scripted
 * players): its figures must agree with each other.
 */
@Tag("stress")
class OfflineDemoTest {

    private static final Pattern WAVE_NOTE = Pattern.compile("wave (\\d+): (\\d+) pairs made, (\\d+) possible \\(Edmonds\\), (\\d+) by a greedy");

    @Test
    void aSmallRunsFiguresAddUp(@TempDir Path reports) throws Exception {
        DemoOptions options = new DemoOptions(12, 2, 11, true, reports, Duration.ofSeconds(2));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        OfflineDemo.Outcome outcome = new OfflineDemo(options, Map.of(),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        int code = DemoOutput.print(outcome, options, new PrintStream(out, true, StandardCharsets.UTF_8), errStream);

        assertThat(outcome.problems()).isEmpty();
        assertThat(code).isZero();
        // --json: stdout is exactly one JSON object.
        String stdout = out.toString(StandardCharsets.UTF_8).strip();
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(stdout).startsWith("{").endsWith("}");
        assertThat(json.get("players").asInt()).isEqualTo(12);

        JsonNode waves = json.get("waves");
        assertThat(waves).hasSize(2);
        int matches = 0;
        for (JsonNode wave : waves) {
            int made = wave.get("matches").asInt();
            assertThat(made).isPositive();
            assertThat(wave.get("maxPairs").asInt()).isGreaterThanOrEqualTo(made);
            assertThat(wave.get("ratingGaps")).hasSize(made);
            // Every matched player heard "match found" and got his match's details.
            assertThat(wave.get("phase1").get("count").asInt()).isEqualTo(2 * made);
            assertThat(wave.get("phase2").get("count").asInt()).isLessThanOrEqualTo(2 * made);
            matches += made;
        }
        assertThat(json.get("totals").get("matches").asInt()).isEqualTo(matches);
        JsonNode outcomes = json.get("outcomes");
        assertThat(outcomes.get("completed").asInt() + outcomes.get("conflicts").asInt() + outcomes.get("aborted").asInt())
                .as("every match of the counted waves ended").isEqualTo(matches);

        // The independent bound: Edmonds never finds fewer pairs than the bot made, greedy never more.
        List<String> notes = outcome.figures().notes();
        int checked = 0;
        for (String note : notes) {
            Matcher m = WAVE_NOTE.matcher(note);
            if (m.find()) {
                int made = Integer.parseInt(m.group(2));
                assertThat(Integer.parseInt(m.group(3))).isGreaterThanOrEqualTo(made);
                assertThat(Integer.parseInt(m.group(4))).isLessThanOrEqualTo(Integer.parseInt(m.group(3)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
        // Issue 17: the admin closed season 1 after the first wave; the report says what the reset did.
        assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("season: after wave 1 the admin closed season 1")
                .contains("moved halfway to 1500").contains("/leaderboard season:1"));

        JsonNode requests = json.get("requests");
        assertThat(requests.get("rateLimitedGlobal").asLong() + requests.get("rateLimitedRoute").asLong()).isZero();
        assertThat(requests.get("total").asLong()).isPositive();

        // Where the CPU went: read from /proc on Linux, null (with a note saying why) elsewhere.
        JsonNode cpu = json.get("cpu");
        if (Files.isRegularFile(Path.of("/proc/self/stat"))) {
            assertThat(cpu.get("waves")).hasSize(2);
            assertThat(cpu.at("/run/applicationMs").asDouble()).isPositive();
            assertThat(cpu.at("/run/lengthMs").asDouble()).isPositive();
            assertThat(cpu.at("/run/machineBusyPct").asDouble()).isBetween(0.0, 100.0);
        } else {
            assertThat(cpu.isNull()).isTrue();
            assertThat(notes).anySatisfy(note -> assertThat(note).contains("CPU"));
        }

        Path html = reports.resolve(DemoOutput.HTML);
        assertThat(html).exists();
        assertThat(Files.readString(html)).contains("<svg");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTML report: " + html.toAbsolutePath());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("1/2 wave 1", "2/2 wave");
    }
}
