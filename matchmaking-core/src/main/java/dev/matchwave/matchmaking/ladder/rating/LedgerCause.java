package dev.matchwave.matchmaking.ladder.rating;

/** Why a rating changed. */
public enum LedgerCause {
    /** Both players reported the same result and the match completed. */
    MATCH,
    /** An admin resolved the match (a conflict, or a correction of an earlier result). */
    RESOLUTION,
    /**
     * The effect of an earlier {@link #MATCH} or {@link #RESOLUTION} entry of the same match was
     * taken back, before a redone resolution or an invalidation.
     */
    REVERSAL,
    /** An admin set, raised or lowered the rating by hand. */
    ADJUSTMENT,
    /**
     * A new season started: the rating moved as the season's reset says and the record (games,
     * wins, losses, draws, last played) started again; the entry's {@code before} is the closing
     * season's final state.
     */
    SEASON_RESET;

    /** True for the causes that apply a match result (as opposed to taking one back or adjusting). */
    public boolean appliesResult() {
        return this == MATCH || this == RESOLUTION;
    }

    /** True for the causes that come from a match (the others take none: adjustments, season resets). */
    public boolean fromMatch() {
        return this != ADJUSTMENT && this != SEASON_RESET;
    }
}
