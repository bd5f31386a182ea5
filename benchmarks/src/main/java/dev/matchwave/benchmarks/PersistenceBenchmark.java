package dev.matchwave.benchmarks;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.ladder.PostgresLeaderboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The persistence speed targets (issue 5), on an embedded PostgreSQL with default (durable)
 * settings in a temporary directory:
 * <ul>
 *   <li>{@link #createWaveOf500Matches}: one wave's 500 matches (1,000 participants) in one
 *       transaction; target at most 200 ms;</li>
 *   <li>{@link #cachedLeaderboardPage}: a page from the Caffeine cache; target under 1 ms;</li>
 *   <li>{@link #uncachedLeaderboardPage} and {@link #uncachedFilteredLeaderboardPage}: computed
 *       by PostgreSQL over 100,000 rating rows; target under 20 ms;</li>
 *   <li>{@link #ratingsOfOnePlayer}: a player's ratings for all races, one query.</li>
 * </ul>
 * Run: {@code ./matchwave bench PersistenceBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PersistenceBenchmark {

    private static final int PLAYERS = HundredThousandRatings.PLAYERS;
    private static final int WAVE = 500;

    private Path dataDirectory;
    private Database database;
    private PostgresLadderStore store;
    private PostgresLeaderboard leaderboard;
    private List<MatchDraft> wave;
    private LeaderboardQuery filtered;
    private int nextPlayer;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dataDirectory = Files.createTempDirectory("matchwave-bench-pg-");
        database = Database.open(DatabaseConfig.embedded(dataDirectory));
        store = new PostgresLadderStore(database);
        leaderboard = new PostgresLeaderboard(store);
        var dsl = database.dsl();
        HundredThousandRatings.fill(dsl);
        filtered = LeaderboardQuery.ALL.withRace("sc2_terran").withCountry("KR").withRank("C").withPage(2);
    }

    @Setup(Level.Invocation)
    public void nextWave() {
        // Each wave uses 1,000 players not in an open match yet.
        if (nextPlayer + 2 * WAVE > PLAYERS) {
            database.dsl().execute("UPDATE matches SET state = 'aborted', is_open = false, result = -1,"
                    + " ended_at = now() WHERE is_open");
            nextPlayer = 0;
        }
        Instant now = Instant.now();
        MatchSetup setup = new MatchSetup("Fighting Spirit", "EUC");
        List<MatchDraft> drafts = new ArrayList<>(WAVE);
        for (int i = 0; i < WAVE; i++) {
            long bw = ++nextPlayer;
            long sc2 = ++nextPlayer;
            drafts.add(new MatchDraft(
                    new Participant(PlayerId.of(bw), "bw", "bw_zerg", 1500, Optional.empty(), Optional.empty(), false),
                    new Participant(PlayerId.of(sc2), "sc2", "sc2_terran", 1500, Optional.empty(), Optional.empty(),
                            false),
                    setup, now, now.plusSeconds(60)));
        }
        wave = drafts;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        database.close();
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<Match> createWaveOf500Matches() {
        return store.matches().createAll(wave);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LeaderboardPage cachedLeaderboardPage() {
        return leaderboard.page(LeaderboardQuery.ALL);
    }

    @Benchmark
    public LeaderboardPage uncachedLeaderboardPage() {
        return leaderboard.pageUncached(LeaderboardQuery.ALL);
    }

    @Benchmark
    public LeaderboardPage uncachedFilteredLeaderboardPage() {
        return leaderboard.pageUncached(filtered);
    }

    @Benchmark
    public Map<String, PlayerRating> ratingsOfOnePlayer() {
        return store.ratings().ratingsOf(PlayerId.of(12_346));
    }

    /** A quick look without JMH: 20 rounds of each, the median of the last 15, in ms. */
    public static void main(String[] args) throws IOException {
        PersistenceBenchmark bench = new PersistenceBenchmark();
        bench.start();
        String[] names = {"wave of 500 matches", "uncached page", "uncached filtered page", "cached page",
            "ratings of a player"};
        List<List<Double>> timings = new ArrayList<>();
        for (String ignored : names) {
            timings.add(new ArrayList<>());
        }
        try {
            for (int round = 0; round < 20; round++) {
                bench.nextWave();
                long[] t = new long[6];
                t[0] = System.nanoTime();
                bench.createWaveOf500Matches();
                t[1] = System.nanoTime();
                bench.uncachedLeaderboardPage();
                t[2] = System.nanoTime();
                bench.uncachedFilteredLeaderboardPage();
                t[3] = System.nanoTime();
                bench.cachedLeaderboardPage();
                t[4] = System.nanoTime();
                bench.ratingsOfOnePlayer();
                t[5] = System.nanoTime();
                if (round >= 5) {
                    for (int i = 0; i < names.length; i++) {
                        timings.get(i).add(ms(t[i + 1] - t[i]));
                    }
                }
            }
        } finally {
            bench.stop();
        }
        for (int i = 0; i < names.length; i++) {
            List<Double> sorted = timings.get(i).stream().sorted().toList();
            System.out.printf("%-24s median %8.3f ms   min %8.3f ms%n", names[i], sorted.get(sorted.size() / 2),
                    sorted.get(0));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
