package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.List;

final class Debug3 {
    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(1000, 1);
        for (OptimalPairer pairer : new OptimalPairer[] {new OptimalPairer(1_000_000), new OptimalPairer(0)}) {
            Pairing pairing = pairer.pair(queue, rules);
            long[] buckets = new long[8];
            long[] counts = new long[8];
            int twoSeatBw = 0;
            for (Pair pair : pairing.pairs()) {
                int gap = pair.gap();
                int b = gap < 10 ? 0 : gap < 20 ? 1 : gap < 40 ? 2 : gap < 80 ? 3 : gap < 160 ? 4 : 5;
                buckets[b] += (long) gap * gap;
                counts[b]++;
                if (pair.first().seats().size() == 2) {
                    twoSeatBw++;
                }
            }
            System.out.println(java.util.Arrays.toString(counts) + " " + java.util.Arrays.toString(buckets)
                    + " two-seat on bw " + twoSeatBw + " " + Objective.of(pairing, rules));
        }
    }
}
