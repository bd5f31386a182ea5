package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Local improvement of the third objective, the sum of squared rating gaps, keeping the set of
 * matched players' waits: two pairs close on the rating line swap partners (seats chosen anew,
 * so a two-seat player may change sides), and a free player replaces a matched player of the
 * same wait when that brings the pair closer. Stops at a local optimum or after a few passes.
 */
final class PairSwaps {

    /** How many neighbouring pairs, in rating order, each pair is compared with. */
    private static final int NEIGHBOURS = 4;
    private static final int MAX_PASSES = 6;

    private PairSwaps() {
    }

    static void improve(PairingGraph g, int[] mate, boolean[] active) {
        int count = 0;
        long[] keys = new long[g.n];
        for (int p = 0; p < g.n; p++) {
            if (active[p] && mate[p] > p) {
                long seating = g.seating(p, mate[p]);
                int a = g.seatStart[p] + PairingGraph.firstOffset(seating);
                int b = g.seatStart[mate[p]] + PairingGraph.secondOffset(seating);
                long centre = ((long) g.seatRating[a] + g.seatRating[b]) >> 1;
                keys[count++] = (centre << 32) | p;
            }
        }
        Arrays.sort(keys, 0, count);
        int[] first = new int[count];
        int[] second = new int[count];
        long[] cost = new long[count];
        for (int i = 0; i < count; i++) {
            first[i] = (int) keys[i];
            second[i] = mate[first[i]];
            cost[i] = PairingGraph.cost(g.seating(first[i], second[i]));
        }
        // The first pass compares every pair with its neighbours; later passes only where a
        // pair changed in the pass before.
        boolean[] dirty = new boolean[count];
        boolean[] nextDirty = new boolean[count];
        Arrays.fill(dirty, true);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            int lastDirty = -1;
            for (int i = count - 1; i >= 0; i--) {
                if (dirty[i]) {
                    lastDirty = i;
                }
                boolean near = lastDirty >= 0 && lastDirty <= i + NEIGHBOURS;
                if (!near) {
                    continue;
                }
                for (int j = i + 1; j < count && j <= i + NEIGHBOURS; j++) {
                    if ((dirty[i] || dirty[j]) && trySwap(g, first, second, cost, i, j)) {
                        improved = true;
                        nextDirty[i] = true;
                        nextDirty[j] = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
            boolean[] swap = dirty;
            dirty = nextDirty;
            nextDirty = swap;
            Arrays.fill(nextDirty, false);
        }
        for (int i = 0; i < count; i++) {
            mate[first[i]] = second[i];
            mate[second[i]] = first[i];
        }
        replaceByFree(g, mate, active, first, second, cost, count);
    }

    private static boolean trySwap(PairingGraph g, int[] first, int[] second, long[] cost, int i, int j) {
        int a = first[i];
        int b = second[i];
        int c = first[j];
        int d = second[j];
        long current = cost[i] + cost[j];
        // Option 1: (a, c) and (b, d); option 2: (a, d) and (b, c).
        for (int option = 0; option < 2; option++) {
            int x = option == 0 ? c : d;
            int y = option == 0 ? d : c;
            long s1 = g.seating(a, x);
            if (s1 < 0 || PairingGraph.cost(s1) >= current) {
                continue;
            }
            long s2 = g.seating(b, y);
            if (s2 < 0) {
                continue;
            }
            long c1 = PairingGraph.cost(s1);
            long c2 = PairingGraph.cost(s2);
            if (c1 + c2 < current && g.compatible(a, x) && g.compatible(b, y)) {
                first[i] = a;
                second[i] = x;
                cost[i] = c1;
                first[j] = b;
                second[j] = y;
                cost[j] = c2;
                return true;
            }
        }
        return false;
    }

    private static void replaceByFree(PairingGraph g, int[] mate, boolean[] active, int[] first, int[] second,
                                      long[] cost, int count) {
        if (count == 0) {
            return;
        }
        long[] centres = new long[count];
        for (int i = 0; i < count; i++) {
            long seating = g.seating(first[i], second[i]);
            int a = g.seatStart[first[i]] + PairingGraph.firstOffset(seating);
            int b = g.seatStart[second[i]] + PairingGraph.secondOffset(seating);
            centres[i] = ((long) g.seatRating[a] + g.seatRating[b]) >> 1;
        }
        for (int u = 0; u < g.n; u++) {
            if (!active[u] || mate[u] >= 0) {
                continue;
            }
            for (int s = g.seatStart[u]; s < g.seatStart[u + 1]; s++) {
                int at = lowerBound(centres, count, g.seatRating[s]);
                for (int i = Math.max(0, at - NEIGHBOURS); i < Math.min(count, at + NEIGHBOURS); i++) {
                    if (mate[u] >= 0) {
                        break;
                    }
                    for (int side = 0; side < 2; side++) {
                        int leaving = side == 0 ? first[i] : second[i];
                        int staying = side == 0 ? second[i] : first[i];
                        if (g.wait[leaving] != g.wait[u]) {
                            continue;
                        }
                        long seating = g.seating(u, staying);
                        if (seating >= 0 && PairingGraph.cost(seating) < cost[i] && g.compatible(u, staying)) {
                            mate[leaving] = -1;
                            mate[u] = staying;
                            mate[staying] = u;
                            first[i] = u;
                            second[i] = staying;
                            cost[i] = PairingGraph.cost(seating);
                            break;
                        }
                    }
                }
            }
        }
    }

    private static int lowerBound(long[] values, int count, long key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
