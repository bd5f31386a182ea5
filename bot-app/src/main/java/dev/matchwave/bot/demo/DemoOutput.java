package dev.matchwave.bot.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns a run's {@link OfflineDemo.Outcome} into what the user sees: the closing report (or
 * one JSON object with {@code --json}) and the HTML report's path.
 */
public final class DemoOutput {

    private DemoOutput() {
    }

    /** Prints the outcome; returns the exit code (1 when the run had problems that make its figures doubtful). */
    public static int print(OfflineDemo.Outcome outcome, DemoOptions options, PrintStream out, PrintStream err) {
        PrintStream text = options.json() ? err : out;
        text.printf(Locale.ROOT, "demo finished in %.1f s: %d waves, %s%n", outcome.duration().toMillis() / 1000.0,
                outcome.waves().size(), outcome.requests().summary());
        for (WaveLedger.CountedWave wave : outcome.waves()) {
            PairingBound bound = wave.boundNow();
            text.printf(Locale.ROOT, "wave %d: %d queued, %d matches, max %d, greedy %d, seen p1 max %s, p2 max %s%n",
                    wave.index, wave.wave.queued(), wave.matches.size(), bound.maxPairs(), bound.greedyPairs(),
                    max(wave.phase1Seen), max(wave.phase2Seen));
        }
        outcome.flows().forEach((flow, times) -> text.printf(Locale.ROOT, "flow %s: %d, max %s%n", flow, times.size(),
                max(times)));
        text.println("outcomes: " + outcome.matchOutcomes().values().stream()
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()))
                + " planned " + outcome.plannedOutcomes());
        outcome.problems().forEach(p -> err.println("demo problem: " + p));
        return outcome.problems().isEmpty() ? 0 : 1;
    }

    private static String max(List<Duration> list) {
        synchronized (list) {
            return list.stream().max(Duration::compareTo).map(d -> d.toMillis() + " ms").orElse("-");
        }
    }
}
