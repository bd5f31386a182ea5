package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract every {@link Pairer} keeps, run against each of them and each rule set: every
 * queued player exactly once, every pair allowed, nobody against himself, maximal, deterministic.
 */
class PairerContractProperties {

    enum Implementation {
        OPTIMAL(Pairers.optimal()),
        /** The optimal pairer with the exact solver switched off: the large-queue path on small queues. */
        OPTIMAL_LARGE_PATH(new OptimalPairer(0)),
        /** The large-queue path with Edmonds' forest doing all the augmenting. */
        OPTIMAL_FOREST_ONLY(new OptimalPairer(0, false)),
        FIFO(Pairers.fifo());

        final Pairer pairer;

        Implementation(Pairer pairer) {
            this.pairer = pairer;
        }
    }

    @Provide
    Arbitrary<Integer> spreads() {
        return Arbitraries.of(100, 400, 1500);
    }

    @Property(tries = 300)
    void everyPlayerOnceInAllowedPairs(@ForAll Implementation implementation, @ForAll Queues.Kind kind,
                                       @ForAll @IntRange(min = 0, max = 60) int size, @ForAll long seed,
                                       @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        Pairing pairing = implementation.pairer.pair(queue, kind.rules);

        Map<PlayerId, Integer> seen = new HashMap<>();
        for (Pair pair : pairing.pairs()) {
            assertThat(pair.first().id()).isNotEqualTo(pair.second().id());
            assertThat(kind.rules.allowed(pair.first(), pair.firstSeat(), pair.second(), pair.secondSeat()))
                    .as("pair %s allowed", pair).isTrue();
            seen.merge(pair.first().id(), 1, Integer::sum);
            seen.merge(pair.second().id(), 1, Integer::sum);
        }
        for (QueuedPlayer player : pairing.unmatched()) {
            seen.merge(player.id(), 1, Integer::sum);
        }
        assertThat(seen).hasSize(queue.size());
        assertThat(seen.values()).allMatch(count -> count == 1);
        for (QueuedPlayer player : queue) {
            assertThat(seen).containsKey(player.id());
        }
    }

    @Property(tries = 300)
    void noTwoUnmatchedPlayersCouldMeet(@ForAll Implementation implementation, @ForAll Queues.Kind kind,
                                        @ForAll @IntRange(min = 0, max = 60) int size, @ForAll long seed,
                                        @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        List<QueuedPlayer> unmatched = implementation.pairer.pair(queue, kind.rules).unmatched();
        for (int i = 0; i < unmatched.size(); i++) {
            for (int j = i + 1; j < unmatched.size(); j++) {
                assertThat(Objective.closest(unmatched.get(i), unmatched.get(j), kind.rules))
                        .as("%s and %s could meet", unmatched.get(i).id(), unmatched.get(j).id())
                        .isNegative();
            }
        }
    }

    @Property(tries = 200)
    void sameQueueSamePairing(@ForAll Implementation implementation, @ForAll Queues.Kind kind,
                              @ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed,
                              @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        MatchRules rules = kind.rules;
        Pairing first = implementation.pairer.pair(queue, rules);
        Pairing second = implementation.pairer.pair(new ArrayList<>(queue), rules);
        assertThat(second).isEqualTo(first);
    }
}
