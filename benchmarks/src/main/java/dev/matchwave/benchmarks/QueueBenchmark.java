package dev.matchwave.benchmarks;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.LeaveResult;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.time.ManualClock;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * QueueService join + leave on one thread, with the default config (10 joins a minute per
 * player, enforced) and a queue of {@code queued} other players waiting meanwhile.
 *
 * <p>One invocation is a join and a leave of one player: the score counts each as an
 * operation (target: 1,000,000 a second). Players cycle through 65,536 ids with the reference
 * ladder's seat mix (40% BW only, 40% SC2 only, 20% both; ratings normal around 1500, sd 300);
 * the virtual clock moves a minute each time round, so no join is refused and the join limit
 * is checked, not bypassed.
 *
 * <p>Run: {@code ./matchwave bench QueueBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {

    private static final int PLAYERS = 1 << 16;

    /** Two sides, like the reference ladder; the benchmark never pairs. */
    private static final MatchRules RULES = new MatchRules() {
        @Override
        public String name() {
            return "benchmark";
        }

        @Override
        public boolean sidesMeet(String firstSide, String secondSide) {
            return firstSide.equals("bw") && secondSide.equals("sc2");
        }

        @Override
        public int window(int waitCycles) {
            return 100 + 50 * waitCycles;
        }
    };

    @Param({"0", "10000"})
    public int queued;

    private ManualClock clock;
    private QueueService service;
    private PlayerId[] ids;
    private List<Seat>[] seats;
    private int next;
    private long refused;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        clock = ManualClock.atEpochSecond(1_700_000_000L);
        service = QueueService.builder(RULES, (queue, rules) -> new Pairing(List.of(), queue)).clock(clock).build();
        Random random = new Random(42);
        ids = new PlayerId[PLAYERS];
        seats = new List[PLAYERS];
        for (int i = 0; i < PLAYERS; i++) {
            ids[i] = PlayerId.of(i);
            seats[i] = seats(random);
        }
        for (int i = 0; i < queued; i++) {
            service.join(PlayerId.of(1_000_000L + i), seats(random), Preferences.NONE);
        }
    }

    /** The figure would mean nothing if joins had been refused (cheaper than accepted ones). */
    @TearDown(Level.Trial)
    public void check() {
        if (refused > 0 || service.size() != queued) {
            throw new IllegalStateException(refused + " joins refused, " + service.size() + " queued at the end");
        }
    }

    private static List<Seat> seats(Random random) {
        Seat bw = new Seat("bw", "bw_zerg", (int) Math.round(1500 + 300 * random.nextGaussian()));
        Seat sc2 = new Seat("sc2", "sc2_terran", (int) Math.round(1500 + 300 * random.nextGaussian()));
        double draw = random.nextDouble();
        return draw < 0.4 ? List.of(bw) : draw < 0.8 ? List.of(sc2) : List.of(bw, sc2);
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void joinAndLeave(Blackhole blackhole) {
        int i = next;
        next = (i + 1) & (PLAYERS - 1);
        if (i == 0) {
            clock.advance(Duration.ofSeconds(61));
        }
        JoinResult joined = service.join(ids[i], seats[i], Preferences.NONE);
        LeaveResult left = service.leave(ids[i]);
        if (!(joined instanceof JoinResult.Joined)) {
            refused++;
        }
        blackhole.consume(joined);
        blackhole.consume(left);
    }
}
