package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * The number of pairs equals a maximum-cardinality matching computed independently: an explicit
 * graph built with {@link MatchRules#allowed} on every pair of players, matched by a plain
 * textbook Edmonds algorithm (breadth-first search, blossoms contracted by relabelling bases).
 */
class MaximumCardinalityProperties {

    @Property(tries = 4)
    @Tag("stress")
    void realisticQueuesGetTheMaximumNumberOfPairs(@ForAll @IntRange(min = 1500, max = 3000) int size,
                                                   @ForAll long seed) {
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
        EvoLadderRules rules = EvoLadderRules.defaults();
        int maximum = maximumCardinality(queue, rules);
        assertThat(Pairers.optimal().pair(queue, rules).pairs()).hasSize(maximum);
        assertThat(new OptimalPairer(0, false).pair(queue, rules).pairs()).hasSize(maximum);
    }

    /** Crowded queues with vetoes and many two-seat players: blossoms everywhere. */
    @Property(tries = 60)
    void crowdedQueuesGetTheMaximumNumberOfPairs(@ForAll Queues.Kind kind,
                                                 @ForAll @IntRange(min = 100, max = 600) int size,
                                                 @ForAll long seed) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, 2000, false);
        int maximum = maximumCardinality(queue, kind.rules);
        assertThat(Pairers.optimal().pair(queue, kind.rules).pairs()).hasSize(maximum);
        assertThat(new OptimalPairer(0, false).pair(queue, kind.rules).pairs()).hasSize(maximum);
    }

    static int maximumCardinality(List<QueuedPlayer> queue, MatchRules rules) {
        int n = queue.size();
        int[][] adjacency = new int[n][];
        int[] buffer = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (i != j && canMeet(queue.get(i), queue.get(j), rules)) {
                    buffer[count++] = j;
                }
            }
            adjacency[i] = Arrays.copyOf(buffer, count);
        }
        return new Edmonds(adjacency).maximum();
    }

    private static boolean canMeet(QueuedPlayer a, QueuedPlayer b, MatchRules rules) {
        for (Seat sa : a.seats()) {
            for (Seat sb : b.seats()) {
                if (rules.allowed(a, sa, b, sb) || rules.allowed(b, sb, a, sa)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Textbook Edmonds: one breadth-first search per free vertex, O(V^3). */
    private static final class Edmonds {
        private final int[][] adjacency;
        private final int n;
        private final int[] match;
        private final int[] parent;
        private final int[] base;
        private final boolean[] used;
        private final boolean[] blossom;

        Edmonds(int[][] adjacency) {
            this.adjacency = adjacency;
            this.n = adjacency.length;
            match = new int[n];
            parent = new int[n];
            base = new int[n];
            used = new boolean[n];
            blossom = new boolean[n];
        }

        int maximum() {
            Arrays.fill(match, -1);
            // A greedy start keeps the searches few; it does not change the maximum.
            for (int v = 0; v < n; v++) {
                if (match[v] < 0) {
                    for (int u : adjacency[v]) {
                        if (match[u] < 0) {
                            match[u] = v;
                            match[v] = u;
                            break;
                        }
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (match[v] < 0) {
                    int end = findPath(v);
                    while (end >= 0) {
                        int pv = parent[end];
                        int ppv = match[pv];
                        match[end] = pv;
                        match[pv] = end;
                        end = ppv;
                    }
                }
            }
            int matched = 0;
            for (int v = 0; v < n; v++) {
                if (match[v] >= 0) {
                    matched++;
                }
            }
            return matched / 2;
        }

        private int lca(int a, int b) {
            boolean[] seen = new boolean[n];
            while (true) {
                a = base[a];
                seen[a] = true;
                if (match[a] < 0) {
                    break;
                }
                a = parent[match[a]];
            }
            while (true) {
                b = base[b];
                if (seen[b]) {
                    return b;
                }
                b = parent[match[b]];
            }
        }

        private void markPath(int v, int b, int child) {
            while (base[v] != b) {
                blossom[base[v]] = true;
                blossom[base[match[v]]] = true;
                parent[v] = child;
                child = match[v];
                v = parent[match[v]];
            }
        }

        private int findPath(int root) {
            Arrays.fill(used, false);
            Arrays.fill(parent, -1);
            for (int i = 0; i < n; i++) {
                base[i] = i;
            }
            used[root] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int to : adjacency[v]) {
                    if (base[v] == base[to] || match[v] == to) {
                        continue;
                    }
                    if (to == root || (match[to] >= 0 && parent[match[to]] >= 0)) {
                        int current = lca(v, to);
                        Arrays.fill(blossom, false);
                        markPath(v, current, to);
                        markPath(to, current, v);
                        for (int i = 0; i < n; i++) {
                            if (blossom[base[i]]) {
                                base[i] = current;
                                if (!used[i]) {
                                    used[i] = true;
                                    queue.add(i);
                                }
                            }
                        }
                    } else if (parent[to] < 0) {
                        parent[to] = v;
                        if (match[to] < 0) {
                            return to;
                        }
                        used[match[to]] = true;
                        queue.add(match[to]);
                    }
                }
            }
            return -1;
        }
    }
}
