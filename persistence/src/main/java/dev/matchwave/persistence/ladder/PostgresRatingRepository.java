package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.RATINGS;
import static dev.matchwave.persistence.internal.schema.Tables.RATING_LEDGER;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.admin.AdminAction;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import dev.matchwave.persistence.internal.SqlFailures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link RatingRepository} on PostgreSQL: {@code ratings} (one row per player and race) and the
 * {@code rating_ledger}. A player's ratings for all races come in one query.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
final class PostgresRatingRepository implements RatingRepository {

    private final DSLContext dsl;
    private final Runnable ratingsChanged;

    PostgresRatingRepository(DSLContext dsl, Runnable ratingsChanged) {
        this.dsl = dsl;
        this.ratingsChanged = ratingsChanged;
    }

    @Override
    public Optional<PlayerRating> find(PlayerId player, String race) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
        return SqlFailures.call("find rating of player " + player + " " + race, () -> dsl.selectFrom(RATINGS)
                .where(RATINGS.PLAYER_ID.eq(player.value()), RATINGS.RACE.eq(race))
                .fetchOptional()
                .map(Rows::rating));
    }

    @Override
    public Map<String, PlayerRating> ratingsOf(PlayerId player) {
        Objects.requireNonNull(player, "player");
        return SqlFailures.call("read ratings of player " + player, () -> {
            Map<String, PlayerRating> byRace = new LinkedHashMap<>();
            dsl.selectFrom(RATINGS)
                    .where(RATINGS.PLAYER_ID.eq(player.value()))
                    .orderBy(RATINGS.RACE)
                    .fetch()
                    .forEach(r -> byRace.put(r.getRace(), Rows.rating(r)));
            return byRace;
        });
    }

    @Override
    public List<PlayerRating> all() {
        return SqlFailures.call("read all ratings", () -> dsl.selectFrom(RATINGS)
                .orderBy(RATINGS.PLAYER_ID, RATINGS.RACE)
                .fetch(Rows::rating));
    }

    @Override
    public List<LedgerEntry> record(List<RatingChange> changes, Optional<AdminAction> audit) {
        List<RatingChange> copy = List.copyOf(changes);
        Objects.requireNonNull(audit, "audit");
        List<LedgerEntry> entries = SqlFailures.call("record " + copy.size() + " rating changes",
                () -> dsl.transactionResult(tx -> {
                    List<LedgerEntry> written = RatingWrites.apply(tx.dsl(), copy);
                    audit.ifPresent(a -> tx.dsl().insertInto(ADMIN_ACTIONS).set(Rows.auditRow(a)).execute());
                    return written;
                }));
        if (!entries.isEmpty()) {
            ratingsChanged.run();
        }
        return entries;
    }

    @Override
    public List<LedgerEntry> ledger(long afterSequence, int limit) {
        Limits.requirePositive(limit);
        return SqlFailures.call("read the rating ledger", () -> dsl.selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.SEQUENCE.gt(afterSequence))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .limit(limit)
                .fetch(Rows::ledgerEntry));
    }

    @Override
    public List<LedgerEntry> ledgerOf(MatchId match) {
        Objects.requireNonNull(match, "match");
        return SqlFailures.call("read the rating ledger of match " + match, () -> dsl.selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.MATCH_ID.eq(match.value()))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .fetch(Rows::ledgerEntry));
    }

    @Override
    public List<LedgerEntry> ledgerOf(PlayerId player, String race) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
        return SqlFailures.call("read the rating ledger of player " + player + " " + race, () -> dsl
                .selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.PLAYER_ID.eq(player.value()), RATING_LEDGER.RACE.eq(race))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .fetch(Rows::ledgerEntry));
    }
}
