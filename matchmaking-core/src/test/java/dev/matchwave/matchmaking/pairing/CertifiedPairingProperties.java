package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * The certified pairer: every certificate passes the independent {@link CertificateChecker},
 * the objective equals that of JGraphT's Blossom V ({@link KolmogorovWeightedMatching}) on the
 * same lexicographic weights (scaled by a power of two so that its double arithmetic stays exact
 * enough, up to a few thousand players), and a spent budget gives a valid lower bound.
 */
class CertifiedPairingProperties {

    /** No work limit: these queues are small enough to be solved exactly, and must be. */
    private static final OptimalPairer CERTIFIED = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
            new PairingBudget(100_000, Long.MAX_VALUE));

    @Property(tries = 12)
    void realisticQueuesCarryAValidCertificate(@ForAll @IntRange(min = 2, max = 500) int size, @ForAll long seed) {
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
        assertCertified(queue, EvoLadderRules.defaults());
    }

    /** Larger than the properties reach: the candidate graph, pricing and passes at work. */
    @Example
    void largerRealisticQueuesCarryAValidCertificate() {
        assertCertified(RealisticQueues.evoLadder(1201, 20261206), EvoLadderRules.defaults());
        assertCertified(RealisticQueues.singlePool(800, 11), SinglePoolRules.defaults());
    }

    @Property(tries = 40)
    void crowdedQueuesCarryAValidCertificate(@ForAll Queues.Kind kind, @ForAll @IntRange(min = 2, max = 300) int size,
                                             @ForAll @IntRange(min = 50, max = 3000) int spread, @ForAll long seed) {
        if (kind == Queues.Kind.FIFO) {
            return;
        }
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, seed % 2 == 0);
        assertCertified(queue, kind.rules);
    }

    /** Up to 600 players here; larger queues in {@link #agreesWithBlossomVOnLargeRealisticQueues}. */
    @Property(tries = 6)
    void agreesWithBlossomVOnRealisticQueues(@ForAll @IntRange(min = 20, max = 600) int size, @ForAll long seed) {
        List<QueuedPlayer> queue = seed % 2 == 0 ? RealisticQueues.evoLadder(size, seed)
                : RealisticQueues.singlePool(size, seed);
        MatchRules rules = seed % 2 == 0 ? EvoLadderRules.defaults() : SinglePoolRules.defaults();
        Pairing pairing = CERTIFIED.pair(queue, rules);
        assertThat(Objective.of(pairing, rules)).isEqualTo(oracle(queue, rules));
        assertThat(pairing.optimality().exact()).isTrue();
        assertThat(pairing.optimality().lowerBoundSumSqGap()).isEqualTo(pairing.sumSquaredGaps());
    }

    /**
     * The oracle at a thousand and two thousand players (its weights scaled, see {@link
     * #oracle}; 3,000 also agrees, but the explicit graph of a million allowed pairs makes it a
     * minute's run).
     */
    @Example
    void agreesWithBlossomVOnLargeRealisticQueues() {
        for (int size : new int[] {1000, 2000}) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, 20261206L + size);
            Pairing pairing = CERTIFIED.pair(queue, EvoLadderRules.defaults());
            assertThat(Objective.of(pairing, EvoLadderRules.defaults()))
                    .as("%d players", size).isEqualTo(oracle(queue, EvoLadderRules.defaults()));
            assertThat(pairing.optimality().exact()).isTrue();
        }
    }

    @Property(tries = 20)
    void agreesWithBlossomVOnCrowdedQueues(@ForAll Queues.Kind kind, @ForAll @IntRange(min = 2, max = 200) int size,
                                           @ForAll long seed) {
        if (kind == Queues.Kind.FIFO) {
            return;
        }
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, 1200, false);
        assertThat(Objective.of(CERTIFIED.pair(queue, kind.rules), kind.rules)).isEqualTo(oracle(queue, kind.rules));
    }

    @Property(tries = 10)
    void aSpentBudgetStillGivesAValidLowerBound(@ForAll @IntRange(min = 20, max = 250) int size, @ForAll long seed,
                                                @ForAll @IntRange(min = 0, max = 50) int steps) {
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
        EvoLadderRules rules = EvoLadderRules.defaults();
        Pairing limited = Pairers.optimal(new PairingBudget(size, steps)).pair(queue, rules);
        Objective best = oracle(queue, rules);
        Objective got = Objective.of(limited, rules);
        assertThat(got.pairs()).isEqualTo(best.pairs());
        assertThat(got.waitSum()).isEqualTo(best.waitSum());
        assertThat(limited.optimality().lowerBoundSumSqGap()).isLessThanOrEqualTo(best.gapSum());
        if (limited.optimality().exact()) {
            assertThat(got.gapSum()).isEqualTo(best.gapSum());
        }
    }

    /**
     * A block over the budget's size is paired exactly segment by segment: the first two parts
     * of the objective stay exact, the squared gaps never exceed the fast pairing's, and the
     * bound stays below the optimum.
     */
    @Property(tries = 15)
    void segmentsKeepTheFirstTwoExactAndNeverWorsenTheGaps(@ForAll Queues.Kind kind,
                                                           @ForAll @IntRange(min = 150, max = 400) int size,
                                                           @ForAll @IntRange(min = 2, max = 120) int segment,
                                                           @ForAll long seed) {
        if (kind == Queues.Kind.FIFO) {
            return;
        }
        List<QueuedPlayer> queue = seed % 3 == 0 ? RealisticQueues.evoLadder(size, seed)
                : Queues.random(kind, size, seed, 1200, seed % 2 == 0);
        MatchRules rules = seed % 3 == 0 ? EvoLadderRules.defaults() : kind.rules;
        Pairing segmented = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
                new PairingBudget(segment, Long.MAX_VALUE)).pair(queue, rules);
        Objective best = oracle(queue, rules);
        Objective got = Objective.of(segmented, rules);
        assertThat(got.pairs()).isEqualTo(best.pairs());
        assertThat(got.waitSum()).isEqualTo(best.waitSum());
        assertThat(got.gapSum()).isGreaterThanOrEqualTo(best.gapSum())
                .isLessThanOrEqualTo(NO_SEARCH.pair(queue, rules).sumSquaredGaps());
        assertThat(segmented.optimality().lowerBoundSumSqGap()).isLessThanOrEqualTo(best.gapSum());
    }

    /** Every block beyond the exact search, but search work allowed: the duals' bound is computed. */
    private static final OptimalPairer BOUND_ONLY = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
            new PairingBudget(0, 1));
    private static final OptimalPairer NO_SEARCH = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
            PairingBudget.NONE);

    @Property(tries = 15)
    void theDualsBoundIsValidOnCrowdedQueues(@ForAll Queues.Kind kind, @ForAll @IntRange(min = 130, max = 300) int size,
                                             @ForAll @IntRange(min = 50, max = 3000) int spread, @ForAll long seed) {
        if (kind == Queues.Kind.FIFO) {
            return;
        }
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, seed % 2 == 0);
        Pairing bounded = BOUND_ONLY.pair(queue, kind.rules);
        Objective best = oracle(queue, kind.rules);
        assertThat(Objective.of(bounded, kind.rules).pairs()).isEqualTo(best.pairs());
        assertThat(bounded.optimality().lowerBoundSumSqGap())
                .isLessThanOrEqualTo(best.gapSum())
                .isGreaterThanOrEqualTo(NO_SEARCH.pair(queue, kind.rules).optimality().lowerBoundSumSqGap());
    }

    /**
     * On realistic queues the duals' bound is far closer to the optimum than the nearest-distance
     * bound (at 2,000 players 0.80 to 0.97 of it on six seeds, 0.82 to 0.90 on the three here;
     * the nearest-distance bound 0.27 to 0.44).
     */
    @Example
    void theDualsBoundIsCloseOnRealisticQueues() {
        EvoLadderRules rules = EvoLadderRules.defaults();
        for (long seed = 1; seed <= 3; seed++) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(2000, seed);
            long optimum = CERTIFIED.pair(queue, rules).sumSquaredGaps();
            long dual = BOUND_ONLY.pair(queue, rules).optimality().lowerBoundSumSqGap();
            long nearest = NO_SEARCH.pair(queue, rules).optimality().lowerBoundSumSqGap();
            assertThat(dual).isLessThanOrEqualTo(optimum).isGreaterThan(optimum * 3 / 4).isGreaterThan(2 * nearest);
        }
    }

    private static void assertCertified(List<QueuedPlayer> queue, MatchRules rules) {
        int[][] partner = new int[1][];
        Certification.Result result = CERTIFIED.certify(queue, rules, partner);
        long certified = CertificateChecker.verify(queue, rules, result, partner[0]);
        assertThat(result.optimality().exact()).isTrue();
        assertThat(result.optimality().lowerBoundSumSqGap()).isEqualTo(certified);
        Pairing pairing = CERTIFIED.pair(queue, rules);
        assertThat(pairing.sumSquaredGaps()).isEqualTo(certified);
    }

    private static long maxWait(List<QueuedPlayer> queue) {
        long max = 0;
        for (QueuedPlayer player : queue) {
            max = Math.max(max, player.waitCycles());
        }
        return max;
    }

    /** The lexicographic objective by JGraphT's Blossom V on an explicit graph of allowed pairs. */
    static Objective oracle(List<QueuedPlayer> queue, MatchRules rules) {
        int n = queue.size();
        long[][] cost = new long[n][n];
        long maxCost = 0;
        long sumWait = 0;
        for (int i = 0; i < n; i++) {
            sumWait += queue.get(i).waitCycles();
            for (int j = i + 1; j < n; j++) {
                cost[i][j] = Objective.closest(queue.get(i), queue.get(j), rules);
                maxCost = Math.max(maxCost, cost[i][j]);
            }
        }
        long b = (n / 2L) * maxCost + 1;
        long a = b * (sumWait + 1);
        // Blossom V compares slacks with an absolute epsilon (1e-9): weights near 1e11 leave
        // rounding errors above it and it reports no matching. Integer weights times a power of
        // two stay exact, so the weights are brought down to at most about 2^20, where an ulp is
        // far below the epsilon and a difference of one weight unit (2^-20 or more for the
        // lexicographic weights of some thousand players) far above it.
        long top = a + b * 2L * maxWait(queue);
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(top) - 20);
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(SupplierUtil.createIntegerSupplier(),
                SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int i = 0; i < n; i++) {
            graph.addVertex();
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (cost[i][j] >= 0) {
                    long w = a + b * (queue.get(i).waitCycles() + queue.get(j).waitCycles()) - cost[i][j];
                    graph.setEdgeWeight(graph.addEdge(i, j), Math.scalb((double) w, -shift));
                }
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        int pairs = 0;
        long waits = 0;
        long gaps = 0;
        for (DefaultWeightedEdge e : matching.getEdges()) {
            int i = graph.getEdgeSource(e);
            int j = graph.getEdgeTarget(e);
            pairs++;
            waits += queue.get(i).waitCycles() + queue.get(j).waitCycles();
            gaps += cost[Math.min(i, j)][Math.max(i, j)];
        }
        return new Objective(pairs, waits, gaps);
    }
}
