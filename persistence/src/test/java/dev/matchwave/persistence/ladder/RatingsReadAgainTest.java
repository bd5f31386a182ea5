package dev.matchwave.persistence.ladder;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.store.ContractFixtures;
import dev.matchwave.persistence.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * After a rating change of a few players (a match's result), their ratings are read again in the
 * background, so their next join finds the new ones in memory; a change of many players (a
 * season's start) leaves them to the joins. The background reads run at once here.
 */
class RatingsReadAgainTest {

    private final PostgresLadderStore store = TestDatabases.emptyStore();
    private final List<Runnable> backgroundReads = new ArrayList<>();
    private final PostgresRatingRepository ratings = new PostgresRatingRepository(store.database().dsl(), () -> { },
            backgroundReads::add);

    private RatingChange change(long player, int to) {
        PlayerRating before = ratings.find(player(player), "bw_zerg")
                .orElse(PlayerRating.fresh(player(player), "bw_zerg", Rating.points(1500)));
        return new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before,
                before.afterGame(Rating.points(to), 1.0, at(10)), at(10));
    }

    @Test
    void aMatchsPlayersAreReadAgainAfterTheirChangeWithTheNewRatings() {
        ContractFixtures.register(store, 1, 2);
        ratings.find(player(1), "bw_zerg"); // cached (empty)
        RatingChange one = change(1, 1520);
        RatingChange two = change(2, 1480);

        ratings.record(List.of(one, two), Optional.empty());
        assertThat(ratings.cached(player(1))).as("dropped once the write committed").isEmpty();
        assertThat(backgroundReads).hasSize(2);

        backgroundReads.forEach(Runnable::run);
        assertThat(ratings.cached(player(1))).hasValueSatisfying(r -> assertThat(r.get("bw_zerg")).isEqualTo(one.after()));
        assertThat(ratings.cached(player(2))).hasValueSatisfying(r -> assertThat(r.get("bw_zerg")).isEqualTo(two.after()));
    }

    @Test
    void aChangeOfManyPlayersIsNotReadAgain() {
        List<RatingChange> changes = new ArrayList<>();
        for (long id = 1; id <= PostgresRatingRepository.READ_AGAIN_AT_MOST + 1; id++) {
            ContractFixtures.register(store, id);
            changes.add(change(id, 1400 + (int) id));
        }
        ratings.record(changes, Optional.empty());
        assertThat(backgroundReads).isEmpty();
        assertThat(ratings.cached(player(1))).isEmpty();
    }
}
