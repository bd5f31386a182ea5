package dev.matchwave.bot.demo;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.ladder.DiscordBot;
import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.emulator.EmulatorConfig;
import dev.matchwave.emulator.ratelimit.BucketLimit;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.roles.RankRoleSync;
import dev.matchwave.matchmaking.ladder.roles.RankRoles;
import dev.matchwave.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Rank roles at scale against the local Discord, for {@code matchwave roles}: N players are rated
 * at once (each gets the role of his rank), then their order is reversed (a mass re-rank: nearly
 * everyone's letter moves, a removal and an addition each). For each phase it prints the
 * requests on the member role routes, every 429 the local Discord answered, the busiest second
 * of the global budget and how long the roles took. Runs on the real clock.
 */
public final class RankRolesDemo {

    private static final List<String> LETTERS = List.of("S", "A", "B", "C", "D", "E", "F");

    private RankRolesDemo() {
    }

    /**
     * @param bucketSpec the member role routes' bucket (requests, seconds); empty: the local Discord's default
     * @return the exit code
     */
    public static int run(int count, Optional<int[]> bucketSpec, PrintStream out) {
        Optional<BucketLimit> bucket = bucketSpec.map(b -> BucketLimit.of(b[0], b[1]));
        return runWith(count, bucket, out);
    }

    private static int runWith(int count, Optional<BucketLimit> bucket, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("matchwave-roles-db-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the database", e);
        }
        RateLimits limits = bucket.map(RateLimits.discord()::withMemberRoles).orElse(RateLimits.discord());
        try (DiscordEmulator discord = DiscordEmulator.start(EmulatorConfig.builder().rateLimits(limits).build())) {
            Map<String, String> roles = new LinkedHashMap<>();
            LETTERS.forEach(letter -> roles.put(letter, Long.toString(discord.createRole("Rank " + letter))));
            BotConfig config = new BotConfig(Optional.of(discord.botToken()), Optional.of(discord.apiUrl()),
                    Optional.of(discord.gatewayUrl()), new DatabaseSettings.Embedded(dir), Set.of(),
                    BotConfig.DEFAULT_WAVE_INTERVAL, BotConfig.DEFAULT_RULES, OptionalLong.empty(), OptionalInt.empty())
                    .withRankRoles(Map.of(discord.guild().id(),
                            RankRoles.of(LeaderboardRules.REFERENCE.ranks(), roles)));
            DatabaseConfig database = new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 10,
                    DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT);
            out.printf(Locale.ROOT, "rank roles: %d players, member role buckets %s per guild and route, "
                    + "the bot's background share %d a second%n", count,
                    bucket.orElse(RateLimits.MEMBER_ROLES), dev.matchwave.discord.rest.GatedRestRateLimiter
                            .DEFAULT_BACKGROUND_SHARE);
            try (DiscordBot bot = DiscordBot.builder(config).databaseConfig(database).build()) {
                bot.start();
                List<PlayerId> ids = new ArrayList<>(count);
                Instant now = bot.ladder().clock().instant();
                for (int i = 0; i < count; i++) {
                    PlayerId player = PlayerId.of(discord.addUser("player" + i).id());
                    ids.add(player);
                    bot.ladder().store().players().register(player, 3, now);
                }
                int n = count;
                phase("every player rated", bot, discord, ids, i -> 1000 + i, out);
                phase("the order reversed (a mass re-rank)", bot, discord, ids, i -> 1000 + n - i, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private static void phase(String what, DiscordBot bot, DiscordEmulator discord, List<PlayerId> ids,
                              IntUnaryOperator rating, PrintStream out) {
        long mark = discord.recording().mark();
        long start = System.nanoTime();
        Instant now = bot.ladder().clock().instant();
        List<RatingChange> changes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            PlayerRating before = bot.ladder().store().ratings().find(ids.get(i), "bw_zerg")
                    .orElse(PlayerRating.fresh(ids.get(i), "bw_zerg", Rating.points(1500)));
            changes.add(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before,
                    new PlayerRating(ids.get(i), "bw_zerg", Rating.points(rating.applyAsInt(i)), 1, 1, 0, 0,
                            Optional.of(now)), now));
        }
        RankRoleSync sync = bot.rankRoles().orElseThrow();
        long reranks = sync.figures().reranks();
        // In batches: one statement for 10,000 ratings is too deep for PostgreSQL's parser. The
        // batches come within the re-rank's debounce, so they still make one re-rank.
        for (int from = 0; from < changes.size(); from += 500) {
            bot.ladder().store().ratings().record(changes.subList(from, Math.min(changes.size(), from + 500)),
                    Optional.empty());
        }
        long lastReport = System.nanoTime();
        while (sync.figures().reranks() == reranks || !sync.figures().idle()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(30).toNanos()) {
                lastReport = System.nanoTime();
                out.printf(Locale.ROOT, "  ... %d role requests so far, %d players owed, %.0f s%n",
                        discord.recording().since(mark).stream().filter(RankRolesDemo::roleRoute).count(),
                        sync.figures().pending(), (System.nanoTime() - start) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<RequestRecord> requests = discord.recording().since(mark);
        long roleRequests = requests.stream().filter(RankRolesDemo::roleRoute).count();
        long tooMany = requests.stream().filter(r -> r.status() == 429).count();
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        requests.stream().filter(r -> !r.interaction()).forEach(r -> perSecond.merge(r.at().getEpochSecond(), 1,
                Integer::sum));
        int busiest = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        out.printf(Locale.ROOT, "%s: %d role requests (%d add, %d remove), %d requests in all, %d x 429, busiest"
                        + " second %d requests on the global budget, %.1f s (%.1f role requests a second)%n", what,
                roleRequests, requests.stream().filter(r -> roleRoute(r) && r.method().equals("PUT")).count(),
                requests.stream().filter(r -> roleRoute(r) && r.method().equals("DELETE")).count(), requests.size(),
                tooMany, busiest, seconds, roleRequests / seconds);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }

    private static boolean roleRoute(RequestRecord record) {
        return record.route().contains("/members/{user_id}/roles/");
    }
}
