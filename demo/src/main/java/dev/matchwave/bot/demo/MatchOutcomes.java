package dev.matchwave.bot.demo;

/**
 * How the demo's matches ended up, counted over the whole run. Immutable.
 *
 * @param confirmed matches both players confirmed
 * @param aborted   matches a player aborted
 * @param timedOut  matches not confirmed in time
 * @param completed matches whose result was recorded (both reports agreed, or an admin resolved)
 * @param conflicts matches whose two reports disagreed
 */
public record MatchOutcomes(int confirmed, int aborted, int timedOut, int completed, int conflicts) {

    /** Nothing happened yet. */
    public static final MatchOutcomes NONE = new MatchOutcomes(0, 0, 0, 0, 0);

    public MatchOutcomes {
        requireCount("confirmed", confirmed);
        requireCount("aborted", aborted);
        requireCount("timedOut", timedOut);
        requireCount("completed", completed);
        requireCount("conflicts", conflicts);
    }

    private static void requireCount(String name, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }
}
