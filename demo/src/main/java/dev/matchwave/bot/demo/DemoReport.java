package dev.matchwave.bot.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders one run's {@link DemoFigures}: the closing report for the terminal ({@link #text()}),
 * one progress line per wave ({@link #progressLine}), every figure as one JSON object
 * ({@link #toJson()}) and a self-contained HTML page with charts ({@link #html()},
 * {@link #writeHtml}).
 *
 * <p>Units: latencies in milliseconds, waits in seconds, run duration in seconds in the text;
 * the JSON states its unit in each key ({@code ...Ms}). Times are UTC.
 *
 * <p>A flow misses its target when its 95th percentile is above it ({@link FlowFigures#missed()});
 * any 429 or invalid request misses the target of zero. The text marks such rows with {@code !}
 * and {@code MISSED}; the page shows them in red.
 *
 * <p>Immutable and thread-safe; only {@link #writeHtml} does I/O (it blocks while writing).
 */
public final class DemoReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String MISSED = "MISSED";

    private final DemoFigures figures;

    public DemoReport(DemoFigures figures) {
        this.figures = Objects.requireNonNull(figures, "figures");
    }

    /** The figures rendered. */
    public DemoFigures figures() {
        return figures;
    }

    /**
     * One line for a wave, for the terminal while the demo runs, e.g.
     * {@code wave 3 at 07:38:12.004: 180 queued, 88/90 matches, gap p50 42 max 198, wait p50 4.0 s,
     * phase 1 p95 120.0 ms max 180.2 ms, phase 2 p95 900.0 ms max 1400.0 ms}.
     */
    public static String progressLine(WaveResult wave) {
        Objects.requireNonNull(wave, "wave");
        Spread waits = wave.waitSpread();
        long[] gaps = ints(wave.ratingGaps());
        return "wave " + wave.wave() + " at " + TIME.format(wave.at()) + ": " + wave.queued() + " queued, "
                + wave.matches() + "/" + wave.maxPairs() + " matches"
                + (gaps.length == 0 ? "" : ", gap p50 " + Spread.nearestRank(gaps, 50) + " max " + gaps[gaps.length - 1])
                + (waits.count() == 0 ? "" : ", wait p50 " + seconds(waits.p50()) + " s")
                + ", phase 1 p95 " + millis(wave.phase1().p95()) + " ms max " + millis(wave.phase1().max()) + " ms"
                + ", phase 2 p95 " + millis(wave.phase2().p95()) + " ms max " + millis(wave.phase2().max()) + " ms";
    }

    /** The closing report for the terminal: aligned tables, misses marked. Ends with a newline. */
    public String text() {
        StringBuilder out = new StringBuilder(4096);
        out.append(headline()).append('\n');
        for (Table table : tables()) {
            out.append('\n');
            table.textLines().forEach(l -> out.append(l).append('\n'));
        }
        List<String> missed = missedNames();
        out.append('\n').append(missed.isEmpty()
                ? "Every target met."
                : MISSED + ": " + String.join(", ", missed)).append('\n');
        if (!figures.notes().isEmpty()) {
            out.append("\nNotes\n");
            figures.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** Whether this JVM started from an AOT cache ({@code -XX:AOTCache}, as {@code ./matchwave} does on JDK 25+). */
    static boolean warmStart() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-XX:AOTCache="));
    }

    /** Every figure as one JSON object (durations in milliseconds, times ISO-8601 UTC). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("seed", figures.seed());
        root.put("players", figures.players());
        root.put("plannedWaves", figures.plannedWaves());
        root.put("startedAt", figures.startedAt().toString());
        root.put("runDurationMs", ms(figures.runDuration()));
        // What ran it: figures of a cold JVM and of a warm start (docs/operations.md) differ.
        root.putObject("jvm").put("version", Runtime.version().toString()).put("warmStart", warmStart());
        ObjectNode totals = root.putObject("totals");
        totals.put("matches", figures.totalMatches());
        totals.put("maxPairs", figures.totalMaxPairs());
        ArrayNode waves = root.putArray("waves");
        for (WaveResult w : figures.waves()) {
            ObjectNode n = waves.addObject();
            n.put("wave", w.wave());
            n.put("at", w.at().toString());
            n.put("queued", w.queued());
            n.put("matches", w.matches());
            n.put("maxPairs", w.maxPairs());
            ArrayNode gaps = n.putArray("ratingGaps");
            w.ratingGaps().forEach(gaps::add);
            ArrayNode waits = n.putArray("waitsMs");
            w.waits().forEach(d -> waits.add(ms(d)));
            spread(n.putObject("phase1"), w.phase1());
            spread(n.putObject("phase2"), w.phase2());
            spread(n.putObject("start"), w.start());
        }
        MatchOutcomes o = figures.outcomes();
        ObjectNode outcomes = root.putObject("outcomes");
        outcomes.put("confirmed", o.confirmed());
        outcomes.put("aborted", o.aborted());
        outcomes.put("timedOut", o.timedOut());
        outcomes.put("completed", o.completed());
        outcomes.put("conflicts", o.conflicts());
        ArrayNode flows = root.putArray("flows");
        for (FlowFigures f : figures.flows()) {
            ObjectNode n = flows.addObject();
            n.put("name", f.name());
            spread(n, f.latency());
            if (f.target().isPresent()) {
                n.put("targetMs", ms(f.target().get()));
            } else {
                n.putNull("targetMs");
            }
            n.put("overTarget", f.overTarget());
            n.put("missed", f.missed());
        }
        RequestFigures r = figures.requests();
        ObjectNode requests = root.putObject("requests");
        requests.put("total", r.total());
        ObjectNode perClass = requests.putObject("perRouteClass");
        r.perRouteClass().forEach(perClass::put);
        requests.put("rateLimitedGlobal", r.globalRateLimited());
        requests.put("rateLimitedRoute", r.routeRateLimited());
        requests.put("invalid", r.invalid());
        figures.crash().ifPresent(c -> {
            ObjectNode crash = root.putObject("crash");
            crash.put("wave", c.wave());
            crash.put("standby", c.standby());
            crash.put("queuedBefore", c.queuedBefore());
            crash.put("queuedAfter", c.queuedAfter());
            crash.put("lost", c.lost());
            crash.put("doubleMatched", c.doubleMatched());
            crash.put("notificationsOwed", c.notificationsOwed());
            crash.put("notificationsDelivered", c.notificationsDelivered());
            crash.put("duplicatesSeen", c.duplicatesSeen());
            crash.put("downtimeMs", c.downtimeMs());
            crash.put("botOwedAtHalt", c.botOwedAtHalt());
            crash.put("nonceReplays", c.nonceReplays());
            crash.put("retriedInteractions", c.retriedInteractions());
            ArrayNode crashNotes = crash.putArray("notes");
            c.notes().forEach(crashNotes::add);
        });
        if (figures.cpu().isPresent()) {
            CpuFigures cpu = figures.cpu().get();
            ObjectNode node = root.putObject("cpu");
            window(node.putObject("run"), cpu.run());
            ArrayNode cpuWaves = node.putArray("waves");
            cpu.waves().forEach((wave, window) -> window(cpuWaves.addObject().put("wave", wave), window));
        } else {
            root.putNull("cpu");
        }
        ArrayNode notes = root.putArray("notes");
        figures.notes().forEach(notes::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the demo figures as JSON", e);
        }
    }

    /** Writes {@link #html()} to this file (UTF-8), replacing it; blocks while writing. */
    public void writeHtml(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    /**
     * One self-contained HTML page: the charts (wait-time and rating-gap distributions, per-wave
     * phase latencies) as inline SVG, the tables of the text report, inline CSS; no script and
     * nothing fetched from the network.
     */
    public String html() {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>matchwave demo report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<main>\n<h1>matchwave demo report</h1>\n<p class=\"lead\">").append(escape(headline()))
                .append("</p>\n");
        List<String> missed = missedNames();
        h.append(missed.isEmpty()
                ? "<p class=\"verdict ok\">Every target met.</p>\n"
                : "<p class=\"verdict miss\">Missed: " + escape(String.join(", ", missed)) + "</p>\n");
        h.append("<section class=\"charts\">\n");
        chart(h, "Wait times of matched players", waitChart());
        chart(h, "Rating gaps of matches", gapChart());
        chart(h, "Phase 1 latency per wave (\"match found\")", phaseChart(true));
        chart(h, "Phase 2 latency per wave (match details)", phaseChart(false));
        h.append("</section>\n");
        for (Table table : tables()) {
            htmlTable(h, table);
        }
        if (!figures.notes().isEmpty()) {
            h.append("<section>\n<h2>Notes</h2>\n<ul>\n");
            figures.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /** HTML text escaping, for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---- shared by text and HTML

    private String headline() {
        return "matchwave demo: " + figures.players() + " players, " + figures.waves().size() + "/"
                + figures.plannedWaves() + " waves, seed " + figures.seed() + ", started "
                + figures.startedAt() + ", ran " + seconds(figures.runDuration()) + " s; "
                + figures.totalMatches() + " matches of " + figures.totalMaxPairs() + " possible";
    }

    private List<Table> tables() {
        List<Table> tables = new ArrayList<>(List.of(waveTable(), distributionTable(), outcomeTable(), flowTable(),
                requestTable()));
        figures.crash().ifPresent(crash -> tables.add(crashTable(crash)));
        figures.cpu().ifPresent(cpu -> tables.add(cpuTable(cpu)));
        return tables;
    }

    /** The crash as the players saw it; what should be zero is held against zero. */
    private static Table crashTable(CrashFigures c) {
        List<Table.Row> rows = new ArrayList<>();
        rows.add(Table.Row.of("killed after wave", String.valueOf(c.wave()), c.standby() ? "a standby took over"
                : "a new bot was started"));
        rows.add(Table.Row.of("downtime (ms)", c.downtimeMs() < 0 ? "never up" : String.valueOf(c.downtimeMs()),
                "kill to the new bot connected, ladder started"));
        rows.add(Table.Row.of("queued before", String.valueOf(c.queuedBefore()), "searching at the kill"));
        boolean queuedMissed = c.queuedAfter() < c.queuedBefore();
        rows.add(new Table.Row(List.of("queued after", String.valueOf(c.queuedAfter()),
                "still queued or matched later: " + c.queuedBefore()), queuedMissed, queuedMissed ? MISSED : "met"));
        rows.add(zeroTarget("lost players", c.lost()));
        rows.add(zeroTarget("matched twice", c.doubleMatched()));
        rows.add(Table.Row.of("owed at the kill", String.valueOf(c.notificationsOwed()),
                "the crash wave's \"match found\" and match messages unseen; the bot's outbox: " + c.botOwedAtHalt()));
        boolean undelivered = c.notificationsDelivered() < c.notificationsOwed();
        rows.add(new Table.Row(List.of("delivered after", String.valueOf(c.notificationsDelivered()),
                "all owed: " + c.notificationsOwed()), undelivered, undelivered ? MISSED : "met"));
        rows.add(zeroTarget("seen twice", c.duplicatesSeen()));
        rows.add(Table.Row.of("nonce replays", String.valueOf(c.nonceReplays()),
                "creates Discord answered with the first message"));
        rows.add(Table.Row.of("interactions retried", String.valueOf(c.retriedInteractions()),
                "clicks and commands sent again (no answer while down)"));
        return new Table("Crash (counted from what the players saw)", List.of("figure", "count", "target"), rows);
    }

    private Table waveTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (WaveResult w : figures.waves()) {
            long[] gaps = ints(w.ratingGaps());
            Spread waits = w.waitSpread();
            rows.add(new Table.Row(List.of(String.valueOf(w.wave()), TIME.format(w.at()), String.valueOf(w.queued()),
                    String.valueOf(w.matches()), String.valueOf(w.maxPairs()),
                    gaps.length == 0 ? "-" : String.valueOf(Spread.nearestRank(gaps, 50)),
                    gaps.length == 0 ? "-" : String.valueOf(gaps[gaps.length - 1]),
                    waits.count() == 0 ? "-" : seconds(waits.p50()), waits.count() == 0 ? "-" : seconds(waits.max()),
                    millis(w.phase1().p95()), millis(w.phase1().max()), millis(w.phase2().p95()),
                    millis(w.phase2().max()), w.start().count() == 0 ? "-" : millis(w.start().p95()),
                    w.start().count() == 0 ? "-" : millis(w.start().max())), false,
                    w.belowMaximum() ? "below max" : ""));
        }
        rows.add(Table.Row.of("total", "", "", String.valueOf(figures.totalMatches()),
                String.valueOf(figures.totalMaxPairs()), "", "", "", "", "", "", "", "", "", ""));
        return new Table("Waves (waits in s; phase 1, phase 2 and start latencies in ms)", List.of("wave", "time (UTC)", "queued",
                "matches", "max pairs", "gap p50", "gap max", "wait p50", "wait max", "ph1 p95", "ph1 max", "ph2 p95",
                "ph2 max", "start p95", "start max"), rows);
    }

    private Table distributionTable() {
        long[] gaps = ints(figures.allRatingGaps());
        Spread waits = Spread.of(figures.allWaits());
        List<Table.Row> rows = new ArrayList<>();
        rows.add(gaps.length == 0 ? Table.Row.of("rating gap", "0", "-", "-", "-")
                : Table.Row.of("rating gap", String.valueOf(gaps.length), String.valueOf(Spread.nearestRank(gaps, 50)),
                        String.valueOf(Spread.nearestRank(gaps, 95)), String.valueOf(gaps[gaps.length - 1])));
        rows.add(waits.count() == 0 ? Table.Row.of("wait (s)", "0", "-", "-", "-")
                : Table.Row.of("wait (s)", String.valueOf(waits.count()), seconds(waits.p50()), seconds(waits.p95()),
                        seconds(waits.max())));
        return new Table("Distributions over all waves", List.of("figure", "count", "p50", "p95", "max"), rows);
    }

    private Table outcomeTable() {
        MatchOutcomes o = figures.outcomes();
        return new Table("Matches", List.of("made", "confirmed", "aborted", "timed out", "completed", "conflicts"),
                List.of(Table.Row.of(String.valueOf(figures.totalMatches()), String.valueOf(o.confirmed()),
                        String.valueOf(o.aborted()), String.valueOf(o.timedOut()), String.valueOf(o.completed()),
                        String.valueOf(o.conflicts()))));
    }

    private Table flowTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (FlowFigures f : figures.flows()) {
            Spread s = f.latency();
            String target = f.target().map(DemoReport::millis).orElse("-");
            String mark = f.target().isEmpty() ? "" : f.missed() ? MISSED + ": p95 above target" : "met";
            rows.add(new Table.Row(List.of(f.name(), String.valueOf(s.count()), millis(s.p50()), millis(s.p95()),
                    millis(s.max()), target, f.target().isEmpty() ? "-" : String.valueOf(f.overTarget())),
                    f.missed(), mark));
        }
        return new Table("Command flows, server side", List.of("flow", "count", "p50 ms", "p95 ms", "max ms",
                "target ms", "over target"), rows);
    }

    private static void window(ObjectNode n, CpuFigures.Window w) {
        n.put("lengthMs", ms(w.length()));
        n.put("applicationMs", ms(w.application()));
        n.put("jitMs", ms(w.jit()));
        n.put("gcMs", ms(w.gc()));
        n.put("otherProcessesMs", ms(w.otherProcesses()));
        n.put("jitSharePct", Math.round(1000 * w.jitShare()) / 10.0);
        n.put("machineBusyPct", Math.round(1000 * w.machineBusy()) / 10.0);
    }

    private Table cpuTable(CpuFigures cpu) {
        List<Table.Row> rows = new ArrayList<>();
        cpu.waves().forEach((wave, w) -> rows.add(cpuRow("wave " + wave, w)));
        rows.add(cpuRow("whole run", cpu.run()));
        return new Table("CPU time, in seconds of one core (this JVM: the bot, the local Discord and the players;"
                + " other processes: PostgreSQL mostly)", List.of("window", "length s", "application s", "JIT s",
                "collector s", "JIT share", "other processes s", "machine busy"), rows);
    }

    private static Table.Row cpuRow(String label, CpuFigures.Window w) {
        return Table.Row.of(label, seconds(w.length()), cpuSeconds(w.application()), cpuSeconds(w.jit()),
                cpuSeconds(w.gc()), percent(w.jitShare()), cpuSeconds(w.otherProcesses()), percent(w.machineBusy()));
    }

    private static String cpuSeconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1_000_000_000.0);
    }

    private static String percent(double share) {
        return Math.round(100 * share) + " %";
    }

    private Table requestTable() {
        RequestFigures r = figures.requests();
        List<Table.Row> rows = new ArrayList<>();
        r.perRouteClass().forEach((routeClass, count) -> rows.add(Table.Row.of(routeClass, String.valueOf(count), "")));
        rows.add(Table.Row.of("total", String.valueOf(r.total()), ""));
        rows.add(zeroTarget("429 global", r.globalRateLimited()));
        rows.add(zeroTarget("429 route", r.routeRateLimited()));
        rows.add(zeroTarget("invalid", r.invalid()));
        return new Table("Requests to Discord", List.of("requests", "count", "target"), rows);
    }

    private static Table.Row zeroTarget(String label, long count) {
        boolean missed = count > 0;
        return new Table.Row(List.of(label, String.valueOf(count), "0"), missed, missed ? MISSED : "met");
    }

    private List<String> missedNames() {
        List<String> names = new ArrayList<>();
        figures.missedFlows().forEach(f -> names.add(f.name()));
        RequestFigures r = figures.requests();
        if (r.rateLimited() > 0) {
            names.add(r.rateLimited() + " rate-limited (429)");
        }
        if (r.invalid() > 0) {
            names.add(r.invalid() + " invalid requests");
        }
        figures.crash().ifPresent(c -> {
            if (c.lost() > 0) {
                names.add(c.lost() + " players lost in the crash");
            }
            if (c.doubleMatched() > 0) {
                names.add(c.doubleMatched() + " players matched twice");
            }
            if (c.notificationsDelivered() < c.notificationsOwed()) {
                names.add((c.notificationsOwed() - c.notificationsDelivered()) + " owed messages never seen");
            }
            if (c.duplicatesSeen() > 0) {
                names.add(c.duplicatesSeen() + " messages seen twice");
            }
            if (c.queuedAfter() < c.queuedBefore()) {
                names.add((c.queuedBefore() - c.queuedAfter()) + " queued players not queued after the crash");
            }
        });
        return names;
    }

    // ---- HTML parts

    private String waitChart() {
        long[] waitMillis = figures.allWaits().stream().mapToLong(Duration::toMillis).toArray();
        List<SvgChart.Bar> bars = SvgChart.histogram(waitMillis, 100, false, DemoReport::shortSeconds, "s");
        return SvgChart.bars("Wait times of matched players", "players", bars.stream().map(SvgChart.Bar::label).toList(),
                List.of(new SvgChart.Series("matched players by wait (s)", "s1", bars)));
    }

    private String gapChart() {
        long[] gaps = figures.allRatingGaps().stream().mapToLong(Integer::longValue).toArray();
        List<SvgChart.Bar> bars = SvgChart.histogram(gaps, 1, true, String::valueOf, "rating points");
        return SvgChart.bars("Rating gaps of matches", "matches", bars.stream().map(SvgChart.Bar::label).toList(),
                List.of(new SvgChart.Series("matches by rating gap (points)", "s2", bars)));
    }

    private String phaseChart(boolean first) {
        List<String> labels = new ArrayList<>();
        List<SvgChart.Bar> p50 = new ArrayList<>();
        List<SvgChart.Bar> p95 = new ArrayList<>();
        for (WaveResult w : figures.waves()) {
            Spread s = first ? w.phase1() : w.phase2();
            String label = "wave " + w.wave();
            labels.add(String.valueOf(w.wave()));
            p50.add(new SvgChart.Bar(label, ms(s.p50()), Double.NaN, label + ": p50 " + millis(s.p50()) + " ms"));
            p95.add(new SvgChart.Bar(label, ms(s.p95()), ms(s.max()),
                    label + ": p95 " + millis(s.p95()) + " ms, max " + millis(s.max()) + " ms (tick)"));
        }
        String title = first ? "Phase 1 latency per wave" : "Phase 2 latency per wave";
        return SvgChart.bars(title, "ms", labels, List.of(new SvgChart.Series("p50", "s1", p50),
                new SvgChart.Series("p95 (tick: max)", "s3", p95)));
    }

    private static void chart(StringBuilder h, String caption, String svg) {
        h.append("<figure>\n").append(svg).append("\n<figcaption>").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static void htmlTable(StringBuilder h, Table table) {
        boolean marks = table.hasMarks();
        h.append("<section>\n<h2>").append(escape(table.title())).append("</h2>\n<table>\n<thead><tr>");
        for (String header : table.headers()) {
            h.append("<th>").append(escape(header)).append("</th>");
        }
        if (marks) {
            h.append("<th></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            h.append(row.missed() ? "<tr class=\"miss\">" : "<tr>");
            for (String cell : row.cells()) {
                h.append("<td>").append(escape(cell)).append("</td>");
            }
            if (marks) {
                h.append("<td class=\"mark\">").append(escape(row.mark())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static final String CSS = """
            :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --miss: #c81e1e; }
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
                   background: #f5f7fa; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 1.6em; margin: 0 0 4px; }
            h2 { font-size: 1.15em; margin: 28px 0 8px; }
            .lead { color: var(--muted); margin: 0 0 12px; }
            .verdict { display: inline-block; padding: 4px 10px; border-radius: 4px; font-weight: 600; }
            .verdict.ok { background: #e3f9e5; color: #0e5a2a; }
            .verdict.miss { background: #ffe3e3; color: var(--miss); }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px;
                      margin-top: 16px; }
            figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
            figcaption { color: var(--muted); font-size: 0.9em; text-align: center; }
            svg.chart { width: 100%; height: auto; }
            .grid { stroke: var(--line); stroke-width: 1; }
            .base { stroke: var(--muted); stroke-width: 1; }
            .axis, .legend, .empty { font-size: 11px; fill: var(--muted); }
            .s1 { fill: #3b82c4; stroke: #1f5f99; }
            .s2 { fill: #8e6fd8; stroke: #5b3fa6; }
            .s3 { fill: #f0a04b; stroke: #b36b12; }
            line.tick { stroke-width: 2; }
            table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: 0.92em;
                    font-variant-numeric: tabular-nums; }
            th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            th { background: #eef2f7; font-weight: 600; }
            tr.miss td { color: var(--miss); font-weight: 600; }
            td.mark { text-align: left; color: var(--muted); }
            tr.miss td.mark { color: var(--miss); }
            """;

    // ---- numbers

    private static void spread(ObjectNode node, Spread s) {
        node.put("count", s.count());
        node.put("p50Ms", ms(s.p50()));
        node.put("p95Ms", ms(s.p95()));
        node.put("maxMs", ms(s.max()));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", ms(d));
    }

    /** Whole seconds without decimals (a chart label), else one decimal. */
    private static String shortSeconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : seconds(Duration.ofMillis(millis));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1_000_000_000.0);
    }

    private static long[] ints(List<Integer> values) {
        long[] sorted = values.stream().mapToLong(Integer::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
