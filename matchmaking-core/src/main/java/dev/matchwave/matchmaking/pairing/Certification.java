package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Optimality;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the third part of the objective (the sum of squared gaps) exact, block by block, and
 * proves it.
 *
 * <p>Each block's objective is folded into one weight per allowed pair, {@code w = M * (A +
 * wait_u + wait_v) - gap^2}, with {@code A} above the block's total wait and {@code M} above any
 * sum of squared gaps in the block: a maximum-weight matching is then lexicographically optimal.
 * The matching is computed by {@link CertifiedMatching} on a sparse candidate graph (for each
 * seat, its nearest allowed seats in every lane it faces, both ways along the rating line), warm
 * started greedily in gap space. Then <em>pricing</em> checks every allowed pair of the block
 * against the final duals, walking each lane outwards in buckets of 16 positions and skipping a
 * bucket when the bucket's least dual proves that no pair in it can have a negative reduced
 * cost; violated pairs join the candidates and the search goes on from its final state (see {@link
 * CertifiedMatching#extend}). When no pair is violated the duals are feasible for the whole block and equal
 * the matching's weight: the certificate.
 *
 * <p>A block beyond the {@link PairingBudget}, or whose weights would overflow a long, keeps
 * the fast pairing (a block over the budget's size is first paired exactly segment by
 * segment, {@link #solveSegments}) and contributes a lower bound, the larger of two: every
 * matched player's gap is at least his distance to his nearest allowed opponent, so the sum of
 * squared gaps is at least half the sum of the smallest squared nearest distances, over as many
 * players as are matched; and the bound of the search's starting duals made feasible ({@link
 * #dualBound}).
 */
final class Certification {

    /** Candidate opponents per seat, lane and direction. */
    static final int NEIGHBOURS_PER_LANE = 3;
    private static final int BUCKET_SHIFT = 4;

    private Certification() {
    }

    /**
     * One block's certificate, in the block's own numbering: vertex i is player {@code
     * players[i]} (internal number).
     *
     * @param players     the block's players
     * @param scale       M
     * @param pairBonus   A
     * @param doubledDual 2 u_i for each vertex
     * @param blossoms    the members of each blossom with a dual
     * @param blossomDual z_B of each blossom
     * @param partner     the matching, each vertex's partner or -1
     */
    record BlockCertificate(int[] players, long scale, long pairBonus, long[] doubledDual, int[][] blossoms,
                            long[] blossomDual, int[] partner) {
    }

    /**
     * The proven closeness, the certificates of the blocks solved exactly, and the units of work
     * their searches took (deterministic: the same queue always takes the same).
     */
    record Result(Optimality optimality, List<BlockCertificate> certificates, long searchSteps) {
    }

    /**
     * Replaces, in {@code mate}, the pairing of every block the budget allows by an exact one.
     *
     * @param mate the fast pairing, exact on the number of pairs and on matched wait
     */
    static Result run(PairingGraph g, int[] mate, PairingBudget budget) {
        return run(g, mate, budget, LineDuals.MIN_PLAYERS);
    }

    /**
     * @param lineStartFrom blocks of the two-sided kind with at least this many players start from
     *     {@link LineDuals}' estimate, the others from the greedy start (the tests compare the two)
     */
    static Result run(PairingGraph g, int[] mate, PairingBudget budget, int lineStartFrom) {
        int[] blockStart = new int[g.blockCount + 1];
        for (int p = 0; p < g.n; p++) {
            blockStart[g.block[p] + 1]++;
        }
        for (int b = 0; b < g.blockCount; b++) {
            blockStart[b + 1] += blockStart[b];
        }
        int[] byBlock = new int[g.n];
        int[] fill = Arrays.copyOf(blockStart, g.blockCount);
        for (int p = 0; p < g.n; p++) {
            byBlock[fill[g.block[p]]++] = p;
        }
        Scratch scratch = new Scratch(g);
        boolean exact = true;
        long bound = 0;
        List<BlockCertificate> certificates = new ArrayList<>();
        for (int b = 0; b < g.blockCount; b++) {
            int[] members = Arrays.copyOfRange(byBlock, blockStart[b], blockStart[b + 1]);
            if (members.length < 2) {
                continue;
            }
            BlockCertificate certificate = solveBlock(g, members, mate, budget, lineStartFrom, scratch);
            if (certificate != null) {
                certificates.add(certificate);
                for (int i = 0; i < members.length; i++) {
                    int q = certificate.partner()[i];
                    mate[members[i]] = q < 0 ? -1 : members[q];
                }
                for (int p : members) {
                    if (mate[p] > p) {
                        bound += PairingGraph.cost(g.seating(p, mate[p]));
                    }
                }
            } else {
                exact = false;
                if (members.length > budget.maxExactPlayers() && members.length <= SEGMENTS_MAX_PLAYERS
                        && budget.maxSearchSteps() > 0) {
                    solveSegments(g, members, mate, budget, lineStartFrom, scratch);
                }
                long dual = budget.maxSearchSteps() > 0 && members.length <= BOUND_MAX_PLAYERS
                        ? dualBound(g, members, mate, lineStartFrom, scratch) : 0;
                bound += Math.max(nearestBound(g, members, mate), dual);
            }
        }
        return new Result(new Optimality(exact, bound), certificates, scratch.steps);
    }

    /** Arrays shared by the blocks of one run. */
    private static final class Scratch {
        final int[] localOf;
        final long[] psi;
        final long[] bucketMin;
        final long[] bucketMinOther;
        final boolean[] inGiant;
        /** Each player's outermost blossom (or his own vertex), in the block's numbering. */
        final int[] topOf;
        /** The dual of each player's outermost blossom, 0 for a player in none. */
        final long[] topDual;
        final long[] laneMin;
        /**
         * Each player's group: his block, or the segment of it being solved on its own (see
         * {@link #solveSegments}); candidates and pricing stay within a group.
         */
        final int[] group;
        int nextGroup;
        CertifiedMatching.Nesting nesting;
        /** Units of work of the searches so far. */
        long steps;

        Scratch(PairingGraph g) {
            localOf = new int[g.n];
            psi = new long[g.n];
            bucketMin = new long[(g.posSeat.length >> BUCKET_SHIFT) + 1];
            Arrays.fill(bucketMin, Long.MAX_VALUE);
            bucketMinOther = bucketMin.clone();
            inGiant = new boolean[g.n];
            topOf = new int[g.n];
            topDual = new long[g.n];
            laneMin = new long[g.laneCount];
            Arrays.fill(laneMin, Long.MAX_VALUE);
            group = g.block.clone();
            nextGroup = g.blockCount;
        }
    }

    /** A growable, deduplicated set of candidate edges, keyed {@code min << 32 | max}. */
    private static final class Edges {
        long[] keys = new long[64];
        int size;

        void add(int u, int v) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = (long) Math.min(u, v) << 32 | Math.max(u, v);
        }

        /** Sorts and deduplicates the keys from {@code start} on (pairs new to the set). */
        void normaliseFrom(int start) {
            Arrays.sort(keys, start, size);
            int out = start;
            for (int i = start; i < size; i++) {
                if (out == start || keys[out - 1] != keys[i]) {
                    keys[out++] = keys[i];
                }
            }
            size = out;
        }

        /**
         * Sorts and deduplicates all keys, for vertices 0 .. vertexCount-1: by a counting sort
         * on the first end, then each (short) run of second ends sorted apart; the same order as
         * sorting the keys, in O(size) plus the short sorts.
         */
        void normalise(int vertexCount) {
            int[] start = new int[vertexCount + 1];
            for (int i = 0; i < size; i++) {
                start[(int) (keys[i] >>> 32) + 1]++;
            }
            for (int u = 0; u < vertexCount; u++) {
                start[u + 1] += start[u];
            }
            int[] fill = Arrays.copyOf(start, vertexCount);
            int[] second = new int[size];
            for (int i = 0; i < size; i++) {
                second[fill[(int) (keys[i] >>> 32)]++] = (int) keys[i];
            }
            int out = 0;
            for (int u = 0; u < vertexCount; u++) {
                Arrays.sort(second, start[u], start[u + 1]);
                for (int j = start[u]; j < start[u + 1]; j++) {
                    if (j == start[u] || second[j] != second[j - 1]) {
                        keys[out++] = (long) u << 32 | second[j];
                    }
                }
            }
            size = out;
        }
    }

    private static BlockCertificate solveBlock(PairingGraph g, int[] members, int[] mate, PairingBudget budget,
                                               int lineStartFrom, Scratch scratch) {
        int k = members.length;
        if (k > budget.maxExactPlayers()) {
            return null;
        }
        Setup setup = setUp(g, members, mate, lineStartFrom, LineDuals.MAX_ITERATIONS, scratch);
        if (setup == null) {
            return null;
        }
        Edges edges = setup.edges;
        CertifiedMatching matching = setup.matching;
        long stepsLeft = budget.maxSearchSteps();
        while (true) {
            if (!matching.run(stepsLeft)) {
                return null;
            }
            stepsLeft -= matching.steps;
            scratch.steps += matching.steps;
            int before = edges.size;
            price(g, members, scratch.localOf, matching, setup.scale, setup.pairBonus, scratch, edges);
            if (edges.size == before) {
                return certificate(members, matching, setup.scale, setup.pairBonus);
            }
            edges.normaliseFrom(before);
            // The priced pairs join the graph, and the search goes on from where it ended.
            int m = edges.size;
            int[] from = new int[m];
            int[] to = new int[m];
            long[] weights = new long[m];
            fill(g, members, edges, setup.scale, setup.pairBonus, from, to, weights);
            matching = matching.extend(from, to, weights, m);
        }
    }

    /**
     * A block's weights ({@code M}, {@code A}), its candidate pairs, and the search's starting
     * state: feasible duals on the candidates, from {@link LineDuals} or greedy, and a greedy
     * matching of tight pairs. Null when the weights could overflow a long.
     */
    private record Setup(long scale, long pairBonus, Edges edges, CertifiedMatching matching) {
    }

    private static Setup setUp(PairingGraph g, int[] members, int[] mate, int lineStartFrom, int estimateIterations,
                               Scratch scratch) {
        int k = members.length;
        int[] localOf = scratch.localOf;
        long sumWait = 0;
        long maxWait = 0;
        long maxWindow = 0;
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int i = 0; i < k; i++) {
            int p = members[i];
            localOf[p] = i;
            sumWait += g.wait[p];
            maxWait = Math.max(maxWait, g.wait[p]);
            maxWindow = Math.max(maxWindow, g.window[p]);
            for (int t = g.seatStart[p]; t < g.seatStart[p + 1]; t++) {
                low = Math.min(low, g.seatRating[t]);
                high = Math.max(high, g.seatRating[t]);
            }
        }
        long scale;
        long pairBonus = sumWait + 1;
        try {
            long maxGap = Math.min(maxWindow, high - low);
            scale = Math.addExact(Math.multiplyExact(k / 2L, Math.multiplyExact(maxGap, maxGap)), 1);
            long top = Math.multiplyExact(scale, pairBonus + 2 * maxWait);
            Math.multiplyExact(top, 16L);
        } catch (ArithmeticException overflow) {
            return null;
        }

        Edges edges = new Edges();
        candidates(g, members, localOf, scratch.group, edges);
        for (int i = 0; i < k; i++) {
            int q = mate[members[i]];
            if (q >= 0 && scratch.group[q] == scratch.group[members[i]] && localOf[q] > i) {
                edges.add(i, localOf[q]);
            }
        }
        edges.normalise(k);
        int m = edges.size;
        int[] from = new int[m];
        int[] to = new int[m];
        long[] weights = new long[m];
        fill(g, members, edges, scale, pairBonus, from, to, weights);
        CertifiedMatching matching = new CertifiedMatching(k, from, to, weights, m);
        double[] estimate = k >= lineStartFrom ? LineDuals.estimate(g, members, mate, estimateIterations) : null;
        if (estimate != null) {
            lineStart(matching, from, to, weights, g, members, scale, pairBonus, estimate);
        } else {
            greedyStart(matching, from, to, weights, g, members, scale, pairBonus);
        }
        return new Setup(scale, pairBonus, edges, matching);
    }

    private static void fill(PairingGraph g, int[] members, Edges edges, long scale, long pairBonus, int[] from,
                             int[] to, long[] weights) {
        for (int e = 0; e < edges.size; e++) {
            from[e] = (int) (edges.keys[e] >>> 32);
            to[e] = (int) edges.keys[e];
            weights[e] = weight(g, members[from[e]], members[to[e]], scale, pairBonus);
        }
    }

    /** The most players in a segment of {@link #solveSegments}. */
    static final int SEGMENT_PLAYERS = 5_000;
    /**
     * The largest block {@link #solveSegments} is tried on: about a second of work at 20,000
     * players (with the bound after it), but 4 to 5 s at 50,000 and 100,000, where the segments
     * are dense and their starting duals slow to estimate.
     */
    static final int SEGMENTS_MAX_PLAYERS = 20_000;

    /**
     * Closer games for a block too large for the exact search: its fast pairing is cut into
     * segments along the rating line (its pairs ordered by the middle of their seating, the
     * players it leaves out by their lowest seat), each of at most {@code min(maxExactPlayers,
     * SEGMENT_PLAYERS)} players and holding whole pairs, and each segment's pairing is replaced
     * by the segment's exact one. A segment's exact pairing has at least its pairs and matched
     * wait, and the fast pairing's are the block's best, so (1) and (2) stay exact and only the
     * squared gaps fall. The segments share the block's work budget; when it is spent (or a
     * segment's weights would overflow), the remaining segments keep the fast pairing. Not a
     * proof: the block's bound is computed afterwards, as for any block past the budget.
     */
    static void solveSegments(PairingGraph g, int[] members, int[] mate, PairingBudget budget, int lineStartFrom,
                              Scratch scratch) {
        int size = Math.min(budget.maxExactPlayers(), SEGMENT_PLAYERS);
        int k = members.length;
        if (size < 2) {
            return;
        }
        long[] key = new long[k];
        long least = Long.MAX_VALUE;
        long most = Long.MIN_VALUE;
        for (int i = 0; i < k; i++) {
            int p = members[i];
            int q = mate[p];
            long value;
            if (q >= 0) {
                // From the pair's lower player, so that both partners get the same key (a tie
                // between two seatings may be broken differently from the other side).
                int low = Math.min(p, q);
                int high = Math.max(p, q);
                long seating = g.seating(low, high);
                value = (long) g.seatRating[g.seatStart[low] + PairingGraph.firstOffset(seating)]
                        + g.seatRating[g.seatStart[high] + PairingGraph.secondOffset(seating)];
            } else {
                value = Long.MAX_VALUE;
                for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                    value = Math.min(value, 2L * g.seatRating[a]);
                }
            }
            key[i] = value;
            least = Math.min(least, value);
            most = Math.max(most, value);
        }
        if (most - least >= 1L << 31) {
            return;
        }
        // Key, then the pair (its lower player), then which of the two: partners are adjacent.
        long[] order = new long[k];
        for (int i = 0; i < k; i++) {
            int p = members[i];
            int q = mate[p];
            long unit = q >= 0 ? Math.min(p, q) : p;
            order[i] = (key[i] - least) << 32 | unit << 1 | (q >= 0 && p > q ? 1 : 0);
        }
        Arrays.sort(order);
        long stepsLeft = budget.maxSearchSteps();
        int blockGroup = scratch.group[members[0]];
        int start = 0;
        while (start < k && stepsLeft > 0) {
            int end = Math.min(k, start + size);
            if (end < k && unitOf(order[end]) == unitOf(order[end - 1])) {
                end--; // keep the pair together: the segment ends before it
            }
            int[] segment = new int[end - start];
            for (int i = start; i < end; i++) {
                long unit = unitOf(order[i]);
                segment[i - start] = (order[i] & 1) == 0 ? (int) unit : mate[(int) unit];
            }
            start = end;
            if (segment.length < 2) {
                continue;
            }
            int id = scratch.nextGroup++;
            for (int p : segment) {
                scratch.group[p] = id;
            }
            long before = scratch.steps;
            BlockCertificate solved = solveBlock(g, segment, mate,
                    new PairingBudget(Integer.MAX_VALUE, stepsLeft), lineStartFrom, scratch);
            stepsLeft -= scratch.steps - before;
            for (int p : segment) {
                scratch.group[p] = blockGroup;
            }
            if (solved == null) {
                return; // the budget is spent (or the weights would overflow): the rest stays as it is
            }
            for (int i = 0; i < segment.length; i++) {
                int q = solved.partner()[i];
                mate[segment[i]] = q < 0 ? -1 : segment[q];
            }
        }
    }

    private static long unitOf(long ordered) {
        return ordered >>> 1 & 0x7FFF_FFFFL;
    }

    /**
     * The relaxation's iterations for {@link #dualBound}: at 10,000 players the bound is as good
     * as after 20,000, and at 100,000 it takes about a second, not four.
     */
    static final int BOUND_ITERATIONS = 2_000;
    /**
     * The largest block {@link #dualBound} is tried on. In denser blocks the estimate violates
     * many pairs beyond the candidates (360,000 at 100,000 players), and the repairs leave the
     * bound below the nearest-distance one after more than a second of work.
     */
    static final int BOUND_MAX_PLAYERS = 50_000;

    /**
     * A lower bound on the block's sum of squared gaps from the starting duals alone, for a block
     * the exact search does not finish: the duals are made feasible on every allowed pair
     * (pricing finds the pairs they violate, and each is repaired by raising the lower of its
     * two ends), so by weak duality half their sum over the players a pairing matches bounds its
     * weight; the best pairing, of weight {@code M (A P + W) - G}, leaves k - 2P players out, so
     * half the sum of all but the k - 2P smallest duals bounds it from above. P and W, the number
     * of pairs and the matched wait, are the fast pairing's, which are exact. On the realistic
     * queues of 10,000 players this bound is 0.65 to 0.88 of the optimum, where the
     * nearest-distance bound gives 0.17 to 0.37. Zero when the weights could overflow. Only
     * computed when the budget allows search work at all, and for blocks of up to {@link
     * #BOUND_MAX_PLAYERS}.
     */
    static long dualBound(PairingGraph g, int[] members, int[] mate, int lineStartFrom, Scratch scratch) {
        Setup setup = setUp(g, members, mate, lineStartFrom, BOUND_ITERATIONS, scratch);
        if (setup == null) {
            return 0;
        }
        int k = members.length;
        CertifiedMatching matching = setup.matching;
        Edges edges = setup.edges;
        int before = edges.size;
        price(g, members, scratch.localOf, matching, setup.scale, setup.pairBonus, scratch, edges);
        long[] y = new long[k];
        for (int i = 0; i < k; i++) {
            y[i] = matching.vertexDual(i);
        }
        for (int e = before; e < edges.size; e++) {
            int u = (int) (edges.keys[e] >>> 32);
            int v = (int) edges.keys[e];
            repair(y, u, v, weight(g, members[u], members[v], setup.scale, setup.pairBonus));
        }
        long pairs = 0;
        long matchedWait = 0;
        for (int p : members) {
            if (mate[p] >= 0) {
                matchedWait += g.wait[p];
                if (mate[p] > p) {
                    pairs++;
                }
            }
        }
        // The best pairing leaves k - 2P players out, whose duals its weight does not use: at
        // least the k - 2P smallest duals.
        int left = (int) (k - 2 * pairs);
        if (left > 0) {
            Arrays.sort(y);
        }
        BigInteger dualSum = BigInteger.ZERO;
        for (int i = left; i < k; i++) {
            dualSum = dualSum.add(BigInteger.valueOf(y[i]));
        }
        BigInteger best = BigInteger.valueOf(setup.scale)
                .multiply(BigInteger.valueOf(setup.pairBonus).multiply(BigInteger.valueOf(pairs))
                        .add(BigInteger.valueOf(matchedWait)));
        BigInteger bound = best.subtract(dualSum.shiftRight(1));
        return bound.signum() <= 0 ? 0 : bound.min(BigInteger.valueOf(Long.MAX_VALUE / 4)).longValue();
    }

    /**
     * The warm start. In terms of {@code psi_v = y_v - M (A + 2 wait_v)} (y doubled) an edge's
     * constraint is {@code psi_u + psi_v >= -2 gap^2}: the waits drop out. Each vertex starts at
     * minus its nearest candidate's squared gap, which is feasible; then, in rating order, each
     * free vertex goes down to its tightest edge and takes a free partner along a tight edge.
     */
    private static void greedyStart(CertifiedMatching matching, int[] from, int[] to, long[] weights, PairingGraph g,
                                    int[] members, long scale, long pairBonus) {
        int k = matching.vertexCount;
        long[] nearest = new long[k];
        Arrays.fill(nearest, Long.MAX_VALUE);
        for (int e = 0; e < from.length; e++) {
            long cost = scale * (pairBonus + g.wait[members[from[e]]] + g.wait[members[to[e]]]) - weights[e];
            nearest[from[e]] = Math.min(nearest[from[e]], cost);
            nearest[to[e]] = Math.min(nearest[to[e]], cost);
        }
        long[] y = new long[k];
        for (int i = 0; i < k; i++) {
            y[i] = nearest[i] == Long.MAX_VALUE ? 0 : scale * (pairBonus + 2L * g.wait[members[i]]) - nearest[i];
        }
        matching.greedy(y, new boolean[k]);
    }

    /**
     * The start from {@link LineDuals}' estimate: {@code y_v = M (A + 2 wait_v) - 2 phi_v}
     * (never below zero), each candidate pair the estimate violates repaired by raising the
     * lower of its two ends' duals, then the greedy step.
     */
    private static void lineStart(CertifiedMatching matching, int[] from, int[] to, long[] weights, PairingGraph g,
                                  int[] members, long scale, long pairBonus, double[] phi) {
        int k = matching.vertexCount;
        long[] y = new long[k];
        for (int i = 0; i < k; i++) {
            long ceiling = scale * (pairBonus + 2L * g.wait[members[i]]);
            y[i] = Math.max(0, ceiling - 2 * (long) Math.floor(Math.min(phi[i], ceiling / 2.0)));
        }
        for (int e = 0; e < from.length; e++) {
            repair(y, from[e], to[e], weights[e]);
        }
        matching.greedy(y, new boolean[k]);
    }

    /** Makes pair {u, v} feasible under doubled duals y by raising the lower of its two ends. */
    private static void repair(long[] y, int u, int v, long weight) {
        long deficit = 2 * weight - y[u] - y[v];
        if (deficit > 0) {
            if (y[u] <= y[v]) {
                y[u] += deficit;
            } else {
                y[v] += deficit;
            }
        }
    }

    static long weight(PairingGraph g, int p, int q, long scale, long pairBonus) {
        long cost = PairingGraph.cost(g.seating(p, q));
        return scale * (pairBonus + g.wait[p] + g.wait[q]) - cost;
    }

    /**
     * For each seat, its nearest allowed, compatible seats in every lane it faces, both ways. A
     * lane holds one side's seats of one window, so a seat in a facing lane within the larger of
     * the two windows is allowed: only the rules' own condition is asked.
     */
    private static void candidates(PairingGraph g, int[] members, int[] localOf, int[] group, Edges edges) {
        for (int i = 0; i < members.length; i++) {
            int p = members[i];
            int own = group[p];
            for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                long r = g.seatRating[a];
                for (int lane : g.lanesFacing[g.seatSide[a]]) {
                    long limit = Math.max(g.window[p], g.laneWindow[lane]);
                    int start = g.lowerBound(lane, r);
                    int found = 0;
                    for (int pos = start; pos < g.laneStart[lane + 1] && found < NEIGHBOURS_PER_LANE; pos++) {
                        if (g.posRating[pos] - r > limit) {
                            break;
                        }
                        int q = g.posPlayer[pos];
                        if (q != p && group[q] == own && g.compatible(p, q)) {
                            edges.add(i, localOf[q]);
                            found++;
                        }
                    }
                    found = 0;
                    for (int pos = start - 1; pos >= g.laneStart[lane] && found < NEIGHBOURS_PER_LANE; pos--) {
                        if (r - g.posRating[pos] > limit) {
                            break;
                        }
                        int q = g.posPlayer[pos];
                        if (q != p && group[q] == own && g.compatible(p, q)) {
                            edges.add(i, localOf[q]);
                            found++;
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds to {@code edges} every allowed pair of the block whose reduced cost under the
     * matching's duals is negative. With {@code psi_v = y_v - M A - 2 M wait_v} (y doubled), the
     * reduced cost of a pair is {@code psi_u + psi_v + 2 gap^2 + 2 z(common blossoms)}. The
     * blossom part is at least {@code 2 z_G} for two players of the largest outermost blossom G
     * and at least zero otherwise: buckets keep their least psi apart for members of G and for
     * the rest, which is what lets a bucket be skipped.
     */
    private static void price(PairingGraph g, int[] members, int[] localOf, CertifiedMatching matching, long scale,
                              long pairBonus, Scratch scratch, Edges edges) {
        long[] psi = scratch.psi;
        long[] inG = scratch.bucketMin;
        long[] outG = scratch.bucketMinOther;
        long[] laneMin = scratch.laneMin;
        long base = scale * pairBonus;
        int k = members.length;
        // The largest outermost blossom and its dual.
        int[] top = new int[k];
        int[] size = new int[2 * k];
        int giant = -1;
        for (int i = 0; i < k; i++) {
            int t = i;
            while (matching.blossomParent[t] != -1) {
                t = matching.blossomParent[t];
            }
            top[i] = t;
            if (t >= k && ++size[t] > (giant < 0 ? 0 : size[giant])) {
                giant = t;
            }
        }
        long zGiant = giant < 0 ? 0 : matching.dual[giant];
        scratch.nesting = matching.new Nesting();
        for (int i = 0; i < k; i++) {
            scratch.topOf[members[i]] = top[i];
            scratch.topDual[members[i]] = top[i] >= k ? matching.dual[top[i]] : 0;
        }
        boolean[] member = scratch.inGiant;
        for (int i = 0; i < k; i++) {
            int p = members[i];
            long value = matching.dual[i] - base - 2 * scale * g.wait[p];
            psi[p] = value;
            member[p] = giant >= 0 && top[i] == giant;
            for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                int bucket = g.seatPos[a] >> BUCKET_SHIFT;
                if (member[p]) {
                    inG[bucket] = Math.min(inG[bucket], value);
                } else {
                    outG[bucket] = Math.min(outG[bucket], value);
                }
                laneMin[g.seatLane[a]] = Math.min(laneMin[g.seatLane[a]], value);
            }
        }
        int blockId = scratch.group[members[0]];
        for (int i = 0; i < k; i++) {
            int p = members[i];
            long psiP = psi[p];
            // Against members of G, p in G gains 2 z_G.
            long giantBonus = member[p] ? 2 * zGiant : 0;
            for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                long r = g.seatRating[a];
                for (int lane : g.lanesFacing[g.seatSide[a]]) {
                    if (laneMin[lane] == Long.MAX_VALUE) {
                        continue;
                    }
                    long limit = Math.max(g.window[p], g.laneWindow[lane]);
                    int start = g.lowerBound(lane, r);
                    int end = g.laneStart[lane + 1];
                    int pos = start;
                    while (pos < end) {
                        long gap = g.posRating[pos] - r;
                        if (gap > limit || psiP + laneMin[lane] + 2 * gap * gap >= 0) {
                            break;
                        }
                        int bucket = pos >> BUCKET_SHIFT;
                        int bucketEnd = Math.min(end, (bucket + 1) << BUCKET_SHIFT);
                        long least = Math.min(outG[bucket], inG[bucket] == Long.MAX_VALUE ? Long.MAX_VALUE
                                : inG[bucket] + giantBonus);
                        if (psiP + least + 2 * gap * gap < 0) {
                            for (int x = pos; x < bucketEnd; x++) {
                                long gx = g.posRating[x] - r;
                                if (gx > limit) {
                                    break;
                                }
                                check(g, p, g.posPlayer[x], gx, blockId, localOf, matching, scale, pairBonus, scratch,
                                        edges, giantBonus);
                            }
                        }
                        pos = bucketEnd;
                    }
                    int first = g.laneStart[lane];
                    pos = start - 1;
                    while (pos >= first) {
                        long gap = r - g.posRating[pos];
                        if (gap > limit || psiP + laneMin[lane] + 2 * gap * gap >= 0) {
                            break;
                        }
                        int bucket = pos >> BUCKET_SHIFT;
                        int bucketFirst = Math.max(first, bucket << BUCKET_SHIFT);
                        long least = Math.min(outG[bucket], inG[bucket] == Long.MAX_VALUE ? Long.MAX_VALUE
                                : inG[bucket] + giantBonus);
                        if (psiP + least + 2 * gap * gap < 0) {
                            for (int x = pos; x >= bucketFirst; x--) {
                                long gx = r - g.posRating[x];
                                if (gx > limit) {
                                    break;
                                }
                                check(g, p, g.posPlayer[x], gx, blockId, localOf, matching, scale, pairBonus, scratch,
                                        edges, giantBonus);
                            }
                        }
                        pos = bucketFirst - 1;
                    }
                }
            }
        }
        for (int p : members) {
            for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                inG[g.seatPos[a] >> BUCKET_SHIFT] = Long.MAX_VALUE;
                outG[g.seatPos[a] >> BUCKET_SHIFT] = Long.MAX_VALUE;
                laneMin[g.seatLane[a]] = Long.MAX_VALUE;
            }
        }
    }

    private static void check(PairingGraph g, int p, int q, long gap, int blockId, int[] localOf,
                              CertifiedMatching matching, long scale, long pairBonus, Scratch scratch, Edges edges,
                              long giantBonus) {
        if (q == p || scratch.group[q] != blockId
                || scratch.psi[p] + scratch.psi[q] + 2 * gap * gap + (scratch.inGiant[q] ? giantBonus : 0) >= 0) {
            return;
        }
        // The reduced cost of this seating, blossoms aside (psi holds the rest of the weight).
        // It is at least the pair's, whose cheapest seating the walk also reaches, so a pair is
        // added only when violated, and every violated pair is added from its cheapest seating.
        long reduced = scratch.psi[p] + scratch.psi[q] + 2 * gap * gap;
        if (scratch.topOf[p] == scratch.topOf[q]) {
            // One outermost blossom holds both: its dual alone often settles it.
            if (reduced + 2 * scratch.topDual[p] >= 0) {
                return;
            }
            reduced += 2 * scratch.nesting.common(localOf[p], localOf[q]);
        }
        if (reduced < 0 && g.seating(p, q) >= 0 && g.compatible(p, q)) {
            edges.add(localOf[p], localOf[q]);
        }
    }

    private static BlockCertificate certificate(int[] members, CertifiedMatching matching, long scale, long pairBonus) {
        int[] ids = matching.blossoms();
        int[][] blossoms = new int[ids.length][];
        long[] blossomDual = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            blossoms[i] = matching.leaves(ids[i]);
            blossomDual[i] = matching.dual[ids[i]];
        }
        return new BlockCertificate(members.clone(), scale, pairBonus,
                Arrays.copyOf(matching.dual, members.length), blossoms, blossomDual, matching.partners());
    }

    /**
     * Half the sum of the smallest squared nearest-opponent distances, over as many players as
     * the block matches: a lower bound on the block's sum of squared gaps.
     */
    static long nearestBound(PairingGraph g, int[] members, int[] mate) {
        int matched = 0;
        long[] nearest = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            int p = members[i];
            if (mate[p] >= 0) {
                matched++;
            }
            long best = Long.MAX_VALUE;
            for (int a = g.seatStart[p]; a < g.seatStart[p + 1]; a++) {
                long r = g.seatRating[a];
                for (int lane : g.lanesFacing[g.seatSide[a]]) {
                    long limit = Math.max(g.window[p], g.laneWindow[lane]);
                    int start = g.lowerBound(lane, r);
                    for (int pos = start; pos < g.laneStart[lane + 1]; pos++) {
                        long gap = g.posRating[pos] - r;
                        if (gap > limit || gap >= best) {
                            break;
                        }
                        if (g.posPlayer[pos] != p) {
                            best = gap;
                            break;
                        }
                    }
                    for (int pos = start - 1; pos >= g.laneStart[lane]; pos--) {
                        long gap = r - g.posRating[pos];
                        if (gap > limit || gap >= best) {
                            break;
                        }
                        if (g.posPlayer[pos] != p) {
                            best = gap;
                            break;
                        }
                    }
                }
            }
            nearest[i] = best == Long.MAX_VALUE ? Long.MAX_VALUE : Math.min(best, 3_000_000_000L);
        }
        Arrays.sort(nearest);
        long sum = 0;
        for (int i = 0; i < matched && nearest[i] != Long.MAX_VALUE; i++) {
            long d = nearest[i];
            sum = Math.min(Long.MAX_VALUE / 4, sum + d * d);
        }
        return (sum + 1) / 2;
    }
}
