package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.ladder.MatchId;
import java.util.Objects;

/**
 * Names the in-game chat channel where the two players of a match meet. Derived from the match
 * id, so it needs no storage. Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface ChannelNaming {

    String channelFor(MatchId match);

    /** The reference ladder: {@code "scevo"} and two digits of (match id mod 10), 0 shown as 10. */
    static ChannelNaming reference() {
        return cycling("scevo", 10);
    }

    /**
     * {@code prefix} and two digits of (match id mod {@code channels}), 0 shown as
     * {@code channels}: channels 01 to {@code channels} are reused in turn.
     *
     * @param channels between 1 and 99
     */
    static ChannelNaming cycling(String prefix, int channels) {
        Objects.requireNonNull(prefix, "prefix");
        if (channels < 1 || channels > 99) {
            throw new IllegalArgumentException("channels must be between 1 and 99, got " + channels);
        }
        return match -> {
            long n = match.value() % channels;
            return prefix + String.format("%02d", n == 0 ? channels : n);
        };
    }
}
