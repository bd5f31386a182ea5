package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The certified matching on small random graphs against a subset dynamic programme, solved
 * from scratch and, as after pricing, first on some of the edges and then extended by the rest
 * ({@link CertifiedMatching#extend}): the weight is the optimum and the final duals are a
 * certificate (checked here from the edges alone).
 */
class CertifiedMatchingProperties {

    @Property(tries = 400)
    void extendingByTheLeftOutEdgesEndsOptimalAndCertified(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 60) int n,
                                                           @ForAll @IntRange(min = 5, max = 100) int densityPercent,
                                                           @ForAll @IntRange(min = 1, max = 60) int maxWeight,
                                                           @ForAll @IntRange(min = 0, max = 100) int firstPercent) {
        Random random = new Random(seed);
        long[][] w = new long[n][n];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextInt(100) < densityPercent) {
                    w[i][j] = w[j][i] = 1 + random.nextInt(maxWeight);
                    edges++;
                }
            }
        }
        // The first round's edges come first, the rest after them, as pricing appends them.
        int[] from = new int[edges];
        int[] to = new int[edges];
        long[] weights = new long[edges];
        int first = 0;
        int last = edges;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (w[i][j] > 0) {
                    int k = random.nextInt(100) < firstPercent ? first++ : --last;
                    from[k] = i;
                    to[k] = j;
                    weights[k] = w[i][j];
                }
            }
        }
        long[] start = new long[n];
        Arrays.fill(start, 2L * maxWeight);
        CertifiedMatching partial = new CertifiedMatching(n, from, to, weights, first);
        partial.greedy(start, new boolean[n]);
        assertThat(partial.run(Long.MAX_VALUE)).isTrue();
        CertifiedMatching extended = partial.extend(from, to, weights, edges);
        assertThat(extended.run(Long.MAX_VALUE)).isTrue();
        long best = n <= 13 ? best(w, n) : reference(n, from, to, weights);
        assertCertified(extended, from, to, weights, edges, best);

        CertifiedMatching whole = new CertifiedMatching(n, from, to, weights, edges);
        whole.greedy(start, new boolean[n]);
        assertThat(whole.run(Long.MAX_VALUE)).isTrue();
        assertCertified(whole, from, to, weights, edges, best);
    }

    /** Weight equal to the optimum, and LP duality checked on every edge. */
    private static void assertCertified(CertifiedMatching m, int[] from, int[] to, long[] weights, int edges,
                                        long best) {
        int n = m.vertexCount;
        int[] partner = m.partners();
        long total = 0;
        for (int v = 0; v < n; v++) {
            if (partner[v] >= 0) {
                assertThat(partner[partner[v]]).isEqualTo(v);
            } else {
                assertThat(m.dual[v]).as("free vertex dual").isZero();
            }
            assertThat(m.dual[v]).isNotNegative();
        }
        int[] blossoms = m.blossoms();
        boolean[][] inside = new boolean[blossoms.length][n];
        for (int b = 0; b < blossoms.length; b++) {
            assertThat(m.dual[blossoms[b]]).isNotNegative();
            int[] leaves = m.leaves(blossoms[b]);
            int matchedInside = 0;
            for (int leaf : leaves) {
                inside[b][leaf] = true;
            }
            for (int leaf : leaves) {
                if (partner[leaf] >= 0 && inside[b][partner[leaf]]) {
                    matchedInside++;
                }
            }
            if (m.dual[blossoms[b]] > 0) {
                assertThat(matchedInside / 2).as("full blossom").isEqualTo((leaves.length - 1) / 2);
            }
        }
        for (int k = 0; k < edges; k++) {
            long reduced = m.dual[from[k]] + m.dual[to[k]] - 2 * weights[k];
            for (int b = 0; b < blossoms.length; b++) {
                if (inside[b][from[k]] && inside[b][to[k]]) {
                    reduced += 2 * m.dual[blossoms[b]];
                }
            }
            assertThat(reduced).as("reduced cost of edge %d", k).isNotNegative();
            if (partner[from[k]] == to[k]) {
                assertThat(reduced).as("matched edge tight").isZero();
                total += weights[k];
            }
        }
        assertThat(total).isEqualTo(best);
    }

    /** Beyond the reach of the subset programme: the textbook O(n^3) solver. */
    private static long reference(int n, int[] from, int[] to, long[] weights) {
        int[] edgeOf = WeightedMatching.solve(n, from, to, weights);
        long total = 0;
        for (int v = 0; v < n; v++) {
            if (edgeOf[v] >= 0) {
                total += weights[edgeOf[v]];
            }
        }
        return total / 2;
    }

    private static long best(long[][] w, int n) {
        long[] memo = new long[1 << n];
        Arrays.fill(memo, -1);
        return best(w, n, (1 << n) - 1, memo);
    }

    private static long best(long[][] w, int n, int mask, long[] memo) {
        if (mask == 0) {
            return 0;
        }
        if (memo[mask] >= 0) {
            return memo[mask];
        }
        int i = Integer.numberOfTrailingZeros(mask);
        int rest = mask & ~(1 << i);
        long result = best(w, n, rest, memo);
        for (int j = i + 1; j < n; j++) {
            if ((rest & (1 << j)) != 0 && w[i][j] > 0) {
                result = Math.max(result, w[i][j] + best(w, n, rest & ~(1 << j), memo));
            }
        }
        memo[mask] = result;
        return result;
    }
}
