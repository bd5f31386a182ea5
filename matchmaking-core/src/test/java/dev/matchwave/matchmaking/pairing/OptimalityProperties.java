package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The optimal pairer against a brute-force optimum of the objective, and its two paths against each other. */
class OptimalityProperties {

    @Provide
    Arbitrary<Queues.Kind> ratedKinds() {
        return Arbitraries.of(Queues.Kind.EVOLADDER, Queues.Kind.SINGLE);
    }

    @Provide
    Arbitrary<Integer> spreads() {
        return Arbitraries.of(150, 400, 900);
    }

    @Property(tries = 1000)
    void equalsTheBruteForceOptimum(@ForAll("ratedKinds") Queues.Kind kind,
                                    @ForAll @IntRange(min = 0, max = 10) int size, @ForAll long seed,
                                    @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        Pairing pairing = Pairers.optimal().pair(queue, kind.rules);
        assertThat(Objective.of(pairing, kind.rules)).isEqualTo(Objective.bruteForce(queue, kind.rules));
    }

    /** The large-queue path is exact on the number of pairs and on waits, and never better than optimal on gaps. */
    @Property(tries = 1000)
    void largeQueuePathIsExactOnPairsAndWaits(@ForAll("ratedKinds") Queues.Kind kind,
                                              @ForAll @IntRange(min = 0, max = 10) int size, @ForAll long seed,
                                              @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        Objective best = Objective.bruteForce(queue, kind.rules);
        for (OptimalPairer largePath : new OptimalPairer[] {new OptimalPairer(0), new OptimalPairer(0, false)}) {
            Objective got = Objective.of(largePath.pair(queue, kind.rules), kind.rules);
            assertThat(got.pairs()).isEqualTo(best.pairs());
            assertThat(got.waitSum()).isEqualTo(best.waitSum());
            assertThat(got.gapSum()).isGreaterThanOrEqualTo(best.gapSum());
        }
    }

    @Property(tries = 300)
    void largeQueuePathMatchesTheExactSolverOnPairsAndWaits(@ForAll("ratedKinds") Queues.Kind kind,
                                                            @ForAll @IntRange(min = 10, max = 120) int size,
                                                            @ForAll long seed, @ForAll("spreads") int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        Objective exact = Objective.of(Pairers.optimal().pair(queue, kind.rules), kind.rules);
        for (OptimalPairer largePath : new OptimalPairer[] {new OptimalPairer(0), new OptimalPairer(0, false)}) {
            Objective large = Objective.of(largePath.pair(queue, kind.rules), kind.rules);
            assertThat(large.pairs()).isEqualTo(exact.pairs());
            assertThat(large.waitSum()).isEqualTo(exact.waitSum());
            assertThat(large.gapSum()).isGreaterThanOrEqualTo(exact.gapSum());
        }
    }

    /** The same on the realistic queues, where nested blossoms are common. */
    @Property(tries = 150)
    void largeQueuePathMatchesTheExactSolverOnRealisticQueues(@ForAll @IntRange(min = 20, max = 120) int size,
                                                             @ForAll long seed) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
        Objective exact = Objective.of(Pairers.optimal().pair(queue, rules), rules);
        for (OptimalPairer largePath : new OptimalPairer[] {new OptimalPairer(0), new OptimalPairer(0, false)}) {
            Objective large = Objective.of(largePath.pair(queue, rules), rules);
            assertThat(large.pairs()).isEqualTo(exact.pairs());
            assertThat(large.waitSum()).isEqualTo(exact.waitSum());
            assertThat(large.gapSum()).isGreaterThanOrEqualTo(exact.gapSum());
        }
    }

    /** First in, first out: join order, and (with waits that follow join order) the objective's optimum. */
    @Property(tries = 300)
    void fifoPairsInJoinOrder(@ForAll @IntRange(min = 0, max = 10) int size, @ForAll long seed) {
        List<QueuedPlayer> queue = Queues.random(Queues.Kind.FIFO, size, seed, 100, true);
        Pairing pairing = Pairers.optimal().pair(queue, Queues.Kind.FIFO.rules);
        assertThat(pairing.pairs()).hasSize(size / 2);
        for (int i = 0; i < pairing.pairs().size(); i++) {
            Pair pair = pairing.pairs().get(i);
            assertThat(pair.first()).isEqualTo(queue.get(2 * i));
            assertThat(pair.second()).isEqualTo(queue.get(2 * i + 1));
        }
        assertThat(Objective.of(pairing, Queues.Kind.FIFO.rules))
                .isEqualTo(Objective.bruteForce(queue, Queues.Kind.FIFO.rules));
    }
}
