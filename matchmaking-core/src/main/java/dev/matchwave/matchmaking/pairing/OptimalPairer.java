package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.Arrays;
import java.util.List;

/**
 * The optimal pairer: most pairs, then the longest waiters, then the closest ratings (see
 * {@link Pairers#optimal()} and docs/matchmaking.md).
 *
 * <p>The queue is cut into blocks where the rating line has a gap wider than any window. A
 * block of at most {@code exactLimit} players is solved exactly by a maximum-weight matching.
 * Larger blocks take a rating sweep, then augmenting paths until the number of pairs is
 * maximum, then exchanges until the matched players' total wait is maximum (both exact), then
 * a sorted re-pairing and pair swaps for the gaps (good, not optimal). Then, within the
 * {@link PairingBudget}, {@link Certification} replaces each block's pairing by a certified
 * closest one, the fast pairing serving as its warm start.
 */
final class OptimalPairer implements Pairer {

    /** Blocks up to this size are solved exactly (O(n^3): under 10 ms for a dense block of 128). */
    static final int DEFAULT_EXACT_LIMIT = 128;

    static final OptimalPairer DEFAULT = new OptimalPairer(DEFAULT_EXACT_LIMIT, true, PairingBudget.DEFAULT);

    private final int exactLimit;
    private final boolean depthFirst;
    private final PairingBudget budget;
    private final int lineStartFrom;

    /** The fast path alone, without certification (tests of that path). */
    OptimalPairer(int exactLimit) {
        this(exactLimit, true);
    }

    /**
     * @param exactLimit the largest block solved exactly
     * @param depthFirst whether cheap depth-first augmentations run before Edmonds' forest;
     *     tests turn them off to give the forest all the work
     */
    OptimalPairer(int exactLimit, boolean depthFirst) {
        this(exactLimit, depthFirst, PairingBudget.NONE);
    }

    OptimalPairer(int exactLimit, boolean depthFirst, PairingBudget budget) {
        this(exactLimit, depthFirst, budget, LineDuals.MIN_PLAYERS);
    }

    /**
     * @param lineStartFrom the certified search of a two-sided block of at least this many
     *     players starts from {@link LineDuals}' estimate, of a smaller one from the greedy start
     *     ({@code Integer.MAX_VALUE}: always greedy)
     */
    OptimalPairer(int exactLimit, boolean depthFirst, PairingBudget budget, int lineStartFrom) {
        this.exactLimit = exactLimit;
        this.depthFirst = depthFirst;
        this.budget = budget;
        this.lineStartFrom = lineStartFrom;
    }

    @Override
    public Pairing pair(List<QueuedPlayer> queue, MatchRules rules) {
        if (rules.firstInFirstOut()) {
            return FifoPairer.INSTANCE.pair(queue, rules);
        }
        QueueCheck.validate(queue, rules);
        PairingGraph g = new PairingGraph(queue, rules, true);
        int[] mate = fastPairing(g);
        Certification.Result result = Certification.run(g, mate, budget, lineStartFrom);
        return Pairings.of(g, mate, result.optimality());
    }

    /** The pairing with its certificates, for the tests' independent checker. */
    Certification.Result certify(List<QueuedPlayer> queue, MatchRules rules, int[][] partnersOut) {
        QueueCheck.validate(queue, rules);
        PairingGraph g = new PairingGraph(queue, rules, true);
        int[] mate = fastPairing(g);
        Certification.Result result = Certification.run(g, mate, budget, lineStartFrom);
        // Certificates speak of internal numbers; hand back join-order numbers.
        int[] byJoin = new int[g.n];
        for (int p = 0; p < g.n; p++) {
            byJoin[g.joinIndex[p]] = mate[p] < 0 ? -1 : g.joinIndex[mate[p]];
        }
        partnersOut[0] = byJoin;
        java.util.List<Certification.BlockCertificate> inJoinOrder = new java.util.ArrayList<>();
        for (Certification.BlockCertificate c : result.certificates()) {
            int[] players = new int[c.players().length];
            for (int i = 0; i < players.length; i++) {
                players[i] = g.joinIndex[c.players()[i]];
            }
            inJoinOrder.add(new Certification.BlockCertificate(players, c.scale(), c.pairBonus(), c.doubledDual(),
                    c.blossoms(), c.blossomDual(), c.partner()));
        }
        return new Certification.Result(result.optimality(), inJoinOrder, result.searchSteps());
    }

    /** Exact on the number of pairs and on matched wait; closest ratings only in small blocks. */
    private int[] fastPairing(PairingGraph g) {
        int[] mate = new int[g.n];
        Arrays.fill(mate, -1);
        boolean[] active = new boolean[g.n];
        boolean anyActive = false;

        int[] blockSize = new int[g.blockCount + 1];
        for (int p = 0; p < g.n; p++) {
            blockSize[g.block[p] + 1]++;
        }
        int[] sizes = Arrays.copyOfRange(blockSize, 1, blockSize.length);
        for (int b = 0; b < g.blockCount; b++) {
            blockSize[b + 1] += blockSize[b];
        }
        int[] byBlock = new int[g.n];
        int[] fill = Arrays.copyOf(blockSize, g.blockCount);
        for (int p = 0; p < g.n; p++) {
            byBlock[fill[g.block[p]]++] = p;
        }
        for (int b = 0; b < g.blockCount; b++) {
            int[] members = Arrays.copyOfRange(byBlock, blockSize[b], blockSize[b + 1]);
            boolean solved = sizes[b] <= exactLimit && ExactBlock.solve(g, members, mate);
            if (!solved) {
                for (int p : members) {
                    active[p] = true;
                }
                anyActive = true;
            }
        }
        if (anyActive) {
            SweepMatching.run(g, mate, active);
            AlternatingSearch search = new AlternatingSearch(g, mate, active);
            if (depthFirst) {
                search.augmentDepthFirst();
            }
            search.maximise();
            search.favourLongWaits();
            SortedRepairing.improve(g, mate, active);
            PairSwaps.improve(g, mate, active);
        }
        return mate;
    }

    @Override
    public String toString() {
        return "Pairers.optimal()";
    }
}
