package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The start from {@link LineDuals}: it may change how long the certified search takes, never
 * what it finds. Every block, however small, starts from the estimate here, and the result is
 * checked against the greedy start and by the independent {@link CertificateChecker}.
 */
class LineDualsTest {

    private static final PairingBudget NO_LIMIT = new PairingBudget(100_000, Long.MAX_VALUE);
    private static final OptimalPairer LINE = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, NO_LIMIT, 2);
    private static final OptimalPairer GREEDY = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, NO_LIMIT,
            Integer.MAX_VALUE);

    @Property(tries = 60)
    void theLineStartReachesTheSameCertifiedOptimum(@ForAll Queues.Kind kind,
                                                   @ForAll @IntRange(min = 2, max = 400) int size,
                                                   @ForAll @IntRange(min = 20, max = 3000) int spread, @ForAll long seed) {
        if (kind == Queues.Kind.FIFO) {
            return;
        }
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, seed % 2 == 0);
        assertSameCertifiedOptimum(queue, kind.rules);
    }

    @Property(tries = 8)
    void onRealisticQueuesToo(@ForAll @IntRange(min = 2, max = 1500) int size, @ForAll long seed) {
        assertSameCertifiedOptimum(RealisticQueues.evoLadder(size, seed), EvoLadderRules.defaults());
    }

    /** Seats far apart: the estimate's rating range is capped, and beyond it the greedy start is kept. */
    @Example
    void aQueueSpanningMoreThanTheRangeStillPairsExactly() {
        List<QueuedPlayer> queue = Queues.random(Queues.Kind.EVOLADDER, 300, 5, 3 * LineDuals.MAX_RANGE, false);
        assertSameCertifiedOptimum(queue, Queues.Kind.EVOLADDER.rules);
    }

    /** One side only (a single pool meets itself): not the model's kind, so no estimate. */
    @Example
    void aSinglePoolHasNoEstimate() {
        List<QueuedPlayer> queue = RealisticQueues.singlePool(1200, 3);
        PairingGraph g = new PairingGraph(queue, SinglePoolRules.defaults(), true);
        int[] members = new int[g.n];
        Arrays.setAll(members, i -> i);
        int[] mate = new int[g.n];
        Arrays.fill(mate, -1);
        assertThat(LineDuals.estimate(g, members, mate)).isNull();
        assertSameCertifiedOptimum(queue, SinglePoolRules.defaults());
    }

    /**
     * What the estimate is for: on realistic queues of 3,000 players the search does less work
     * from it than from the greedy start (units of work are counted deterministically, so this
     * is not a timing).
     */
    @Example
    void theSearchDoesLessWorkFromTheEstimate() {
        long line = 0;
        long greedy = 0;
        for (long seed = 1; seed <= 3; seed++) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(3000, seed);
            line += steps(new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, NO_LIMIT), queue);
            greedy += steps(GREEDY, queue);
        }
        assertThat(line).isLessThan(greedy * 3 / 4);
    }

    private static long steps(OptimalPairer pairer, List<QueuedPlayer> queue) {
        Certification.Result result = pairer.certify(queue, EvoLadderRules.defaults(), new int[1][]);
        assertThat(result.optimality().exact()).isTrue();
        return result.searchSteps();
    }

    private static void assertSameCertifiedOptimum(List<QueuedPlayer> queue, MatchRules rules) {
        int[][] partner = new int[1][];
        Certification.Result result = LINE.certify(queue, rules, partner);
        long certified = CertificateChecker.verify(queue, rules, result, partner[0]);
        assertThat(result.optimality().exact()).isTrue();
        assertThat(result.optimality().lowerBoundSumSqGap()).isEqualTo(certified);
        assertThat(Objective.of(LINE.pair(queue, rules), rules)).isEqualTo(Objective.of(GREEDY.pair(queue, rules), rules));
    }
}
