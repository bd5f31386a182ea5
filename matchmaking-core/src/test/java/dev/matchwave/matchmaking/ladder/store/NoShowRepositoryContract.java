package dev.matchwave.matchmaking.ladder.store;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRepository;
import dev.matchwave.matchmaking.ladder.penalty.QueueBar;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link NoShowRepository}; {@link #newStore} returns an empty store. */
public abstract class NoShowRepositoryContract {

    protected abstract LadderStore newStore();

    private LadderStore store;
    private NoShowRepository noShows;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        noShows = store.noShows();
        register(store, 1, 2);
    }

    @Test
    void keepsTimeoutsOncePerMatchOldestFirst() {
        assertThat(noShows.addTimeout(player(1), MatchId.of(11), at(100))).isTrue();
        assertThat(noShows.addTimeout(player(1), MatchId.of(10), at(50))).isTrue();
        assertThat(noShows.addTimeout(player(1), MatchId.of(11), at(100))).as("the same timeout again").isFalse();
        assertThat(noShows.addTimeout(player(2), MatchId.of(11), at(100))).as("the opponent's").isTrue();

        assertThat(noShows.timeoutsSince(player(1), at(0))).containsExactly(at(50), at(100));
        assertThat(noShows.timeoutsSince(player(1), at(51))).containsExactly(at(100));
        assertThat(noShows.timeoutsSince(player(3), at(0))).isEmpty();
    }

    @Test
    void aTimeoutOfAnUnknownPlayerIsRefused() {
        Assertions.assertThatThrownBy(() -> noShows.addTimeout(player(3), MatchId.of(1), at(1)))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void barsAreInForceUntilTheyEndOrAreLiftedAndALiftIsAudited() {
        QueueBar first = new QueueBar(player(1), at(100), at(200), 3, 0, Optional.empty());
        QueueBar second = new QueueBar(player(1), at(1000), at(1300), 3, 1, Optional.empty());
        // Read before: a store that caches bars must not answer from before a bar or a lift.
        assertThat(noShows.barInForce(player(1), at(1100))).isEmpty();
        noShows.addBar(second);
        assertThat(noShows.barInForce(player(1), at(1100))).contains(second);
        noShows.addBar(first);

        assertThat(noShows.barsSince(player(1), at(0))).containsExactly(first, second);
        assertThat(noShows.barsSince(player(1), at(101))).containsExactly(second);
        assertThat(noShows.barInForce(player(1), at(99))).isEmpty();
        assertThat(noShows.barInForce(player(1), at(100))).contains(first);
        assertThat(noShows.barInForce(player(1), at(200))).as("ends at until").isEmpty();
        assertThat(noShows.barInForce(player(2), at(150))).isEmpty();

        assertThat(noShows.lift(player(1), at(500), ContractFixtures.action(AdminActionKind.LIFT_COOLDOWN,
                "player:1", 500))).as("nothing in force").isEmpty();
        assertThat(store.audit().recent(10)).as("nothing lifted, nothing audited").isEmpty();

        assertThat(noShows.barInForce(player(1), at(1100))).contains(second);
        Optional<QueueBar> lifted = noShows.lift(player(1), at(1100),
                ContractFixtures.action(AdminActionKind.LIFT_COOLDOWN, "player:1", 1100));
        assertThat(lifted).contains(second.liftedAt(at(1100)));
        assertThat(noShows.barInForce(player(1), at(1100))).isEmpty();
        assertThat(noShows.barsSince(player(1), at(0))).containsExactly(first, second.liftedAt(at(1100)));
        assertThat(store.audit().recent(10)).singleElement()
                .satisfies(entry -> assertThat(entry.action().kind()).isEqualTo(AdminActionKind.LIFT_COOLDOWN));
    }
}
