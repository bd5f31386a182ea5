package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSamplerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    /** A stat line as proc(5) writes it, with these user and system ticks. */
    private static String stat(long tid, String name, long user, long system) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + user + " " + system
                + " 0 0 20 0 42 0 1000 1000000 100 18446744073709551615\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void readsTheProcessItsThreadsAndTheMachineFromProc(@TempDir Path proc) throws IOException {
        write(proc.resolve("self/stat"), stat(7, "java", 150, 30));
        write(proc.resolve("self/task/7/stat"), stat(7, "java", 1, 1));
        write(proc.resolve("self/task/8/stat"), stat(8, "C2 CompilerThre", 60, 4));
        write(proc.resolve("self/task/9/stat"), stat(9, "GC Thread#0", 9, 1));
        // A thread may name itself with parentheses and spaces.
        write(proc.resolve("self/task/10/stat"), stat(10, "odd (name)) x", 20, 5));
        write(proc.resolve("stat"), """
                cpu  1000 50 300 9000 70 10 20 5 0 0
                cpu0 500 25 150 4500 35 5 10 2 0 0
                cpu1 500 25 150 4500 35 5 10 3 0 0
                intr 12345
                """);

        CpuSampler.Reading reading = CpuSampler.Source.proc(proc).read().orElseThrow();

        assertThat(reading.process()).isEqualTo(180);
        assertThat(reading.tasks()).containsOnly(
                Map.entry(7L, new CpuSampler.Task("java", 2)),
                Map.entry(8L, new CpuSampler.Task("C2 CompilerThre", 64)),
                Map.entry(9L, new CpuSampler.Task("GC Thread#0", 10)),
                Map.entry(10L, new CpuSampler.Task("odd (name)) x", 25)));
        // user + nice + system + irq + softirq + steal; idle and iowait are not busy.
        assertThat(reading.machineBusy()).isEqualTo(1000 + 50 + 300 + 10 + 20 + 5);
        assertThat(reading.cores()).isEqualTo(2);
    }

    @Test
    void withoutProcThereAreNoFiguresAndTheReasonSaysWhy(@TempDir Path empty) {
        CpuSampler sampler = new CpuSampler(CpuSampler.Source.proc(empty), new ManualClock(T0));

        sampler.sample();
        sampler.sample();

        assertThat(sampler.run()).isEmpty();
        assertThat(sampler.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("/proc"));
    }

    @Test
    void aGarbledStatFileStopsTheSamplerWithAReasonThatQuotesIt(@TempDir Path proc) throws IOException {
        write(proc.resolve("self/stat"), "7 java S 1 2 3\n");
        write(proc.resolve("stat"), "cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
        CpuSampler sampler = new CpuSampler(CpuSampler.Source.proc(proc), new ManualClock(T0));

        sampler.sample();

        assertThat(sampler.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("not a stat line").contains("7 java S 1 2 3"));
        assertThat(sampler.run()).isEmpty();
    }

    private static CpuSampler.Reading reading(long process, long machine, Map<Long, CpuSampler.Task> tasks) {
        return new CpuSampler.Reading(process, tasks, machine, 2);
    }

    private static CpuSampler.Task task(String name, long ticks) {
        return new CpuSampler.Task(name, ticks);
    }

    /** Three readings a second apart; between the second and third the C2 thread ends and a C1 one starts. */
    private static CpuSampler sampled(ManualClock clock) {
        Deque<CpuSampler.Reading> readings = new ArrayDeque<>(List.of(
                reading(100, 500, Map.of(1L, task("C2 CompilerThre", 50), 2L, task("GC Thread#0", 10),
                        3L, task("main", 40))),
                reading(180, 700, Map.of(1L, task("C2 CompilerThre", 90), 2L, task("GC Thread#0", 15),
                        3L, task("main", 75))),
                reading(260, 850, Map.of(2L, task("GC Thread#0", 20), 3L, task("main", 100),
                        4L, task("C1 CompilerThre", 30)))));
        CpuSampler sampler = new CpuSampler(() -> Optional.of(readings.pop()), clock);
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        sampler.sample();
        return sampler;
    }

    @Test
    void eachWindowSplitsTheProcessByThreadKindAndCountsTheRestOfTheMachine() {
        CpuSampler sampler = sampled(new ManualClock(T0));

        CpuFigures.Window first = sampler.window(T0, T0.plusSeconds(1)).orElseThrow();
        assertThat(first.length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(first.jit()).isEqualTo(Duration.ofMillis(400));
        assertThat(first.gc()).isEqualTo(Duration.ofMillis(50));
        assertThat(first.application()).isEqualTo(Duration.ofMillis(800 - 400 - 50));
        assertThat(first.otherProcesses()).isEqualTo(Duration.ofMillis(2000 - 800));
        assertThat(first.machineBusy()).isEqualTo(1.0);
        assertThat(first.jitShare()).isEqualTo(0.5);

        // The C2 thread's ticks after its last reading are lost; the new C1 thread counts from zero.
        CpuFigures.Window second = sampler.window(T0.plusSeconds(1), T0.plusSeconds(2)).orElseThrow();
        assertThat(second.jit()).isEqualTo(Duration.ofMillis(300));
        assertThat(second.gc()).isEqualTo(Duration.ofMillis(50));
        assertThat(second.application()).isEqualTo(Duration.ofMillis(800 - 300 - 50));
        assertThat(second.otherProcesses()).isEqualTo(Duration.ofMillis(1500 - 800));
        assertThat(second.machineBusy()).isEqualTo(0.75);

        CpuFigures.Window run = sampler.run().orElseThrow();
        assertThat(run.length()).isEqualTo(Duration.ofSeconds(2));
        assertThat(run.jit()).isEqualTo(Duration.ofMillis(700));
        assertThat(run.process()).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void aWindowBetweenReadingsWidensToTheReadingsAroundIt() {
        CpuSampler sampler = sampled(new ManualClock(T0));

        CpuFigures.Window inside = sampler.window(T0.plusMillis(300), T0.plusMillis(700)).orElseThrow();

        assertThat(inside.length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(inside.jit()).isEqualTo(Duration.ofMillis(400));
        assertThatThrownBy(() -> sampler.window(T0.plusSeconds(2), T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends");
    }

    @Test
    void aThreadIdGivenAgainCountsFromZero() {
        ManualClock clock = new ManualClock(T0);
        Deque<CpuSampler.Reading> readings = new ArrayDeque<>(List.of(
                reading(0, 0, Map.of(5L, task("C2 CompilerThre", 500))),
                reading(20, 100, Map.of(5L, task("C2 CompilerThre", 20)))));
        CpuSampler sampler = new CpuSampler(() -> Optional.of(readings.pop()), clock);
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        sampler.sample();

        assertThat(sampler.run().orElseThrow().jit()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void eachWaveRunsToTheNextWaveOrOneIntervalWhicheverComesFirst() {
        ManualClock clock = new ManualClock(T0);
        CpuSampler sampler = sampled(clock);
        List<WaveResult> waves = List.of(
                new WaveResult(1, T0, 4, 0, 0, List.of(), List.of(), Spread.NONE, Spread.NONE),
                new WaveResult(2, T0.plusSeconds(1), 4, 0, 0, List.of(), List.of(), Spread.NONE, Spread.NONE));

        CpuFigures cpu = OfflineDemo.cpuFigures(sampler, waves, Duration.ofSeconds(4)).orElseThrow();

        assertThat(cpu.waves()).containsOnlyKeys(1, 2);
        assertThat(cpu.waves().get(1).jit()).isEqualTo(Duration.ofMillis(400));
        // Wave 2's interval reaches past the last reading: it ends there.
        assertThat(cpu.waves().get(2).jit()).isEqualTo(Duration.ofMillis(300));
        assertThat(cpu.run().jit()).isEqualTo(Duration.ofMillis(700));
    }
}
