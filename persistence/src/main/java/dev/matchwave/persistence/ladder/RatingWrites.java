package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.RATINGS;
import static dev.matchwave.persistence.internal.schema.Tables.RATING_LEDGER;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.row;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import dev.matchwave.persistence.internal.schema.RatingLedgerRecord;
import dev.matchwave.persistence.internal.schema.RatingsRecord;
import dev.matchwave.persistence.internal.schema.Sequences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Row2;

/**
 * Writes rating changes with their ledger entries, inside the caller's transaction: the rating
 * table always holds the fold of the ledger.
 *
 * <p>Concurrency: the stored rows are read {@code FOR UPDATE}, so two transactions changing the
 * same (player, race) take turns and the second sees the first's result (and is refused as stale
 * if it computed from the old one). A rating that does not exist yet is inserted without
 * {@code ON CONFLICT}: if another transaction created it meanwhile, the primary key refuses the
 * second insert, reported as stale. Ledger sequences are drawn after the locks, so per
 * (player, race) they follow the order of the writes.
 */
final class RatingWrites {

    private RatingWrites() {
    }

    /**
     * Checks and stores {@code changes} (in order) in the transaction of {@code tx}.
     *
     * @return the ledger entries, in the order of the changes
     * @throws StoreException STALE if a change's {@code before} is not the stored rating
     */
    static List<LedgerEntry> apply(DSLContext tx, List<RatingChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<RatingChange> stored = changes.stream().map(Rows::micros).toList();
        Map<RatingKey, PlayerRating> working = new HashMap<>();
        List<Row2<Long, String>> keys = stored.stream()
                .map(c -> row(c.player().value(), c.race()))
                .distinct()
                .toList();
        for (RatingsRecord r : tx.selectFrom(RATINGS)
                .where(row(RATINGS.PLAYER_ID, RATINGS.RACE).in(keys))
                .forUpdate()
                .fetch()) {
            PlayerRating rating = Rows.rating(r);
            working.put(RatingKey.of(rating), rating);
        }
        Map<RatingKey, Boolean> existed = new HashMap<>();
        working.keySet().forEach(k -> existed.put(k, true));
        Map<RatingKey, PlayerRating> finalRows = new LinkedHashMap<>();
        for (RatingChange change : stored) {
            RatingKey key = new RatingKey(change.player(), change.race());
            PlayerRating current = working.get(key);
            boolean matches = current == null ? change.before().isFresh() : current.equals(change.before());
            if (!matches) {
                throw StoreException.stale("rating of player " + change.player() + " " + change.race()
                        + " changed since it was read: stored " + current + ", expected " + change.before());
            }
            working.put(key, change.after());
            finalRows.put(key, change.after());
        }

        List<RatingsRecord> inserts = new ArrayList<>();
        List<RatingsRecord> updates = new ArrayList<>();
        finalRows.forEach((key, rating) -> (existed.containsKey(key) ? updates : inserts).add(Rows.ratingRow(rating)));
        if (!inserts.isEmpty()) {
            // No ON CONFLICT: a row created meanwhile by another writer is a stale read (ratings_pk).
            tx.insertInto(RATINGS, RATINGS.fields()).valuesOfRecords(inserts).execute();
        }
        if (!updates.isEmpty()) {
            tx.insertInto(RATINGS, RATINGS.fields())
                    .valuesOfRecords(updates)
                    .onConflict(RATINGS.PLAYER_ID, RATINGS.RACE)
                    .doUpdate()
                    .set(RATINGS.RATING, excluded(RATINGS.RATING))
                    .set(RATINGS.DEVIATION, excluded(RATINGS.DEVIATION))
                    .set(RATINGS.VOLATILITY, excluded(RATINGS.VOLATILITY))
                    .set(RATINGS.GAMES, excluded(RATINGS.GAMES))
                    .set(RATINGS.WINS, excluded(RATINGS.WINS))
                    .set(RATINGS.LOSSES, excluded(RATINGS.LOSSES))
                    .set(RATINGS.DRAWS, excluded(RATINGS.DRAWS))
                    .set(RATINGS.LAST_PLAYED, excluded(RATINGS.LAST_PLAYED))
                    .execute();
        }

        List<Long> sequences = nextValues(tx, stored.size());
        List<RatingLedgerRecord> rows = new ArrayList<>(stored.size());
        List<LedgerEntry> entries = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            rows.add(Rows.ledgerRow(sequences.get(i), stored.get(i)));
            entries.add(new LedgerEntry(sequences.get(i), stored.get(i)));
        }
        tx.insertInto(RATING_LEDGER, RATING_LEDGER.fields()).valuesOfRecords(rows).execute();
        return entries;
    }

    /** {@code count} values of the ledger sequence, increasing, in one query. */
    private static List<Long> nextValues(DSLContext tx, int count) {
        return tx.select(Sequences.LEDGER_SEQUENCE.nextval())
                .from(org.jooq.impl.DSL.generateSeries(1, count))
                .fetch(0, Long.class)
                .stream()
                .sorted()
                .toList();
    }
}
