package dev.matchwave.bot.web;

import dev.matchwave.bot.ladder.LadderApplication;
import dev.matchwave.bot.ladder.LadderFrontDesk;
import dev.matchwave.discord.command.CountryCatalog;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRow;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.queue.QueueStatus;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the public pages show, read from the ladder through the same repositories and caches as
 * the Discord commands ({@code /leaderboard} and {@code /profile} read the same
 * {@link LeaderboardSource}, {@link LadderApplication#leaderboard()}). No ladder rule lives here: ranking, filters and ranks are the
 * leaderboard's; this class only decides what is published (docs/web.md, "Privacy").
 *
 * <p>Thread-safe. Methods block on the database when a cache misses: call them from the web
 * server's own threads, never from a wave.
 */
public final class PublicLadder {

    /** How many of a player's matches his page lists. */
    public static final int LAST_MATCHES = 10;
    /** How many ledger entries a chart draws at most (the newest). */
    public static final int CHART_POINTS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NO_NAME = "(no public name)";

    private final LadderApplication app;
    private final LeaderboardSource board;
    private final LeaderboardRules rules;
    private final LiveFigures live;
    private final boolean publishIdentities;

    public PublicLadder(LadderApplication app, LeaderboardSource board, LeaderboardRules rules, LiveFigures live,
                        boolean publishIdentities) {
        this.app = Objects.requireNonNull(app, "app");
        this.board = Objects.requireNonNull(board, "board");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.live = Objects.requireNonNull(live, "live");
        this.publishIdentities = publishIdentities;
    }

    public LeaderboardRules rules() {
        return rules;
    }

    /**
     * A leaderboard page; empty when the filters have fewer pages than the one asked for.
     */
    public Optional<BoardPage> leaderboard(BoardFilter filter) {
        LeaderboardPage found = board.page(filter.query());
        int pages = Math.max(1, found.pages());
        if (filter.page() > pages) {
            return Optional.empty();
        }
        List<BoardPage.Row> rows = found.rows().stream().map(this::row).toList();
        List<BoardPage.Choice> races = EvoLadderRules.RACES.stream()
                .map(r -> new BoardPage.Choice(r, LadderFrontDesk.label(r))).toList();
        return Optional.of(new BoardPage(filter, rows, pages, found.totalRows(), races, rules.ranks().letters()));
    }

    private BoardPage.Row row(LeaderboardRow row) {
        PlayerRating r = row.rating();
        // The leaderboard names a player without a profile by his id: a Discord id, not published.
        boolean named = !row.name().equals(r.player().toString()) && !row.name().equals(Long.toString(r.player().value()));
        String name = named ? row.name() : publishIdentities ? row.name() : NO_NAME;
        return new BoardPage.Row(row.position(), name, named ? Optional.of(playerUrl(row.name())) : Optional.empty(),
                row.country(), LadderFrontDesk.label(r.race()), row.rank(), r.rating().rounded(), r.wins(), r.losses(),
                r.draws());
    }

    /** The URL of a player's page, by his ladder name. */
    public static String playerUrl(String name) {
        return "/players/" + BoardFilter.encode(name);
    }

    public static String matchUrl(long id) {
        return "/matches/" + id;
    }

    /** A player's page by his ladder name (ignoring case); empty if nobody has that name. */
    public Optional<PlayerPage> player(String name) {
        Optional<Player> found = app.store().players().findByUserId(name);
        if (found.isEmpty() || found.get().profile().isEmpty()) {
            return Optional.empty();
        }
        Player player = found.get();
        PlayerProfile profile = player.profile().orElseThrow();
        List<PlayerPage.RaceRecord> races = app.store().ratings().ratingsOf(player.id()).values().stream()
                .sorted(Comparator.comparing(PlayerRating::race))
                .map(r -> new PlayerPage.RaceRecord(r.race(), LadderFrontDesk.label(r.race()), r.rating().rounded(),
                        board.rankOf(player.id(), r.race()), r.wins(), r.losses(), r.draws(),
                        chart(app.store().ratings().ledgerOf(player.id(), r.race()))))
                .toList();
        List<Match> recent = app.store().matches().recentOf(player.id(), LAST_MATCHES);
        Set<PlayerId> opponents = new HashSet<>();
        recent.forEach(m -> opponents.add(m.opponentOf(player.id())));
        Map<PlayerId, Player> names = app.store().players().findAll(opponents);
        List<PlayerPage.MatchLine> matches = recent.stream().map(m -> {
            Participant me = m.participant(player.id()).orElseThrow();
            Participant other = m.participant(m.opponentOf(player.id())).orElseThrow();
            Optional<String> opponentName = nameOf(names.get(other.player()));
            return new PlayerPage.MatchLine(m.id().value(), matchUrl(m.id().value()), TIME.format(m.foundAt()),
                    LadderFrontDesk.label(me.race()), opponentName.orElse(NO_NAME),
                    opponentName.map(PublicLadder::playerUrl), LadderFrontDesk.label(other.race()),
                    outcomeFor(m, player.id()));
        }).toList();
        Optional<PlayerPage.Identities> identities = publishIdentities
                ? Optional.of(new PlayerPage.Identities(profile.battleTag(), profile.alternativeIds(),
                        Long.toString(player.id().value())))
                : Optional.empty();
        return Optional.of(new PlayerPage(profile.userId(), country(profile.country()), identities, races, matches));
    }

    private static Optional<RatingChart> chart(List<LedgerEntry> ledger) {
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        List<LedgerEntry> shown = ledger.subList(Math.max(0, ledger.size() - CHART_POINTS), ledger.size());
        List<Integer> ratings = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ratings.add(shown.get(0).before().rating().rounded());
        labels.add("before " + TIME.format(shown.get(0).change().at()));
        for (LedgerEntry entry : shown) {
            ratings.add(entry.after().rating().rounded());
            labels.add(cause(entry) + " " + TIME.format(entry.change().at()));
        }
        return Optional.of(RatingChart.of(ratings, labels));
    }

    private static String cause(LedgerEntry entry) {
        String cause = entry.cause().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return entry.change().match().map(m -> cause + " #" + m.value()).orElse(cause);
    }

    private static Optional<String> nameOf(Player player) {
        return Optional.ofNullable(player).flatMap(Player::profile).map(PlayerProfile::userId);
    }

    private static String country(String code) {
        return CountryCatalog.iso().byCode(code).map(CountryCatalog.Country::label).orElse(code);
    }

    /** The match's outcome in a few words, from {@code player}'s side. */
    static String outcomeFor(Match match, PlayerId player) {
        boolean first = match.player1().player().equals(player);
        return match.result().map(result -> switch (result) {
            case PLAYER1 -> first ? "won" : "lost";
            case PLAYER2 -> first ? "lost" : "won";
            case DRAW -> "draw";
            case CONFLICT -> "conflict, waiting for an admin";
            case ABORT -> closedWithoutResult(match.state());
        }).orElse(match.state() == MatchState.IN_PROGRESS ? "in progress" : "waiting for confirmation");
    }

    private static String closedWithoutResult(MatchState state) {
        return switch (state) {
            case INVALIDATED -> "invalidated by an admin";
            case TIMED_OUT -> "not confirmed in time";
            default -> "aborted";
        };
    }

    /** A match's page; empty if there is no such match. */
    public Optional<MatchPage> match(long id) {
        Optional<Match> found = app.store().matches().find(MatchId.of(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Match m = found.get();
        Map<PlayerId, Player> players = app.store().players().findAll(m.players());
        List<LedgerEntry> ledger = app.store().ratings().ledgerOf(m.id());
        List<MatchPage.Side> sides = new ArrayList<>();
        for (Participant p : List.of(m.player1(), m.player2())) {
            Optional<String> name = nameOf(players.get(p.player()));
            Optional<Integer> after = ledger.stream().filter(e -> e.player().equals(p.player()))
                    .reduce((a, b) -> b).map(e -> e.after().rating().rounded());
            sides.add(new MatchPage.Side(name.orElse(NO_NAME), name.map(PublicLadder::playerUrl),
                    p.side().toUpperCase(Locale.ROOT), LadderFrontDesk.label(p.race()), p.ratingBefore(), after));
        }
        List<MatchPage.LedgerLine> lines = ledger.stream().map(e -> {
            int before = e.before().rating().rounded();
            int after = e.after().rating().rounded();
            int delta = after - before;
            return new MatchPage.LedgerLine(e.sequence(), nameOf(players.get(e.player())).orElse(NO_NAME),
                    LadderFrontDesk.label(e.race()), e.cause().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    before, after, (delta > 0 ? "+" : "") + delta, TIME.format(e.change().at()));
        }).toList();
        return Optional.of(new MatchPage(m.id().value(), m.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                result(m, sides), m.setup().map(), m.setup().server(), TIME.format(m.foundAt()),
                m.startedAt().map(TIME::format), m.endedAt().map(TIME::format), sides, lines));
    }

    private static String result(Match m, List<MatchPage.Side> sides) {
        Optional<MatchResult> result = m.result();
        if (result.isEmpty()) {
            return m.state() == MatchState.IN_PROGRESS ? "in progress" : "waiting for both players to confirm";
        }
        String decided = m.resolution().isPresent() ? " (decided by an admin)" : "";
        return switch (result.get()) {
            case PLAYER1 -> sides.get(0).name() + " won" + decided;
            case PLAYER2 -> sides.get(1).name() + " won" + decided;
            case DRAW -> "draw" + decided;
            case CONFLICT -> "the reports differ: waiting for an admin";
            case ABORT -> closedWithoutResult(m.state());
        };
    }

    /** The live page: the queue now and the last waves. Does not touch the database. */
    public LivePage live() {
        QueueStatus status = app.queue().status();
        List<LivePage.Count> categories = new ArrayList<>();
        status.queuedBySides().forEach((sides, count) -> categories.add(new LivePage.Count(category(sides), count)));
        Duration untilWave = Duration.between(status.at(), status.nextWave());
        String next = TIME.format(status.nextWave()) + " (in " + Math.max(0, untilWave.toSeconds()) + " s)";
        List<LivePage.WaveRow> waves = live.lastWaves().stream().map(w -> new LivePage.WaveRow(w.number(),
                TIME.format(w.at()), w.queued(), w.matches(), w.pairs(),
                w.maxPairs().isPresent() ? Integer.toString(w.maxPairs().getAsInt()) : "-",
                w.phase1().map(PublicLadder::millis).orElse("-"), w.phase2().map(PublicLadder::millis).orElse("-")))
                .toList();
        return new LivePage(TIME.format(status.at()), status.queued(), categories, status.activePopulation(), next,
                status.lastWave(), status.matchesInProgress(), waves);
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private static String category(String sides) {
        return switch (sides) {
            case "bw" -> "BW only";
            case "sc2" -> "SC2 only";
            case "bw+sc2" -> "Both";
            default -> sides;
        };
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
