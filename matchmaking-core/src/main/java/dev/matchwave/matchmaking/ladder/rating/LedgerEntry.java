package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * A stored {@link RatingChange}. Immutable.
 *
 * @param sequence position in the ledger, assigned by the repository: positive, increasing in
 *                 the order changes were stored; replaying in this order rebuilds the ratings
 * @param change   the change
 */
public record LedgerEntry(long sequence, RatingChange change) {

    public LedgerEntry {
        Objects.requireNonNull(change, "change");
        if (sequence <= 0) {
            throw new IllegalArgumentException("ledger sequence must be positive, got " + sequence);
        }
    }

    public PlayerId player() {
        return change.player();
    }

    public String race() {
        return change.race();
    }

    public PlayerRating before() {
        return change.before();
    }

    public PlayerRating after() {
        return change.after();
    }

    public LedgerCause cause() {
        return change.cause();
    }
}
