package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The demo's independent bound on random ladder queues: greedy never beats it, and the bot's
 * pairer reaches it (the pairer claims to be exact for the number of pairs; the demo checks it
 * every wave, this checks it on many more queues).
 */
class PairingBoundProperties {

    private static final EvoLadderRules RULES = EvoLadderRules.defaults();

    @Property(tries = 200)
    void greedyNeverBeatsTheMaximumAndTheOptimalPairerReachesIt(@ForAll long seed,
                                                               @ForAll @IntRange(min = 0, max = 40) int size) {
        List<QueuedPlayer> queue = queue(seed, size);
        PairingBound bound = PairingBound.of(queue, RULES);
        assertThat(bound.queued()).isEqualTo(size);
        assertThat(bound.greedyPairs()).isLessThanOrEqualTo(bound.maxPairs());
        assertThat(Pairers.optimal().pair(queue, RULES).pairs()).hasSize(bound.maxPairs());
    }

    /** A queue like the demo's crowd: ratings near each other, dual-race players, some vetoes. */
    private static List<QueuedPlayer> queue(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        List<QueuedPlayer> queue = new ArrayList<>();
        List<String> pool = RULES.mapPool();
        for (int i = 0; i < size; i++) {
            int rating = 1500 + (int) Math.round(200 * random.nextGaussian());
            double kind = random.nextDouble();
            List<Seat> seats = new ArrayList<>();
            if (kind < 0.8) {
                seats.add(EvoLadderRules.seat("bw_" + race(random), rating + random.nextInt(-60, 61)));
            }
            if (kind >= 0.4) {
                seats.add(EvoLadderRules.seat("sc2_" + race(random), rating + random.nextInt(-60, 61)));
            }
            Set<String> vetoes = random.nextInt(4) == 0 ? Set.of(pool.get(random.nextInt(pool.size()))) : Set.of();
            queue.add(new QueuedPlayer(PlayerId.of(i + 1), seats, new Preferences(vetoes, Optional.of("EUW")),
                    Instant.EPOCH.plusSeconds(i), random.nextInt(4)));
        }
        return queue;
    }

    private static String race(SplittableRandom random) {
        return List.of("terran", "zerg", "protoss").get(random.nextInt(3));
    }
}
