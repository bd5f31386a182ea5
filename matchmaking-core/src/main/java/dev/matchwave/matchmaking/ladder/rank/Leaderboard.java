package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current leaderboard: an immutable {@link LeaderboardSnapshot} swapped atomically by
 * {@link #refresh}. Thread-safe; {@link #snapshot} and {@link #page} never block and never wait
 * for a refresh; {@link #refresh} reads the store (blocking I/O) and is meant for one writer at a
 * time (a scheduled task, or after a match result).
 */
public final class Leaderboard implements LeaderboardSource {

    private final LadderStore store;
    private final LeaderboardRules rules;
    private final InstantSource clock;
    private final AtomicReference<LeaderboardSnapshot> current;

    public Leaderboard(LadderStore store, LeaderboardRules rules, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = new AtomicReference<>(LeaderboardSnapshot.empty(rules, clock.instant()));
    }

    /** Rebuilds the snapshot from the store's ratings and players, and publishes it. */
    public LeaderboardSnapshot refresh() {
        List<PlayerRating> ratings = store.ratings().all();
        Map<PlayerId, Player> players = store.players().findAll(
                ratings.stream().map(PlayerRating::player).distinct().toList());
        LeaderboardSnapshot next = LeaderboardSnapshot.of(rules, ratings, players, clock.instant());
        current.set(next);
        return next;
    }

    /** The last published snapshot (empty until the first refresh). */
    public LeaderboardSnapshot snapshot() {
        return current.get();
    }

    /** A page of the last published snapshot. */
    @Override
    public LeaderboardPage page(LeaderboardQuery query) {
        return current.get().page(query);
    }

    /** The letter rank of one (player, race) in the last published snapshot. */
    @Override
    public String rankOf(PlayerId player, String race) {
        return current.get().rankOf(player, race);
    }
}
