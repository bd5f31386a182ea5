package dev.matchwave.benchmarks;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.queue.QueueConfig;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.InMemoryQueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.queue.PostgresQueueStore;
import dev.matchwave.queue.redis.RedisQueueStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a durable queue costs (issue 12), on an embedded PostgreSQL with its default, durable
 * settings (fsync on) and on a local redis-server (no persistence configured: its cost is the
 * round trip and the script), against the in-memory store:
 * <ul>
 *   <li>{@link #joinAndLeave}: {@code QueueService.join} then {@code leave} of one player with
 *       200 others queued: two stored writes in a durable store (the join's entry and join-log
 *       row, the leave's delete), each acknowledged only once stored;</li>
 *   <li>{@link #burstOf200Joins}: 200 players press Join at once (one virtual thread each) with 200
 *       others queued, until the last is acknowledged: the queue stores the joins waiting at each
 *       moment together (a group commit), so the burst costs a few writes, not 200;</li>
 *   <li>{@link #waveOf500Matches}: the database part of a wave of 500 matches with 1,000 queued
 *       players: {@code none} creates the matches only (today's cost), {@code postgres} adds the
 *       wave's start (1,000 wait cycles) and, in the matches' transaction, the 1,000 entries'
 *       leaving the queue; {@code redis} does the queue's part in Redis, the matches in
 *       PostgreSQL.</li>
 * </ul>
 * Run: {@code ./matchwave bench QueueDurabilityBenchmark -f 1 -wi 3 -i 5} (needs redis-server
 * on the PATH).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueueDurabilityBenchmark {

    private static final int PLAYERS = 20_000;
    private static final int WAVE = 500;
    private static final int QUEUED = 200;

    private static final MatchRules RULES = new MatchRules() {
        @Override
        public String name() {
            return "benchmark";
        }

        @Override
        public boolean sidesMeet(String firstSide, String secondSide) {
            return !firstSide.equals(secondSide);
        }

        @Override
        public int window(int waitCycles) {
            return 100;
        }
    };

    @Param({"memory", "postgres", "redis"})
    public String store;

    private Path dataDirectory;
    private Database database;
    private PostgresLadderStore ladder;
    private Process redis;
    private Path redisDirectory;
    private QueueStore queueStore;
    private QueueService queue;
    private final ManualClock clock = ManualClock.atEpochSecond(1_800_000_000L);
    private int nextJoiner;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        dataDirectory = Files.createTempDirectory("matchwave-bench-queue-");
        database = Database.open(DatabaseConfig.embedded(dataDirectory));
        ladder = new PostgresLadderStore(database);
        database.dsl().execute("INSERT INTO players (id, aborts_left, registered_at)"
                + " SELECT g, 3, now() FROM generate_series(1, " + PLAYERS + ") g");
        queueStore = switch (store) {
            case "memory" -> new InMemoryQueueStore();
            case "postgres" -> new PostgresQueueStore(database);
            case "redis" -> startRedis();
            default -> throw new IllegalArgumentException(store);
        };
        queue = QueueService.builder(RULES, (players, rules) -> new Pairing(List.of(), players))
                .clock(clock)
                .config(QueueConfig.builder().joinLimit(1_000, Duration.ofMinutes(1)).build())
                .store(queueStore)
                .build();
        for (int i = 0; i < QUEUED; i++) {
            queue.join(PlayerId.of(PLAYERS + 1 + i), seats(i), Preferences.NONE);
        }
    }

    private RedisQueueStore startRedis() throws IOException, InterruptedException {
        redisDirectory = Files.createTempDirectory("matchwave-bench-redis-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", redisDirectory.toString(), "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(redisDirectory.resolve("redis.log").toFile()).start();
        for (int i = 0; ; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (i > 500) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
        return RedisQueueStore.connect("127.0.0.1", port, "bench:");
    }

    private static List<Seat> seats(int i) {
        return i % 2 == 0 ? List.of(new Seat("bw", "bw_zerg", 1500)) : List.of(new Seat("sc2", "sc2_terran", 1500));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        if (queueStore instanceof RedisQueueStore r) {
            r.close();
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor();
            delete(redisDirectory);
        }
        database.close();
        delete(dataDirectory);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object joinAndLeave() {
        // Not the wave's players (1 to PLAYERS): those are in matches by the store's books.
        PlayerId player = PlayerId.of(100_000 + (nextJoiner++ % 65_536));
        clock.advance(Duration.ofMillis(1));
        queue.join(player, seats(nextJoiner), Preferences.NONE);
        return queue.leave(player);
    }

    /** The players of one burst; they leave again after it (not measured). */
    @State(Scope.Benchmark)
    public static class Burst {
        private static final int SIZE = 200;
        private int round;
        private List<PlayerId> players;

        @Setup(Level.Invocation)
        public void nextBurst(QueueDurabilityBenchmark bench) {
            bench.clock.advance(Duration.ofMillis(1));
            long first = 200_000 + (long) (round++ % 100) * SIZE;
            players = new ArrayList<>(SIZE);
            for (int i = 0; i < SIZE; i++) {
                players.add(PlayerId.of(first + i));
            }
        }

        @TearDown(Level.Invocation)
        public void leave(QueueDurabilityBenchmark bench) {
            players.forEach(bench.queue::leave);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int burstOf200Joins(Burst burst) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(burst.players.size());
        java.util.concurrent.atomic.AtomicInteger joined = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < burst.players.size(); i++) {
            PlayerId player = burst.players.get(i);
            List<Seat> seats = seats(i);
            threads.add(Thread.ofVirtual().start(() -> {
                if (queue.join(player, seats, Preferences.NONE) instanceof dev.matchwave.matchmaking.queue.JoinResult.Joined) {
                    joined.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (joined.get() != burst.players.size()) {
            throw new IllegalStateException("only " + joined.get() + " of " + burst.players.size() + " joined");
        }
        return joined.get();
    }

    /** A wave's input, made fresh before each wave (not measured). */
    @State(Scope.Benchmark)
    public static class WaveInput {
        private int nextMatched;
        private long waveNumber;
        private List<MatchDraft> drafts;
        private List<EntryKey> waiting;

        /** Per wave: 1,000 players queued in the store (not for the baseline), and their 500 matches to create. */
        @Setup(Level.Invocation)
        public void nextWave(QueueDurabilityBenchmark bench) {
            if (nextMatched + 2 * WAVE > PLAYERS) {
                bench.database.dsl().execute("UPDATE matches SET state = 'aborted', is_open = false, result = -1,"
                        + " ended_at = now() WHERE is_open");
                nextMatched = 0;
            }
            Instant now = bench.clock.instant();
            if (bench.store.equals("postgres")) {
                // One statement instead of 1,000 durable commits: the setup is not what is measured.
                long first = nextMatched + 1;
                long last = nextMatched + 2L * WAVE;
                bench.database.dsl().execute("DELETE FROM queue_in_match WHERE player_id BETWEEN " + first + " AND "
                        + last);
                bench.database.dsl().execute("INSERT INTO queue_entries (player_id, sequence, seat_sides, seat_races,"
                        + " seat_ratings, vetoed_maps, joined_at, wait_cycles, deadline) SELECT g, "
                        + (1_000_000_000L + waveNumber * 100_000) + " + g, '{bw}', '{bw_zerg}', '{1500}', '{}', now(),"
                        + " 0, now() + interval '10 minutes' FROM generate_series(" + first + ", " + last + ") g");
            }
            MatchSetup setup = new MatchSetup("Fighting Spirit", "EUC");
            drafts = new ArrayList<>(WAVE);
            waiting = new ArrayList<>(2 * WAVE);
            for (int i = 0; i < WAVE; i++) {
                long bw = ++nextMatched;
                long sc2 = ++nextMatched;
                for (long player : List.of(bw, sc2)) {
                    long sequence = 1_000_000_000L + waveNumber * 100_000 + player;
                    if (bench.store.equals("memory")) {
                        continue;
                    }
                    waiting.add(new EntryKey(PlayerId.of(player), sequence));
                    if (bench.store.equals("postgres")) {
                        continue;
                    }
                    bench.queueStore.release(PlayerId.of(player));
                    QueuedPlayer queued = new QueuedPlayer(PlayerId.of(player), seats((int) player), Preferences.NONE,
                            now, 0);
                    bench.queueStore.add(new StoredEntry(queued, sequence, now.plusSeconds(600), Optional.empty()), now);
                }
                drafts.add(new MatchDraft(
                        new Participant(PlayerId.of(bw), "bw", "bw_zerg", 1500, Optional.empty(), Optional.empty(), false),
                        new Participant(PlayerId.of(sc2), "sc2", "sc2_terran", 1500, Optional.empty(), Optional.empty(),
                                false),
                        setup, now, now.plusSeconds(60)));
            }
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object waveOf500Matches(WaveInput input) {
        long number = ++input.waveNumber;
        if (store.equals("memory")) {
            return ladder.matches().createAll(input.drafts); // the matches alone: today's cost
        }
        queueStore.startWave(new WaveStart(number, List.of(), input.waiting));
        return queueStore.commitWave(() -> {
            ladder.matches().createAll(input.drafts);
            return new WaveCommit(number, input.waiting);
        });
    }
}
