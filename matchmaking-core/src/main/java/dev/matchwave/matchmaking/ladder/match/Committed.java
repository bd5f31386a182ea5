package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import java.util.List;
import java.util.Objects;

/**
 * A stored {@link MatchTransition}. Immutable.
 *
 * @param match  the match as stored
 * @param ledger the ledger entries written, in the order of the transition's rating changes
 */
public record Committed(Match match, List<LedgerEntry> ledger) {

    public Committed {
        Objects.requireNonNull(match, "match");
        ledger = List.copyOf(Objects.requireNonNull(ledger, "ledger"));
    }
}
