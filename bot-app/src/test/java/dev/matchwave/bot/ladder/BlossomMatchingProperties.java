package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Edmonds' maximum matching against brute force on small general graphs. */
class BlossomMatchingProperties {

    /** A graph as its edge list over vertices 0 .. n-1. */
    record Graph(int n, List<int[]> edges) {
        int[][] adjacency() {
            List<List<Integer>> lists = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lists.add(new ArrayList<>());
            }
            for (int[] e : edges) {
                lists.get(e[0]).add(e[1]);
                lists.get(e[1]).add(e[0]);
            }
            return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("n=" + n + ":");
            edges.forEach(e -> text.append(' ').append(e[0]).append('-').append(e[1]));
            return text.toString();
        }
    }

    @Provide
    Arbitrary<Graph> graphs() {
        return Arbitraries.integers().between(0, 11).flatMap(n -> {
            List<int[]> all = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    all.add(new int[] {a, b});
                }
            }
            if (all.isEmpty()) {
                return Arbitraries.just(new Graph(n, List.of()));
            }
            return Arbitraries.of(all).set().ofMaxSize(Math.min(all.size(), 24))
                    .map(set -> new Graph(n, List.copyOf(set)));
        });
    }

    @Property(tries = 400)
    void findsAsManyPairsAsBruteForce(@ForAll("graphs") Graph graph) {
        int[] mate = BlossomMatching.maximumMatching(graph.adjacency());
        int pairs = 0;
        for (int vertex = 0; vertex < graph.n(); vertex++) {
            int v = vertex;
            if (mate[v] >= 0) {
                // A matching: mutual, and along an edge of the graph.
                assertThat(mate[mate[v]]).isEqualTo(v);
                int w = mate[v];
                assertThat(graph.edges()).anyMatch(e -> (e[0] == v && e[1] == w) || (e[0] == w && e[1] == v));
                pairs++;
            }
        }
        assertThat(pairs / 2).isEqualTo(bruteForce(graph.edges(), 0, new boolean[graph.n()]));
    }

    /** The most disjoint edges from index {@code from} on: take the edge or leave it. */
    private static int bruteForce(List<int[]> edges, int from, boolean[] used) {
        if (from == edges.size()) {
            return 0;
        }
        int best = bruteForce(edges, from + 1, used);
        int[] e = edges.get(from);
        if (!used[e[0]] && !used[e[1]]) {
            used[e[0]] = true;
            used[e[1]] = true;
            best = Math.max(best, 1 + bruteForce(edges, from + 1, used));
            used[e[0]] = false;
            used[e[1]] = false;
        }
        return best;
    }

    @Example
    void anOddCycleWithATailNeedsABlossom() {
        // A triangle 0-1-2 with the path 2-3-4-5: the greedy start takes 0-1, 2-3 and 4-5
        // already; with 1-2 first the search must grow through the triangle. Maximum: 3.
        Graph graph = new Graph(6, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 0}, new int[] {2, 3},
                new int[] {3, 4}, new int[] {4, 5}));
        assertThat(BlossomMatching.maximumPairs(graph.adjacency())).isEqualTo(3);
    }

    @Example
    void refusesAGraphThatIsNotSymmetric() {
        assertThatThrownBy(() -> BlossomMatching.maximumMatching(new int[][] {{1}, {}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> BlossomMatching.maximumMatching(new int[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own neighbour");
    }
}
