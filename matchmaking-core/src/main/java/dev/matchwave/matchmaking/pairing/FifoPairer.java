package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.List;

/**
 * First in, first out: in join order, each player still free meets the earliest-joined free
 * player after him that the rules allow. Under {@link dev.matchwave.matchmaking.rules.FifoRules}
 * that is the first with the second, the third with the fourth, and so on, in linear time;
 * under restrictive rules the look-ahead makes it quadratic at worst.
 */
final class FifoPairer implements Pairer {

    static final FifoPairer INSTANCE = new FifoPairer();

    private FifoPairer() {
    }

    @Override
    public Pairing pair(List<QueuedPlayer> queue, MatchRules rules) {
        QueueCheck.validate(queue, rules);
        PairingGraph g = new PairingGraph(queue, rules, false);
        int[] mate = new int[g.n];
        java.util.Arrays.fill(mate, -1);
        // The next free player after each index, skipping the matched ones.
        int[] next = new int[g.n + 1];
        for (int i = 0; i <= g.n; i++) {
            next[i] = i;
        }
        for (int p = 0; p < g.n; p++) {
            if (mate[p] >= 0) {
                continue;
            }
            int q = findNext(next, p + 1);
            while (q < g.n) {
                if (g.adjacent(p, q)) {
                    mate[p] = q;
                    mate[q] = p;
                    next[q] = q + 1;
                    break;
                }
                q = findNext(next, q + 1);
            }
        }
        return Pairings.of(g, mate, dev.matchwave.matchmaking.Optimality.UNKNOWN);
    }

    private static int findNext(int[] next, int i) {
        int root = i;
        while (next[root] != root) {
            root = next[root];
        }
        while (next[i] != root) {
            int step = next[i];
            next[i] = root;
            i = step;
        }
        return root;
    }

    @Override
    public String toString() {
        return "Pairers.fifo()";
    }
}
