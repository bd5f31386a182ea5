package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a wave's queue allows, computed apart from the pairer under test: the most pairs any
 * pairer could make (an exact maximum matching of the compatibility graph, {@link BlossomMatching})
 * and what a greedy pairer makes, for comparison.
 *
 * <p>Two players are compatible when some seat of one and some seat of the other are
 * {@linkplain MatchRules#allowed allowed} to meet (either way round).
 *
 * @param queued      players in the queue
 * @param edges       compatible player pairs
 * @param maxPairs    the most pairs possible
 * @param greedyPairs the pairs of the greedy pairing: the allowed pairs by ascending cost
 *                    {@code gap^2 - 20 * (wait cycles of both)} (the older public bot's cost,
 *                    docs/demo.md), each taken while both players are free
 */
public record PairingBound(int queued, int edges, int maxPairs, int greedyPairs) {

    public PairingBound {
        if (queued < 0 || edges < 0 || maxPairs < 0 || greedyPairs < 0) {
            throw new IllegalArgumentException("pairing bound figures must not be negative");
        }
        if (2 * maxPairs > queued) {
            throw new IllegalArgumentException("maxPairs " + maxPairs + " does not fit in " + queued + " players");
        }
        if (greedyPairs > maxPairs) {
            throw new IllegalArgumentException("greedyPairs " + greedyPairs + " above the maximum " + maxPairs);
        }
    }

    /** The bound of this queue under these rules. Pure; O(n^2) rule checks plus the matching. */
    public static PairingBound of(List<QueuedPlayer> queue, MatchRules rules) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(rules, "rules");
        int n = queue.size();
        List<List<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        record Edge(int a, int b, long cost) {
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                QueuedPlayer a = queue.get(i);
                QueuedPlayer b = queue.get(j);
                int gap = smallestAllowedGap(a, b, rules);
                if (gap >= 0) {
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                    edges.add(new Edge(i, j, (long) gap * gap - 20L * (a.waitCycles() + b.waitCycles())));
                }
            }
        }
        int[][] adjacency = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacency[i] = neighbours.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        int max = BlossomMatching.maximumPairs(adjacency);
        edges.sort(Comparator.comparingLong(Edge::cost).thenComparingInt(Edge::a).thenComparingInt(Edge::b));
        boolean[] taken = new boolean[n];
        int greedy = 0;
        for (Edge edge : edges) {
            if (!taken[edge.a()] && !taken[edge.b()]) {
                taken[edge.a()] = true;
                taken[edge.b()] = true;
                greedy++;
            }
        }
        return new PairingBound(n, edges.size(), max, greedy);
    }

    /** The smallest rating gap of an allowed seating of the two, or -1 when none is allowed. */
    static int smallestAllowedGap(QueuedPlayer a, QueuedPlayer b, MatchRules rules) {
        int best = -1;
        for (Seat sa : a.seats()) {
            for (Seat sb : b.seats()) {
                if (rules.allowed(a, sa, b, sb) || rules.allowed(b, sb, a, sa)) {
                    int gap = Math.abs(sa.rating() - sb.rating());
                    if (best < 0 || gap < best) {
                        best = gap;
                    }
                }
            }
        }
        return best;
    }
}
