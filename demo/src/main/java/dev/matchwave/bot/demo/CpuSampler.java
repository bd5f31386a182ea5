package dev.matchwave.bot.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads where this JVM's CPU time goes, thread kind by thread kind (the JIT compiler, the
 * collector, the rest), and how busy the machine is, each time {@link #sample} is called; then
 * gives the figures of any stretch of the run ({@link #window}). The demo samples every 200 ms
 * from a timer of its own.
 *
 * <p>The counters are Linux's ({@code /proc/self/stat}, {@code /proc/self/task/<tid>/stat},
 * {@code /proc/stat}), in clock ticks of 10 ms. A thread's ticks count for its kind from the
 * reading in which it is first seen; a thread that ends between two readings loses what it
 * spent after the last one. The kinds go by HotSpot's thread names: {@code C1 CompilerThre...}
 * and {@code C2 CompilerThre...} are the JIT; {@code GC Thread#...} and {@code G1 ...} are the
 * collector (G1, Parallel, Serial); everything else is the application.
 *
 * <p>Thread-safe: {@link #sample} and {@link #window} may be called from any threads; each
 * blocks while it reads the files or the readings.
 */
final class CpuSampler {

    /** Linux's USER_HZ: the unit of {@code /proc}'s CPU times is fixed at 1/100 s for user space. */
    static final Duration TICK = Duration.ofMillis(10);

    /** The kind of a thread, by its name. */
    enum Kind {
        JIT, GC, APPLICATION;

        static Kind of(String threadName) {
            if (threadName.contains("CompilerThre")) {
                return JIT;
            }
            if (threadName.startsWith("GC Thread#") || threadName.startsWith("G1 ")) {
                return GC;
            }
            return APPLICATION;
        }
    }

    /** One thread's name and its CPU time so far, in ticks. */
    record Task(String name, long ticks) {
    }

    /**
     * One reading of the counters.
     *
     * @param process     this process's CPU time so far, every thread that ever ran included, in ticks
     * @param tasks       the live threads, by thread id
     * @param machineBusy the machine's busy time so far, all cores added, in ticks
     * @param cores       the machine's cores
     */
    record Reading(long process, Map<Long, Task> tasks, long machineBusy, int cores) {
        Reading {
            tasks = Map.copyOf(tasks);
            if (cores < 1) {
                throw new IllegalArgumentException("cores must be at least 1, got " + cores);
            }
        }
    }

    /** Where the readings come from; empty where there is nothing to read (not Linux). */
    @FunctionalInterface
    interface Source {
        Optional<Reading> read() throws IOException;

        /** This process's counters under {@code procRoot} (Linux: {@code /proc}). */
        static Source proc(Path procRoot) {
            return new ProcSource(procRoot);
        }
    }

    /** Totals from the first reading to one reading, in ticks; guarded by the sampler's lock. */
    private record Point(Instant at, long jit, long gc, long process, long machine) {
    }

    private final Source source;
    private final InstantSource clock;
    private final Object lock = new Object();
    private final Map<Long, Long> lastTicks = new HashMap<>();
    private final List<Point> points = new ArrayList<>();
    private long jit;
    private long gc;
    private long firstProcess;
    private long firstMachine;
    private int cores;
    private Optional<String> failure = Optional.empty();

    CpuSampler(Source source, InstantSource clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one reading. A reading that fails is remembered ({@link #failure}) and the sampler stops taking more. */
    void sample() {
        synchronized (lock) {
            if (failure.isPresent()) {
                return;
            }
            Optional<Reading> read;
            try {
                read = source.read();
            } catch (IOException | RuntimeException e) {
                failure = Optional.of("the CPU counters could not be read: " + e);
                return;
            }
            if (read.isEmpty()) {
                failure = Optional.of("no CPU counters on this system (Linux's /proc is read)");
                return;
            }
            add(read.get(), clock.instant());
        }
    }

    private void add(Reading reading, Instant at) {
        boolean first = points.isEmpty();
        if (first) {
            firstProcess = reading.process();
            firstMachine = reading.machineBusy();
            cores = reading.cores();
        }
        reading.tasks().forEach((tid, task) -> {
            Long before = lastTicks.put(tid, task.ticks());
            if (first) {
                return; // what it spent before the run's first reading is not the run's
            }
            // A thread id the system gave again to a new thread starts from zero.
            long spent = before == null || before > task.ticks() ? task.ticks() : task.ticks() - before;
            switch (Kind.of(task.name())) {
                case JIT -> jit += spent;
                case GC -> gc += spent;
                case APPLICATION -> { }
            }
        });
        lastTicks.keySet().retainAll(reading.tasks().keySet());
        points.add(new Point(at, jit, gc, reading.process() - firstProcess, reading.machineBusy() - firstMachine));
    }

    /** Why there are no figures, if there are none. */
    Optional<String> failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /**
     * The figures from the last reading at or before {@code from} (the first one if none) to the
     * first reading at or after {@code to} (the last one if none); empty without two readings
     * in that stretch.
     */
    Optional<CpuFigures.Window> window(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        synchronized (lock) {
            if (points.size() < 2) {
                return Optional.empty();
            }
            Point start = points.get(0);
            Point end = points.get(points.size() - 1);
            for (Point p : points) {
                if (!p.at().isAfter(from)) {
                    start = p;
                }
                if (!p.at().isBefore(to)) {
                    end = p;
                    break;
                }
            }
            if (!end.at().isAfter(start.at())) {
                return Optional.empty();
            }
            long jitTicks = end.jit() - start.jit();
            long gcTicks = end.gc() - start.gc();
            long processTicks = end.process() - start.process();
            long machineTicks = end.machine() - start.machine();
            Duration length = Duration.between(start.at(), end.at());
            double capacity = length.toNanos() * (double) cores / TICK.toNanos();
            return Optional.of(new CpuFigures.Window(length,
                    ticks(Math.max(0, processTicks - jitTicks - gcTicks)), ticks(jitTicks), ticks(gcTicks),
                    ticks(Math.max(0, machineTicks - processTicks)),
                    Math.min(1, Math.max(0, machineTicks / capacity))));
        }
    }

    /** The whole run: from the first reading to the last. */
    Optional<CpuFigures.Window> run() {
        synchronized (lock) {
            return points.isEmpty() ? Optional.empty() : window(points.get(0).at(), points.get(points.size() - 1).at());
        }
    }

    private static Duration ticks(long ticks) {
        return TICK.multipliedBy(ticks);
    }

    /** Linux's {@code /proc}: see the class comment. */
    private static final class ProcSource implements Source {
        private final Path root;

        ProcSource(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        @Override
        public Optional<Reading> read() throws IOException {
            Path self = root.resolve("self");
            if (!Files.isRegularFile(self.resolve("stat"))) {
                return Optional.empty();
            }
            long process = stat(Files.readString(self.resolve("stat"), StandardCharsets.US_ASCII)).ticks();
            Map<Long, Task> tasks = new HashMap<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(self.resolve("task"))) {
                for (Path dir : dirs) {
                    long tid;
                    try {
                        tid = Long.parseLong(dir.getFileName().toString());
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    String line;
                    try {
                        line = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        continue; // the thread ended after the listing (no such file, or no such process)
                    }
                    tasks.put(tid, stat(line));
                }
            }
            long busy = 0;
            int cores = 0;
            for (String line : Files.readAllLines(root.resolve("stat"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("cpu ")) {
                    busy = machineBusy(line);
                } else if (line.startsWith("cpu")) {
                    cores++;
                }
            }
            if (cores == 0) {
                throw new IOException(root.resolve("stat") + " names no cpu lines");
            }
            return Optional.of(new Reading(process, tasks, busy, cores));
        }

        /**
         * A {@code stat} line: the name lies between the first "(" and the last ")" (it may hold
         * either); utime and stime are the 12th and 13th fields after it (proc(5)).
         */
        static Task stat(String line) throws IOException {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IOException("not a stat line: " + line.strip());
            }
            String[] fields = line.substring(close + 1).trim().split("\\s+");
            if (fields.length < 13) {
                throw new IOException("a stat line with " + fields.length + " fields after the name: " + line.strip());
            }
            try {
                return new Task(line.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (NumberFormatException e) {
                throw new IOException("a stat line whose CPU times are not numbers: " + line.strip(), e);
            }
        }

        /** The "cpu" line of /proc/stat: user to steal, less idle and iowait (guest time is in user already). */
        static long machineBusy(String line) throws IOException {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 9) {
                throw new IOException("a cpu line with too few fields: " + line.strip());
            }
            try {
                long total = 0;
                for (int i = 1; i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
            } catch (NumberFormatException e) {
                throw new IOException("a cpu line whose times are not numbers: " + line.strip(), e);
            }
        }
    }
}
