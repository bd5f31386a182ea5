package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.matchmaking.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/demo.md ("Recording and rendering"), compiled and run; the test checks the two match. */
class DemoDocExampleTest {

    @Test
    void recordingAndRendering(@TempDir Path dir) throws IOException {
        ManualClock manual = new ManualClock(Instant.parse("2026-11-22T20:00:00Z"));
        InstantSource clock = manual;
        Instant waveTime = manual.instant();
        Path htmlFile = dir.resolve("demo-report.html");
        // --- docs/demo.md: begin
        DemoRecorder recorder = DemoFigures.recorder(42, 200, 5, FlowTargets.defaults(), clock);

        // The driver, from any thread:
        recorder.openWave(1, waveTime, 180, 90);               // maxPairs from DemoFigures.maxPairs(queue, rules)
        recorder.matched(1, 35, Duration.ofSeconds(12), Duration.ofSeconds(4));
        recorder.phase1(1, Duration.ofMillis(140));             // a "match found" delivered
        recorder.phase2(1, Duration.ofMillis(900));             // match details delivered
        recorder.flow(FlowTargets.JOIN, Duration.ofMillis(80)); // server-side time of one flow
        recorder.request("interaction");
        recorder.confirmed();
        System.out.println(DemoReport.progressLine(recorder.waveSoFar(1).orElseThrow()));

        // At the end:
        DemoReport report = new DemoReport(recorder.figures());
        System.out.print(report.text());     // or report.toJson() with --json
        report.writeHtml(htmlFile);
        // --- docs/demo.md: end

        assertThat(report.text()).contains("Every target met.");
        assertThat(Files.readString(htmlFile)).contains("<svg ");
    }

    @Test
    void theDocShowsThisExample() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "demo.md"));
        int start = doc.indexOf("```java") + 1;
        List<String> docCode = doc.subList(start, doc.subList(start, doc.size()).indexOf("```") + start);

        List<String> test = Files.readAllLines(Path.of("src", "test", "java", "dev", "matchwave", "bot", "demo",
                "DemoDocExampleTest.java"));
        int from = indexOfTrimmed(test, "// --- docs/demo.md: begin") + 1;
        int to = indexOfTrimmed(test, "// --- docs/demo.md: end");
        List<String> testCode = test.subList(from, to).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .toList();

        assertThat(docCode).containsExactlyElementsOf(testCode);
    }

    private static int indexOfTrimmed(List<String> lines, String wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(wanted)) {
                return i;
            }
        }
        throw new AssertionError("no line " + wanted);
    }
}
