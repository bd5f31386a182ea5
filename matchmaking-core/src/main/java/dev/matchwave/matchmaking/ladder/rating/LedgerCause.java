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
    ADJUSTMENT;

    /** True for the causes that apply a match result (as opposed to taking one back or adjusting). */
    public boolean appliesResult() {
        return this == MATCH || this == RESOLUTION;
    }
}
