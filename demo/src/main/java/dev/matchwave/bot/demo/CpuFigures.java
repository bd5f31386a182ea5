package dev.matchwave.bot.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the demo's CPU time went, read from Linux's {@code /proc} while it ran
 * ({@link CpuSampler}): this JVM's threads by kind, and the rest of the machine. Immutable.
 *
 * <p>The demo's JVM holds the bot, the local Discord and the scripted players; the other
 * processes are mostly PostgreSQL. Each wave's window runs from the wave to the next one (at
 * most the wave interval), so it holds the wave's "match found", confirms and, since the
 * scripted players play their games in no time, the results too.
 *
 * @param waves the windows of the waves, by wave number
 * @param run   the whole run
 */
public record CpuFigures(Map<Integer, Window> waves, Window run) {

    public CpuFigures {
        Objects.requireNonNull(waves, "waves");
        TreeMap<Integer, Window> copy = new TreeMap<>();
        waves.forEach((wave, window) -> {
            if (wave < 1) {
                throw new IllegalArgumentException("wave numbers start at 1, got " + wave);
            }
            copy.put(wave, Objects.requireNonNull(window, "the window of wave " + wave));
        });
        waves = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(run, "run");
    }

    /**
     * CPU time in one stretch of wall time. Times are CPU time added over all cores, so a busy
     * two-core machine spends two seconds of it in one second.
     *
     * @param length         the wall time of the window
     * @param application    this JVM's threads other than the JIT compiler's and the collector's:
     *                       the bot, the local Discord, the scripted players, and their libraries
     * @param jit            the JIT compiler's threads (HotSpot's C1 and C2)
     * @param gc             the garbage collector's threads
     * @param otherProcesses every other process of the machine: PostgreSQL, mostly
     * @param machineBusy    the share of the machine's cores that were busy, 0 to 1
     */
    public record Window(Duration length, Duration application, Duration jit, Duration gc, Duration otherProcesses,
                         double machineBusy) {

        public Window {
            Spread.requireNotNegative("length", length);
            Spread.requireNotNegative("application", application);
            Spread.requireNotNegative("jit", jit);
            Spread.requireNotNegative("gc", gc);
            Spread.requireNotNegative("otherProcesses", otherProcesses);
            if (!(machineBusy >= 0 && machineBusy <= 1)) {
                throw new IllegalArgumentException("machineBusy must lie between 0 and 1, got " + machineBusy);
            }
        }

        /** This JVM's CPU time: application, JIT and collector. */
        public Duration process() {
            return application.plus(jit).plus(gc);
        }

        /** The JIT compiler's share of this JVM's CPU time, 0 to 1 (0 when the JVM used none). */
        public double jitShare() {
            long process = process().toNanos();
            return process == 0 ? 0 : (double) jit.toNanos() / process;
        }
    }
}
