package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.util.List;

/**
 * The pairing objective as a value: more pairs, then more total wait of matched players, then a
 * smaller sum of squared gaps (ignored under first-in-first-out rules). Test code, written apart
 * from the algorithm.
 */
record Objective(int pairs, long waitSum, long gapSum) implements Comparable<Objective> {

    static Objective of(Pairing pairing, MatchRules rules) {
        long waits = 0;
        long gaps = 0;
        for (Pair pair : pairing.pairs()) {
            waits += pair.first().waitCycles() + pair.second().waitCycles();
            gaps += rules.firstInFirstOut() ? 0 : (long) pair.gap() * pair.gap();
        }
        return new Objective(pairing.pairs().size(), waits, gaps);
    }

    /** Positive when this is better. */
    @Override
    public int compareTo(Objective other) {
        if (pairs != other.pairs) {
            return Integer.compare(pairs, other.pairs);
        }
        if (waitSum != other.waitSum) {
            return Long.compare(waitSum, other.waitSum);
        }
        return Long.compare(other.gapSum, gapSum);
    }

    /** The best objective over every matching of the queue, by enumeration (up to ~12 players). */
    static Objective bruteForce(List<QueuedPlayer> queue, MatchRules rules) {
        int n = queue.size();
        long[][] cost = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = i == j ? -1 : closest(queue.get(i), queue.get(j), rules);
            }
        }
        return best(queue, rules, cost, 0, new boolean[n]);
    }

    private static Objective best(List<QueuedPlayer> queue, MatchRules rules, long[][] cost, int from, boolean[] used) {
        int i = from;
        while (i < queue.size() && used[i]) {
            i++;
        }
        if (i >= queue.size()) {
            return new Objective(0, 0, 0);
        }
        used[i] = true;
        Objective result = best(queue, rules, cost, i + 1, used);
        for (int j = i + 1; j < queue.size(); j++) {
            if (!used[j] && cost[i][j] >= 0) {
                used[j] = true;
                Objective rest = best(queue, rules, cost, i + 1, used);
                long gap = rules.firstInFirstOut() ? 0 : cost[i][j];
                Objective with = new Objective(rest.pairs + 1,
                        rest.waitSum + queue.get(i).waitCycles() + queue.get(j).waitCycles(), rest.gapSum + gap);
                if (with.compareTo(result) > 0) {
                    result = with;
                }
                used[j] = false;
            }
        }
        used[i] = false;
        return result;
    }

    /** The smallest squared gap over the seatings the rules allow, or -1. */
    static long closest(QueuedPlayer a, QueuedPlayer b, MatchRules rules) {
        long best = -1;
        for (Seat sa : a.seats()) {
            for (Seat sb : b.seats()) {
                if (rules.allowed(a, sa, b, sb) || rules.allowed(b, sb, a, sa)) {
                    long gap = Math.abs((long) sa.rating() - sb.rating());
                    if (best < 0 || gap * gap < best) {
                        best = gap * gap;
                    }
                }
            }
        }
        return best;
    }
}
