package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.List;

/** Development aid: squared-gap sum of the large-queue path against the exact solver. */
final class GapQuality {
    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {60, 120};
        for (int size : sizes) {
            double ratioSum = 0;
            double worst = 1;
            int runs = size > 300 ? 3 : 100;
            for (int seed = 0; seed < runs; seed++) {
                List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
                Objective exact = Objective.of(new OptimalPairer(1_000_000).pair(queue, rules), rules);
                Objective large = Objective.of(new OptimalPairer(0).pair(queue, rules), rules);
                if (exact.pairs() != large.pairs() || exact.waitSum() != large.waitSum()) {
                    throw new AssertionError("differs on (1) or (2): " + exact + " " + large);
                }
                double ratio = exact.gapSum() == 0 ? 1 : (double) large.gapSum() / exact.gapSum();
                ratioSum += ratio;
                worst = Math.max(worst, ratio);
            }
            System.out.printf("n=%d large/exact squared-gap sum: mean %.3f worst %.3f%n", size, ratioSum / runs, worst);
        }
    }
}
