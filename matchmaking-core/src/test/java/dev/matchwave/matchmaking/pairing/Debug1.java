package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.Arrays;
import java.util.List;

final class Debug1 {
    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        for (int seed = 0; seed < 100; seed++) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(60, seed);
            int max = MaximumCardinalityProperties.maximumCardinality(queue, rules);
            PairingGraph g = new PairingGraph(queue, rules, true);
            int[] mate = new int[g.n];
            Arrays.fill(mate, -1);
            boolean[] active = new boolean[g.n];
            Arrays.fill(active, true);
            SweepMatching.run(g, mate, active);
            int a = count(mate);
            AlternatingSearch s = new AlternatingSearch(g, mate, active);
            s.augmentDepthFirst();
            int b = count(mate);
            s.maximise();
            int c = count(mate);
            s.favourLongWaits();
            int d = count(mate);
            PairSwaps.improve(g, mate, active);
            int e = count(mate);
            if (e != max || c != max) {
                System.out.println("seed " + seed + " max " + max + " sweep " + a + " dfs " + b + " maximise " + c + " waits " + d + " swaps " + e + " blocks " + g.blockCount);
            }
        }
    }

    static int count(int[] mate) {
        int c = 0;
        for (int m : mate) {
            if (m >= 0) {
                c++;
            }
        }
        return c / 2;
    }
}
