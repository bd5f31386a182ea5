package dev.matchwave.benchmarks;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.config.WebSettings;
import dev.matchwave.bot.ladder.LadderApplication;
import dev.matchwave.bot.web.LadderWebsite;
import dev.matchwave.bot.web.LiveFigures;
import dev.matchwave.bot.web.PublicLadder;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.ratelimit.Route;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.ladder.PostgresLeaderboard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
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
 * The web pages' target (issue 16): every page answers in under 50 ms at p95 over a
 * 100,000-row ladder (40,000 players with a profile, 100,000 ratings, as
 * {@link PersistenceBenchmark}), measured as a browser sees it: an HTTP GET through the
 * site's server, its template rendering and the ladder's reads, on an embedded PostgreSQL.
 * <ul>
 *   <li>{@link #leaderboardPage}: a random page of 25 with the caches of the commands (30 s);</li>
 *   <li>{@link #leaderboardPageUncached} and {@link #filteredLeaderboardPageUncached}: every
 *       request computed by PostgreSQL (a site whose leaderboard caches nothing): the worst case;</li>
 *   <li>{@link #filteredLeaderboardPage}: a random filter's page with the commands' caches;</li>
 *   <li>{@link #playerPage}: a random player's ratings, ranks and matches with the commands'
 *       caches (nearly every player is seen for the first time: his ranks come from the
 *       ladder's letter boundaries, one pass per cache period); {@link #playerPageUncached}:
 *       the boundaries computed for every request, the worst case;</li>
 *   <li>{@link #livePage}: the queue's figures and the last waves.</li>
 * </ul>
 * Sample-time mode: JMH prints p0.95 of each. Run:
 * {@code ./matchwave bench WebPagesBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class WebPagesBenchmark {

    private static final int PLAYERS = HundredThousandRatings.PLAYERS;

    private static final NotificationSink NOWHERE = new NotificationSink() {
        @Override
        public Route route(Notification notification) {
            return Route.channelMessage("dm-" + notification.player());
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            return CompletableFuture.completedFuture(SendResult.sent());
        }
    };

    private Path dataDirectory;
    private LadderApplication app;
    private LiveFigures live;
    private LadderWebsite cached;
    private LadderWebsite uncached;
    private final HttpClient http = HttpClient.newHttpClient();

    @Setup(Level.Trial)
    public void start() throws IOException {
        dataDirectory = Files.createTempDirectory("matchwave-bench-web-");
        BotConfig config = new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                new DatabaseSettings.Embedded(dataDirectory), Set.of(), Duration.ofSeconds(45), "evoladder",
                OptionalLong.empty(), OptionalInt.empty());
        app = LadderApplication.builder(config).sink(NOWHERE)
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dataDirectory, 0, Map.of()), 10,
                        DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT))
                .build();
        var dsl = app.database().dsl();
        HundredThousandRatings.fill(dsl);
        live = new LiveFigures((queue, rules) -> 0);
        PostgresLadderStore store = (PostgresLadderStore) app.store();
        WebSettings settings = new WebSettings(0, "127.0.0.1", false);
        cached = LadderWebsite.start(new PublicLadder(app, new PostgresLeaderboard(store), LeaderboardRules.REFERENCE,
                live, false), settings);
        uncached = LadderWebsite.start(new PublicLadder(app, new PostgresLeaderboard(store, LeaderboardRules.REFERENCE,
                InstantSource.system(), Duration.ZERO, Ticker.systemTicker()), LeaderboardRules.REFERENCE, live, false),
                settings);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        cached.close();
        uncached.close();
        live.close();
        app.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String get(LadderWebsite site, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(site.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static int page() {
        return 1 + ThreadLocalRandom.current().nextInt(25);
    }

    @Benchmark
    public String leaderboardPage() throws Exception {
        return get(cached, "/leaderboard?page=" + page());
    }

    @Benchmark
    public String leaderboardPageUncached() throws Exception {
        return get(uncached, "/leaderboard?page=" + page());
    }

    @Benchmark
    public String filteredLeaderboardPageUncached() throws Exception {
        return get(uncached, "/leaderboard?race=sc2_terran&country=KR&rank=C&page=2");
    }

    @Benchmark
    public String filteredLeaderboardPage() throws Exception {
        String[] races = {"bw_zerg", "sc2_terran", "sc2_protoss"};
        String[] countries = {"DE", "KR", "US", "FR", "ZZ"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return get(cached, "/leaderboard?race=" + races[random.nextInt(races.length)] + "&country="
                + countries[random.nextInt(countries.length)] + "&page=" + (1 + random.nextInt(3)));
    }

    @Benchmark
    public String playerPage() throws Exception {
        return get(cached, "/players/p" + (1 + ThreadLocalRandom.current().nextInt(PLAYERS)));
    }

    @Benchmark
    public String playerPageUncached() throws Exception {
        return get(uncached, "/players/p" + (1 + ThreadLocalRandom.current().nextInt(PLAYERS)));
    }

    @Benchmark
    public String livePage() throws Exception {
        return get(cached, "/live");
    }

    /** The URL of the site, for a look while debugging the benchmark. */
    URI url() {
        return cached.url();
    }
}
