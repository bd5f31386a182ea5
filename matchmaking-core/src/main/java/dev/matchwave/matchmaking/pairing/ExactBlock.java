package dev.matchwave.matchmaking.pairing;

/**
 * Pairs one small block of the queue exactly: every allowed pair becomes an edge of weight
 * {@code A + B * (wait_u + wait_v) - gap^2}, with B larger than any possible sum of squared gaps
 * and A larger than anything the rest can add up to, so that a maximum-weight matching has the
 * most pairs, then the largest total wait of matched players, then the smallest sum of squared
 * gaps: the lexicographic objective, exactly.
 */
final class ExactBlock {

    private ExactBlock() {
    }

    /**
     * Matches the given players (indices into the graph) in {@code mate}.
     *
     * @return false, leaving {@code mate} untouched, when the weights would overflow (ratings
     *     wider apart than any real ladder has); the caller then pairs the block otherwise
     */
    static boolean solve(PairingGraph g, int[] members, int[] mate) {
        int k = members.length;
        if (k < 2) {
            return true;
        }
        int edgeCount = 0;
        int capacity = 16;
        int[] from = new int[capacity];
        int[] to = new int[capacity];
        long[] cost = new long[capacity];
        long maxCost = 0;
        long maxWait = 0;
        for (int i = 0; i < k; i++) {
            maxWait = Math.max(maxWait, g.wait[members[i]]);
            for (int j = i + 1; j < k; j++) {
                long seating = g.seating(members[i], members[j]);
                if (seating < 0 || !g.compatible(members[i], members[j])) {
                    continue;
                }
                if (edgeCount == capacity) {
                    capacity *= 2;
                    from = java.util.Arrays.copyOf(from, capacity);
                    to = java.util.Arrays.copyOf(to, capacity);
                    cost = java.util.Arrays.copyOf(cost, capacity);
                }
                from[edgeCount] = i;
                to[edgeCount] = j;
                long c = PairingGraph.cost(seating);
                if (c >= PairingGraph.HUGE_COST) {
                    return false;
                }
                cost[edgeCount++] = c;
                maxCost = Math.max(maxCost, c);
            }
        }
        if (edgeCount == 0) {
            return true;
        }
        long[] weights = new long[edgeCount];
        int[] edgeOf;
        try {
            long pairs = k / 2;
            long b = Math.addExact(Math.multiplyExact(pairs, maxCost), 1);
            long rest = Math.addExact(Math.multiplyExact(Math.multiplyExact(2 * maxWait, b), 1), maxCost);
            long a = Math.addExact(Math.multiplyExact(pairs, rest), 1);
            // The algorithm doubles weights and sums duals: keep well inside the long range.
            Math.multiplyExact(Math.multiplyExact(Math.addExact(a, rest), pairs + 1), 8L);
            for (int e = 0; e < edgeCount; e++) {
                long waits = g.wait[members[from[e]]] + (long) g.wait[members[to[e]]];
                weights[e] = a + b * waits - cost[e];
            }
            edgeOf = WeightedMatching.solve(k, java.util.Arrays.copyOf(from, edgeCount),
                    java.util.Arrays.copyOf(to, edgeCount), weights);
        } catch (ArithmeticException overflow) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            int e = edgeOf[i];
            if (e >= 0) {
                int other = from[e] == i ? to[e] : from[e];
                mate[members[i]] = members[other];
            }
        }
        return true;
    }
}
