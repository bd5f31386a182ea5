package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.matchmaking.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReportTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final String EVIL = "<script>alert('x')</script> & \"Bob\"";

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Two waves; /queue meets its target, join misses it; one route 429. */
    private static DemoFigures sample(boolean with429) {
        ManualClock clock = new ManualClock(T0);
        DemoRecorder r = DemoFigures.recorder(42, 8, 3, FlowTargets.defaults(), clock);
        r.openWave(1, T0.plusSeconds(2), 8, 4);
        r.matched(1, 25, ms(2_000), ms(1_500));
        r.matched(1, 140, ms(2_100), ms(900));
        r.matched(1, 60, ms(1_800), ms(2_000));
        r.phase1(1, ms(90));
        r.phase1(1, ms(110));
        r.phase2(1, ms(800));
        r.openWave(2, T0.plusSeconds(7), 2, 1);
        r.matched(2, 310, ms(7_000), ms(5_000));
        r.phase1(2, ms(60));
        r.phase2(2, ms(400));
        for (int i = 0; i < 10; i++) {
            r.flow(FlowTargets.QUEUE_COMMAND, ms(20 + i));
            r.flow(FlowTargets.JOIN, ms(700 + i));
        }
        r.confirmed();
        r.completed();
        r.conflict();
        r.request("interaction");
        r.request("channel message");
        if (with429) {
            r.rateLimited("channel message", false);
        }
        r.note("player " + EVIL + " never confirmed");
        clock.advance(Duration.ofSeconds(12));
        return r.figures();
    }

    @Test
    void theTextFlagsAMissedTargetAndNotAMetOne() {
        String text = new DemoReport(sample(false)).text();

        String join = line(text, "join");
        String queue = line(text, "queue_command");
        assertThat(join).startsWith("!").contains("MISSED");
        assertThat(queue).doesNotStartWith("!").doesNotContain("MISSED").contains("met");
        assertThat(line(text, "429 route")).doesNotStartWith("!");
        assertThat(text).contains("MISSED: join").doesNotContain("Every target met");
    }

    @Test
    void theTextFlagsA429() {
        String text = new DemoReport(sample(true)).text();

        assertThat(line(text, "429 route")).startsWith("!").contains("MISSED");
        assertThat(text).contains("1 rate-limited (429)");
    }

    @Test
    void theTextSaysWhenEveryTargetIsMet() {
        DemoRecorder r = DemoFigures.recorder(1, 2, 1, FlowTargets.defaults(), new ManualClock(T0));
        r.flow(FlowTargets.RESULT_CONFIRM, ms(150));
        String text = new DemoReport(r.figures()).text();

        assertThat(text).contains("Every target met.").doesNotContain("MISSED").doesNotContain("\n!");
    }

    @Test
    void theTextAlignsItsColumns() {
        String text = new DemoReport(sample(false)).text();
        List<String> flowTable = text.lines().dropWhile(l -> !l.startsWith("Command flows")).skip(1).limit(3).toList();

        // Right-aligned figures: the "p95 ms" column ends at the same place on every line.
        int end = flowTable.getFirst().indexOf("p95 ms") + "p95 ms".length();
        assertThat(flowTable).allSatisfy(l -> assertThat(l.charAt(end - 1)).isNotEqualTo(' '));
        assertThat(flowTable).allSatisfy(l -> assertThat(l.charAt(end)).isEqualTo(' '));
    }

    @Test
    void theProgressLineShowsTheWave() {
        WaveResult wave = sample(false).waves().getFirst();

        assertThat(DemoReport.progressLine(wave)).isEqualTo("wave 1 at 12:00:02.000: 8 queued, 3/4 matches, "
                + "gap p50 60 max 140, wait p50 1.8 s, phase 1 p95 110.0 ms max 110.0 ms, "
                + "phase 2 p95 800.0 ms max 800.0 ms");
    }

    @Test
    void theJsonHoldsEveryFigure() throws Exception {
        DemoFigures figures = sample(true);
        JsonNode json = new ObjectMapper().readTree(new DemoReport(figures).toJson());

        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("players").asInt()).isEqualTo(8);
        assertThat(json.get("plannedWaves").asInt()).isEqualTo(3);
        assertThat(Instant.parse(json.get("startedAt").asText())).isEqualTo(T0);
        assertThat(json.get("runDurationMs").asDouble()).isEqualTo(12_000.0);
        assertThat(json.at("/jvm/version").asText()).isEqualTo(Runtime.version().toString());
        assertThat(json.at("/jvm/warmStart").isBoolean()).isTrue();
        assertThat(json.at("/jvm/warmStart").asBoolean()).isEqualTo(DemoReport.warmStart());
        assertThat(json.at("/totals/matches").asInt()).isEqualTo(4);
        assertThat(json.at("/totals/maxPairs").asInt()).isEqualTo(5);
        JsonNode waves = json.get("waves");
        assertThat(waves).hasSize(2);
        for (int i = 0; i < 2; i++) {
            WaveResult w = figures.waves().get(i);
            JsonNode n = waves.get(i);
            assertThat(n.get("wave").asInt()).isEqualTo(w.wave());
            assertThat(Instant.parse(n.get("at").asText())).isEqualTo(w.at());
            assertThat(n.get("queued").asInt()).isEqualTo(w.queued());
            assertThat(n.get("matches").asInt()).isEqualTo(w.matches());
            assertThat(n.get("maxPairs").asInt()).isEqualTo(w.maxPairs());
            assertThat(n.get("ratingGaps")).extracting(JsonNode::asInt).containsExactlyElementsOf(w.ratingGaps());
            assertThat(n.get("waitsMs")).extracting(JsonNode::asLong)
                    .containsExactlyElementsOf(w.waits().stream().map(Duration::toMillis).toList());
            assertThat(n.at("/phase1/p95Ms").asDouble()).isEqualTo(w.phase1().p95().toMillis());
            assertThat(n.at("/phase2/maxMs").asDouble()).isEqualTo(w.phase2().max().toMillis());
            assertThat(n.at("/phase1/count").asInt()).isEqualTo(w.phase1().count());
            assertThat(n.get("start").fieldNames()).toIterable().containsExactly("count", "p50Ms", "p95Ms", "maxMs");
            assertThat(n.at("/start/count").asInt()).isEqualTo(w.start().count());
        }
        assertThat(json.at("/outcomes/confirmed").asInt()).isEqualTo(1);
        assertThat(json.at("/outcomes/completed").asInt()).isEqualTo(1);
        assertThat(json.at("/outcomes/conflicts").asInt()).isEqualTo(1);
        assertThat(json.at("/outcomes/aborted").asInt()).isZero();
        assertThat(json.at("/outcomes/timedOut").asInt()).isZero();
        JsonNode join = json.get("flows").get(0);
        assertThat(join.get("name").asText()).isEqualTo("join");
        assertThat(join.get("count").asInt()).isEqualTo(10);
        assertThat(join.get("p50Ms").asDouble()).isEqualTo(704.0);
        assertThat(join.get("p95Ms").asDouble()).isEqualTo(709.0);
        assertThat(join.get("maxMs").asDouble()).isEqualTo(709.0);
        assertThat(join.get("targetMs").asDouble()).isEqualTo(300.0);
        assertThat(join.get("overTarget").asInt()).isEqualTo(10);
        assertThat(join.get("missed").asBoolean()).isTrue();
        assertThat(json.get("flows").get(1).get("missed").asBoolean()).isFalse();
        assertThat(json.at("/requests/total").asLong()).isEqualTo(3);
        assertThat(json.at("/requests/perRouteClass/channel message").asLong()).isEqualTo(2);
        assertThat(json.at("/requests/rateLimitedRoute").asLong()).isEqualTo(1);
        assertThat(json.at("/requests/rateLimitedGlobal").asLong()).isZero();
        assertThat(json.at("/requests/invalid").asLong()).isZero();
        assertThat(json.get("notes").get(0).asText()).isEqualTo("player " + EVIL + " never confirmed");
        assertThat(json.get("cpu").isNull()).isTrue();
    }

    @Test
    void theCpuFiguresShowInTheJsonAndTheText() throws Exception {
        DemoFigures plain = sample(false);
        CpuFigures.Window wave1 = new CpuFigures.Window(ms(4_000), ms(2_500), ms(1_500), ms(100), ms(900), 0.625);
        CpuFigures.Window run = new CpuFigures.Window(ms(12_000), ms(6_000), ms(2_000), ms(200), ms(1_800), 0.4);
        DemoFigures figures = new DemoFigures(plain.seed(), plain.players(), plain.plannedWaves(), plain.startedAt(),
                plain.runDuration(), plain.waves(), plain.outcomes(), plain.flows(), plain.requests(), plain.notes(),
                plain.crash(), java.util.Optional.of(new CpuFigures(java.util.Map.of(1, wave1), run)));
        DemoReport report = new DemoReport(figures);

        JsonNode cpu = new ObjectMapper().readTree(report.toJson()).get("cpu");
        assertThat(cpu.at("/run/jitMs").asDouble()).isEqualTo(2_000.0);
        assertThat(cpu.at("/run/jitSharePct").asDouble()).isEqualTo(24.4);
        assertThat(cpu.get("waves")).hasSize(1);
        JsonNode w = cpu.get("waves").get(0);
        assertThat(w.get("wave").asInt()).isEqualTo(1);
        assertThat(w.get("lengthMs").asDouble()).isEqualTo(4_000.0);
        assertThat(w.get("applicationMs").asDouble()).isEqualTo(2_500.0);
        assertThat(w.get("gcMs").asDouble()).isEqualTo(100.0);
        assertThat(w.get("otherProcessesMs").asDouble()).isEqualTo(900.0);
        assertThat(w.get("jitSharePct").asDouble()).isEqualTo(36.6);
        assertThat(w.get("machineBusyPct").asDouble()).isEqualTo(62.5);
        assertThat(line(report.text(), "wave 1")).contains("2.50", "1.50", "37 %", "0.90", "63 %");
        assertThat(report.html()).contains("JIT share");
    }

    @Test
    void theHtmlIsSelfContainedWithEveryChartAndTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        new DemoReport(sample(true)).writeHtml(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(count(html, "<svg ")).isEqualTo(4);
        assertThat(html).contains("Wait times of matched players", "Rating gaps of matches",
                "Phase 1 latency per wave", "Phase 2 latency per wave");
        assertThat(html).contains("<h2>Waves (waits in s; phase 1, phase 2 and start latencies in ms)</h2>", "<th>start p95</th>", "<h2>Command flows, server side</h2>",
                "<h2>Requests to Discord</h2>", "<h2>Matches</h2>");
        assertThat(html).containsPattern("<tr class=\"miss\"><td>join</td>");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|@import|url\\(");
        assertThat(html).doesNotContainIgnoringCase("http");
        assertBalanced(html);
    }

    @Test
    void theHtmlEscapesText() {
        String html = new DemoReport(sample(false)).html();

        assertThat(html).doesNotContain("<script>");
        assertThat(html).contains("player &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bob&quot; never confirmed");
    }

    @Test
    void anEmptyRunStillRenders() {
        DemoFigures empty = DemoFigures.recorder(1, 0, 0, FlowTargets.defaults(), new ManualClock(T0)).figures();
        DemoReport report = new DemoReport(empty);

        assertThat(report.text()).contains("Every target met.");
        assertThat(count(report.html(), "no data")).isEqualTo(4);
        assertBalanced(report.html());
    }

    @Test
    void escapeLeavesNoMarkup() {
        assertThat(DemoReport.escape("a<b>&'\"")).isEqualTo("a&lt;b&gt;&amp;&#39;&quot;");
    }

    private static String line(String text, String label) {
        return text.lines().filter(l -> l.substring(Math.min(2, l.length())).startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + label + " in\n" + text));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Every element opened is closed in order (void and self-closed elements aside). */
    private static void assertBalanced(String html) {
        String body = html.substring(html.indexOf("<html"));
        body = body.replaceAll("(?s)<style>.*?</style>", "");
        Matcher tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>").matcher(body);
        Deque<String> open = new ArrayDeque<>();
        List<String> voids = List.of("meta", "br", "hr", "img", "input", "link");
        while (tag.find()) {
            String name = tag.group(2).toLowerCase();
            if (!tag.group(3).isEmpty() || voids.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open).as("closing </%s>", name).isNotEmpty();
                assertThat(open.pop()).as("closing </%s>", name).isEqualTo(name);
            }
        }
        assertThat(open).as("elements left open").isEmpty();
    }
}
