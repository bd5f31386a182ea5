package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The exact weighted matching against a subset dynamic programme on small random graphs. */
class WeightedMatchingProperties {

    @Property(tries = 400)
    void totalWeightIsOptimal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 13) int n,
                              @ForAll @IntRange(min = 5, max = 100) int densityPercent,
                              @ForAll @IntRange(min = 1, max = 60) int maxWeight) {
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
        int[] from = new int[edges];
        int[] to = new int[edges];
        long[] weights = new long[edges];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (w[i][j] > 0) {
                    from[k] = i;
                    to[k] = j;
                    weights[k++] = w[i][j];
                }
            }
        }
        int[] edgeOf = WeightedMatching.solve(n, from, to, weights);
        long total = 0;
        for (int v = 0; v < n; v++) {
            int e = edgeOf[v];
            if (e >= 0) {
                assertThat(from[e] == v || to[e] == v).isTrue();
                int other = from[e] == v ? to[e] : from[e];
                assertThat(edgeOf[other]).isEqualTo(e);
                total += weights[e];
            }
        }
        assertThat(total / 2).isEqualTo(best(w, n));
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
