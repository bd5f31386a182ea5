package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.PLAYERS;
import static dev.matchwave.persistence.internal.schema.Tables.RATINGS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.val;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRow;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import dev.matchwave.persistence.internal.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The leaderboard and letter ranks answered by PostgreSQL, with Caffeine caches in front.
 *
 * <p>A page is computed in the database: the ranked entries (enough games, one within the
 * active window) numbered best first by a window function, the query's filters, and the page's
 * 40 rows; nothing else crosses the wire. Letters follow {@link Ranks#counts}: the band of an
 * entry is given by its place among all ranked entries. The result is the same as
 * {@link dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot#page} over the same data
 * (same order, ties broken by last game, player id, race).
 *
 * <p>Caches: pages by query and ranks by (player, race), each kept for a short time (the
 * {@code expiry}: ranks also move as games age out of the active window) and dropped at once
 * when a rating or a profile changes through the {@link PostgresLadderStore} this was built on.
 * A change made by another process shows after the expiry.
 *
 * <p>Thread-safe. A cache hit does not block; a miss queries the database (blocking, see
 * {@link dev.matchwave.persistence.Database} for the threading rule).
 */
public final class PostgresLeaderboard implements LeaderboardSource {

    /** How long a cached page or rank is served without asking the database. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(30);

    private static final Table<?> RANKED = table(name("ranked"));
    private static final Field<Long> PLACE = field(name("ranked", "place"), Long.class);
    private static final Field<Long> RESULT_PLACE = field(name("place"), Long.class);
    private static final Field<Integer> RESULT_TOTAL = field(name("total"), Integer.class);
    private static final Field<Long> NTH = field(name("ranked", "nth"), Long.class);
    private static final Field<Long> PLAYER = field(name("ranked", "player_id"), Long.class);
    private static final Field<String> RACE = field(name("ranked", "race"), String.class);
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final DSLContext dsl;
    private final LeaderboardRules rules;
    private final InstantSource clock;
    private final Cache<LeaderboardQuery, LeaderboardPage> pages;
    private final Cache<RatingKey, String> ranks;
    /** The last entry of each letter, one set for the whole ladder (one key); computed once per expiry. */
    private final Cache<Boolean, RankCuts> cuts;
    private final dev.matchwave.matchmaking.ladder.rating.RatingRepository ratings;

    /**
     * The ranked entries' letter boundaries as of one moment: for each letter of the scheme, the
     * last entry (best first) that holds it, empty for a letter nobody holds. An entry's letter is
     * the first whose last entry it does not come after.
     */
    private record RankCuts(Instant activeSince, List<Optional<PlayerRating>> lastOfLetter) {
    }

    /**
     * @param store  the store whose rating and profile writes drop the caches
     * @param rules  page size, page limit and rank scheme
     * @param clock  "now", for the active window
     * @param expiry how long cached answers live, at most 10 minutes; zero turns caching off
     * @param ticker the caches' time source ({@link Ticker#systemTicker()}; tests pass a fake)
     */
    public PostgresLeaderboard(PostgresLadderStore store, LeaderboardRules rules, InstantSource clock,
                               Duration expiry, Ticker ticker) {
        Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(ticker, "ticker");
        if (expiry.isNegative() || expiry.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("leaderboard cache expiry must be 0 to 10 minutes, got " + expiry);
        }
        this.dsl = store.database().dsl();
        this.pages = Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(10_000).ticker(ticker).build();
        this.ranks = Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(200_000).ticker(ticker).build();
        this.cuts = Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(1).ticker(ticker).build();
        this.ratings = store.ratings();
        store.onRatingsOrProfilesChanged(this::invalidate);
    }

    /** The reference leaderboard (40 a page, 25 pages, S to F) on the system clock, cached 30 s. */
    public PostgresLeaderboard(PostgresLadderStore store) {
        this(store, LeaderboardRules.REFERENCE, InstantSource.system(), DEFAULT_EXPIRY, Ticker.systemTicker());
    }

    /** A page, from the cache when it holds one. */
    @Override
    public LeaderboardPage page(LeaderboardQuery query) {
        Objects.requireNonNull(query, "query");
        return pages.get(query, this::pageUncached);
    }

    /** The letter rank of one (player, race), from the cache when it holds one. */
    @Override
    public String rankOf(PlayerId player, String race) {
        return ranks.get(new RatingKey(player, race), this::rankFromCuts);
    }

    /** Drops every cached page and rank. */
    public void invalidate() {
        pages.invalidateAll();
        ranks.invalidateAll();
        cuts.invalidateAll();
    }

    /**
     * The rank of one entry against the ladder's letter boundaries: no count per player, so a
     * page of many players (a profile, a web page) costs one pass over the ranked entries per
     * expiry for all of them, then a comparison each.
     */
    private String rankFromCuts(RatingKey key) {
        RankCuts now = cuts.get(Boolean.TRUE, ignored -> cutsUncached());
        Optional<PlayerRating> entry = ratings.find(key.player(), key.race())
                .filter(r -> isRanked(r, now.activeSince()));
        if (entry.isEmpty()) {
            return rules.ranks().unranked();
        }
        List<String> letters = rules.ranks().letters();
        for (int i = 0; i < letters.size(); i++) {
            Optional<PlayerRating> last = now.lastOfLetter().get(i);
            if (last.isPresent() && Ranks.BEST_FIRST.compare(entry.get(), last.get()) <= 0) {
                return letters.get(i);
            }
        }
        return rankUncached(key); // it moved after the boundaries were taken: count its place
    }

    /** The letter boundaries now: the entries at the places where each letter ends, in one pass. */
    private RankCuts cutsUncached() {
        Instant activeSince = clock.instant().minus(rules.ranks().activeWindow());
        return Sql.readConsistent(dsl, "read the rank boundaries", db -> {
            List<Long> bounds = bounds(countRanked(db, activeSince));
            List<Long> wanted = bounds.stream().filter(b -> b > 0).distinct().toList();
            Map<Long, PlayerRating> atPlace = new java.util.HashMap<>();
            if (!wanted.isEmpty()) {
                Field<Integer> place = rowNumber().over().orderBy(bestFirst()).as("place");
                Table<?> numbered = DSL.select(RATINGS.asterisk(), place).from(RATINGS).where(ranked(activeSince))
                        .asTable("numbered");
                Field<Integer> placeOf = numbered.field("place", Integer.class);
                for (Record row : db.select(numbered.fields()).from(numbered)
                        .where(placeOf.in(wanted.stream().map(Long::intValue).toList())).fetch()) {
                    atPlace.put(row.get(placeOf).longValue(), Rows.rating(row.into(RATINGS)));
                }
            }
            List<Optional<PlayerRating>> last = new ArrayList<>(bounds.size());
            long previous = 0;
            for (long bound : bounds) {
                last.add(bound > previous ? Optional.ofNullable(atPlace.get(bound)) : Optional.empty());
                previous = bound;
            }
            return new RankCuts(activeSince, last);
        });
    }

    /**
     * A page straight from the database. The whole leaderboard (no country, race or best-race
     * filter; a rank filter is a range of places) needs a count of the ranked entries and an
     * index scan that stops after the page; the filters need one pass over the ranked entries
     * to number them and count what the filters select.
     */
    public LeaderboardPage pageUncached(LeaderboardQuery query) {
        Objects.requireNonNull(query, "query");
        Instant activeSince = clock.instant().minus(rules.ranks().activeWindow());
        return Sql.readConsistent(dsl, "read a leaderboard page", db -> {
            int ranked = countRanked(db, activeSince);
            List<Long> bounds = bounds(ranked);
            long[] places = query.rank().map(letter -> placesOf(letter, bounds)).orElse(new long[] {1, ranked});
            if (places[0] > places[1]) {
                return new LeaderboardPage(List.of(), 1, 1, 0);
            }
            boolean filtered = query.bestRaceOnly() || query.race().isPresent() || query.country().isPresent();
            return filtered ? filteredPage(db, query, activeSince, places, bounds)
                    : wholePage(db, query, activeSince, places, bounds);
        });
    }

    /** Places {@code places[0]..places[1]} of the whole leaderboard: the index gives them in order. */
    private LeaderboardPage wholePage(DSLContext db, LeaderboardQuery query, Instant activeSince, long[] places,
                                      List<Long> bounds) {
        int total = (int) (places[1] - places[0] + 1);
        int page = Math.min(query.page(), pageCount(total));
        long skip = (long) (page - 1) * rules.pageSize();
        int size = (int) Math.min(rules.pageSize(), total - skip);
        List<Record> rows = db.select(RATINGS.fields()).select(PLAYERS.USER_ID, PLAYERS.COUNTRY)
                .from(RATINGS)
                .leftJoin(PLAYERS).on(PLAYERS.ID.eq(RATINGS.PLAYER_ID))
                .where(ranked(activeSince))
                .orderBy(bestFirst())
                .limit(size)
                .offset(places[0] - 1 + skip)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
        List<LeaderboardRow> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            lines.add(row(rows.get(i), (int) (skip + i + 1), places[0] + skip + i, bounds));
        }
        return new LeaderboardPage(lines, page, pageCount(total), total);
    }

    /** Numbers every ranked entry (one pass), applies the filters, counts them and keeps one page. */
    private LeaderboardPage filteredPage(DSLContext db, LeaderboardQuery query, Instant activeSince,
                                         long[] places, List<Long> bounds) {
        int page = Math.min(query.page(), rules.maxPages());
        List<Record> rows = fetchFiltered(db, query, activeSince, places, page);
        if (rows.isEmpty() && page > 1) {
            // Past the last page: show the last one.
            page = pageCount(countFiltered(db, query, activeSince, places));
            rows = fetchFiltered(db, query, activeSince, places, page);
        }
        int total = rows.isEmpty() ? 0 : rows.get(0).get(RESULT_TOTAL);
        List<LeaderboardRow> lines = new ArrayList<>(rows.size());
        int skip = (page - 1) * rules.pageSize();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(row(rows.get(i), skip + i + 1, rows.get(i).get(RESULT_PLACE), bounds));
        }
        return new LeaderboardPage(lines, rows.isEmpty() ? 1 : page, pageCount(total), total);
    }

    private LeaderboardRow row(Record r, int position, long place, List<Long> bounds) {
        PlayerRating rating = Rows.rating(r);
        String userId = r.get(PLAYERS.USER_ID);
        String country = r.get(PLAYERS.COUNTRY);
        return new LeaderboardRow(position, userId == null ? rating.player().toString() : userId,
                country == null ? "ZZ" : country, letterAt(place, bounds), rating);
    }

    /** The letter rank of one (player, race) straight from the database. */
    public String rankUncached(RatingKey key) {
        Objects.requireNonNull(key, "key");
        Instant activeSince = clock.instant().minus(rules.ranks().activeWindow());
        RankScheme scheme = rules.ranks();
        return Sql.readConsistent(dsl, "read the rank of player " + key.player() + " " + key.race(), db -> {
            Optional<PlayerRating> entry = db.selectFrom(RATINGS)
                    .where(RATINGS.PLAYER_ID.eq(key.player().value()), RATINGS.RACE.eq(key.race()))
                    .fetchOptional()
                    .map(Rows::rating)
                    .filter(r -> isRanked(r, activeSince));
            if (entry.isEmpty()) {
                return scheme.unranked();
            }
            PlayerRating e = entry.get();
            Instant last = e.lastPlayed().orElseThrow();
            // Ranked entries better than this one, in Ranks.BEST_FIRST order.
            Condition better = RATINGS.RATING.gt(e.rating().value())
                    .or(RATINGS.RATING.eq(e.rating().value()).and(RATINGS.LAST_PLAYED.gt(last)))
                    .or(RATINGS.RATING.eq(e.rating().value()).and(RATINGS.LAST_PLAYED.eq(last))
                            .and(RATINGS.PLAYER_ID.lt(e.player().value())))
                    .or(RATINGS.RATING.eq(e.rating().value()).and(RATINGS.LAST_PLAYED.eq(last))
                            .and(RATINGS.PLAYER_ID.eq(e.player().value()))
                            .and(RATINGS.RACE.lt(e.race())));
            int before = db.fetchCount(RATINGS, ranked(activeSince).and(better));
            return letterAt(before + 1L, bounds(countRanked(db, activeSince)));
        });
    }

    // ---- SQL ----

    private Condition ranked(Instant activeSince) {
        return RATINGS.GAMES.ge(rules.ranks().minGames()).and(RATINGS.LAST_PLAYED.ge(activeSince));
    }

    private boolean isRanked(PlayerRating r, Instant activeSince) {
        return r.games() >= rules.ranks().minGames() && r.lastPlayed().map(l -> !l.isBefore(activeSince)).orElse(false);
    }

    private int countRanked(DSLContext db, Instant activeSince) {
        return db.fetchCount(RATINGS, ranked(activeSince));
    }

    /** Ranks.BEST_FIRST in SQL; ratings.race is COLLATE "C": code point order, like String.compareTo. */
    private static List<SortField<?>> bestFirst() {
        return List.of(RATINGS.RATING.desc(), RATINGS.LAST_PLAYED.desc(), RATINGS.PLAYER_ID.asc(),
                RATINGS.RACE.asc());
    }

    /** The ranked entries, numbered best first; for best race only also numbered within each player. */
    private CommonTableExpression<Record> rankedEntries(Instant activeSince, boolean bestRaceOnly) {
        List<Field<?>> columns = new ArrayList<>(List.of(RATINGS.PLAYER_ID, RATINGS.RACE));
        columns.add(rowNumber().over().orderBy(bestFirst()).as("place"));
        if (bestRaceOnly) {
            columns.add(rowNumber().over().partitionBy(RATINGS.PLAYER_ID).orderBy(bestFirst()).as("nth"));
        }
        return name("ranked").as(DSL.select(columns).from(RATINGS).where(ranked(activeSince)));
    }

    private Condition filters(LeaderboardQuery query, long[] places) {
        Condition condition = PLACE.between(places[0], places[1]);
        if (query.bestRaceOnly()) {
            condition = condition.and(NTH.eq(1L));
        }
        if (query.race().isPresent()) {
            condition = condition.and(RACE.eq(query.race().get()));
        }
        if (query.country().isPresent()) {
            condition = condition.and(upper(coalesce(PLAYERS.COUNTRY, inline("ZZ")))
                    .eq(upper(val(query.country().get()))));
        }
        return condition;
    }

    private List<Record> fetchFiltered(DSLContext db, LeaderboardQuery query, Instant activeSince, long[] places,
                                       int page) {
        Table<?> selected = table(name("selected"));
        Field<Long> selectedPlayer = field(name("selected", "player_id"), Long.class);
        Field<String> selectedRace = field(name("selected", "race"), String.class);
        Field<Long> selectedPlace = field(name("selected", "place"), Long.class);
        Field<Integer> selectedTotal = field(name("selected", "total"), Integer.class);
        var page40 = name("selected").as(DSL.select(PLAYER, RACE, PLACE, TOTAL)
                .from(RANKED)
                .leftJoin(PLAYERS).on(PLAYERS.ID.eq(PLAYER))
                .where(filters(query, places))
                .orderBy(PLACE)
                .limit(rules.pageSize())
                .offset((long) (page - 1) * rules.pageSize()));
        return db.with(rankedEntries(activeSince, query.bestRaceOnly()))
                .with(page40)
                .select(RATINGS.fields())
                .select(selectedPlace.as("place"), selectedTotal.as("total"), PLAYERS.USER_ID, PLAYERS.COUNTRY)
                .from(selected)
                .join(RATINGS).on(RATINGS.PLAYER_ID.eq(selectedPlayer), RATINGS.RACE.eq(selectedRace))
                .leftJoin(PLAYERS).on(PLAYERS.ID.eq(selectedPlayer))
                .orderBy(selectedPlace)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
    }

    private int countFiltered(DSLContext db, LeaderboardQuery query, Instant activeSince, long[] places) {
        return db.with(rankedEntries(activeSince, query.bestRaceOnly()))
                .selectCount()
                .from(RANKED)
                .leftJoin(PLAYERS).on(PLAYERS.ID.eq(PLAYER))
                .where(filters(query, places))
                .fetchSingle(0, Integer.class);
    }

    // ---- letters ----

    /** The last place of each band, best band first, for {@code n} ranked entries. */
    private List<Long> bounds(int n) {
        Map<String, Integer> counts = Ranks.counts(rules.ranks(), n);
        List<Long> bounds = new ArrayList<>(counts.size());
        long last = 0;
        for (RankScheme.Band band : rules.ranks().bands()) {
            last += counts.get(band.letter());
            bounds.add(last);
        }
        return bounds;
    }

    private String letterAt(long place, List<Long> bounds) {
        List<String> letters = rules.ranks().letters();
        for (int i = 0; i < bounds.size(); i++) {
            if (place <= bounds.get(i)) {
                return letters.get(i);
            }
        }
        return rules.ranks().unranked();
    }

    /** The first and last place of a band; first > last when the band is empty or unknown. */
    private long[] placesOf(String letter, List<Long> bounds) {
        List<String> letters = rules.ranks().letters();
        int index = letters.indexOf(letter);
        if (index < 0) {
            return new long[] {1, 0};
        }
        long first = index == 0 ? 1 : bounds.get(index - 1) + 1;
        return new long[] {first, bounds.get(index)};
    }

    private int pageCount(int total) {
        return Math.max(1, Math.min(rules.maxPages(), (total + rules.pageSize() - 1) / rules.pageSize()));
    }
}
