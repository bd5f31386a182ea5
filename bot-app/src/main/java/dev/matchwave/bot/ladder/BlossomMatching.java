package dev.matchwave.bot.ladder;

import java.util.Arrays;
import java.util.Objects;

/**
 * A maximum-cardinality matching of a general graph by Edmonds' blossom algorithm (J. Edmonds,
 * "Paths, trees, and flowers", Canadian Journal of Mathematics 17, 1965): from each free vertex
 * a breadth-first search for an augmenting path, contracting odd cycles (blossoms) into their
 * base as it meets them. O(V^3), plenty for a wave of a few thousand players.
 *
 * <p>The demo's compatibility graph is general, not bipartite: a player with both a Brood War
 * and a StarCraft II race can sit on either side, so odd cycles occur and a bipartite matching
 * would not be exact.
 *
 * <p>Stateless; thread-safe.
 */
public final class BlossomMatching {

    private BlossomMatching() {
    }

    /**
     * A maximum matching.
     *
     * @param adjacency the neighbours of each vertex, {@code 0 .. n-1}; must be symmetric,
     *                  without self-loops (duplicates are harmless)
     * @return {@code mate[v]}: the vertex matched with {@code v}, or -1
     * @throws IllegalArgumentException if a neighbour is out of range, a loop, or not symmetric
     */
    public static int[] maximumMatching(int[][] adjacency) {
        Objects.requireNonNull(adjacency, "adjacency");
        check(adjacency);
        return new Search(adjacency).run();
    }

    /** The number of pairs in a maximum matching. */
    public static int maximumPairs(int[][] adjacency) {
        int matched = 0;
        for (int mate : maximumMatching(adjacency)) {
            matched += mate >= 0 ? 1 : 0;
        }
        return matched / 2;
    }

    private static void check(int[][] adjacency) {
        int n = adjacency.length;
        boolean[][] seen = n <= 4096 ? new boolean[n][] : null;
        for (int v = 0; v < n; v++) {
            Objects.requireNonNull(adjacency[v], "adjacency of vertex " + v);
            for (int w : adjacency[v]) {
                if (w < 0 || w >= n) {
                    throw new IllegalArgumentException("vertex " + v + " has neighbour " + w + ", outside 0.." + (n - 1));
                }
                if (w == v) {
                    throw new IllegalArgumentException("vertex " + v + " is its own neighbour");
                }
            }
        }
        if (seen == null) {
            return;
        }
        for (int v = 0; v < n; v++) {
            seen[v] = new boolean[n];
            for (int w : adjacency[v]) {
                seen[v][w] = true;
            }
        }
        for (int v = 0; v < n; v++) {
            for (int w : adjacency[v]) {
                if (!seen[w][v]) {
                    throw new IllegalArgumentException("edge " + v + "-" + w + " is not symmetric");
                }
            }
        }
    }

    /** One run: the matching so far, and the forest of the current search. */
    private static final class Search {
        private final int[][] adjacency;
        private final int n;
        private final int[] mate;
        private final int[] parent;
        private final int[] base;
        private final boolean[] inTree;
        private final boolean[] inBlossom;
        private final boolean[] onPath;
        private final int[] queue;
        private int head;
        private int tail;

        Search(int[][] adjacency) {
            this.adjacency = adjacency;
            this.n = adjacency.length;
            this.mate = new int[n];
            this.parent = new int[n];
            this.base = new int[n];
            this.inTree = new boolean[n];
            this.inBlossom = new boolean[n];
            this.onPath = new boolean[n];
            this.queue = new int[n];
            Arrays.fill(mate, -1);
        }

        int[] run() {
            // A greedy start: every edge it takes saves one search.
            for (int v = 0; v < n; v++) {
                if (mate[v] == -1) {
                    for (int w : adjacency[v]) {
                        if (mate[w] == -1) {
                            mate[v] = w;
                            mate[w] = v;
                            break;
                        }
                    }
                }
            }
            for (int root = 0; root < n; root++) {
                if (mate[root] == -1) {
                    int end = augmentingPathEnd(root);
                    if (end != -1) {
                        augment(end);
                    }
                }
            }
            return mate;
        }

        /** Flips the path from {@code end} back to the root along parent/mate links. */
        private void augment(int end) {
            int v = end;
            while (v != -1) {
                int pv = parent[v];
                int next = mate[pv];
                mate[v] = pv;
                mate[pv] = v;
                v = next;
            }
        }

        /** Breadth-first search from a free root; the free vertex an augmenting path ends at, or -1. */
        private int augmentingPathEnd(int root) {
            Arrays.fill(inTree, false);
            Arrays.fill(parent, -1);
            for (int i = 0; i < n; i++) {
                base[i] = i;
            }
            inTree[root] = true;
            head = 0;
            tail = 0;
            queue[tail++] = root;
            while (head < tail) {
                int v = queue[head++];
                for (int w : adjacency[v]) {
                    if (base[v] == base[w] || mate[v] == w) {
                        continue;
                    }
                    if (w == root || (mate[w] != -1 && parent[mate[w]] != -1)) {
                        // w is an even (outer) vertex of the same tree: an odd cycle, contract it.
                        contract(v, w);
                    } else if (parent[w] == -1) {
                        parent[w] = v;
                        if (mate[w] == -1) {
                            return w;
                        }
                        int next = mate[w];
                        inTree[next] = true;
                        queue[tail++] = next;
                    }
                }
            }
            return -1;
        }

        private void contract(int v, int w) {
            int blossomBase = commonAncestor(v, w);
            Arrays.fill(inBlossom, false);
            markPath(v, blossomBase, w);
            markPath(w, blossomBase, v);
            for (int i = 0; i < n; i++) {
                if (inBlossom[base[i]]) {
                    base[i] = blossomBase;
                    if (!inTree[i]) {
                        inTree[i] = true;
                        queue[tail++] = i;
                    }
                }
            }
        }

        /** The base of the blossom closed by edge a-b: the first base both tree paths reach. */
        private int commonAncestor(int a, int b) {
            Arrays.fill(onPath, false);
            int x = a;
            while (true) {
                x = base[x];
                onPath[x] = true;
                if (mate[x] == -1) {
                    break;
                }
                x = parent[mate[x]];
            }
            int y = b;
            while (true) {
                y = base[y];
                if (onPath[y]) {
                    return y;
                }
                y = parent[mate[y]];
            }
        }

        /** Marks the blossom's vertices from v up to its base, pointing their parents across the closing edge. */
        private void markPath(int v, int blossomBase, int child) {
            int x = v;
            int c = child;
            while (base[x] != blossomBase) {
                inBlossom[base[x]] = true;
                inBlossom[base[mate[x]]] = true;
                parent[x] = c;
                c = mate[x];
                x = parent[mate[x]];
            }
        }
    }
}
