package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.List;

/** Development harness: wall time of the certified pairer on realistic queues (not run by the build). */
final class CertifiedTiming {

    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        for (String arg : args) {
            int size = Integer.parseInt(arg);
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, 42);
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                Pairing fast = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT).pair(queue, rules);
                long t1 = System.nanoTime();
                java.util.Arrays.fill(CertifiedMatching.statPass, 0);
                java.util.Arrays.fill(CertifiedMatching.statPassEvents, 0);
                CertifiedMatching.statRounds = 0;
                CertifiedMatching.statRoots = CertifiedMatching.statEvents = CertifiedMatching.statTreeSum = 0;
                CertifiedMatching.statMaxTree = CertifiedMatching.statBlossoms = 0;
                Pairing pairing = Pairers.optimal(new PairingBudget(1_000_000, Long.MAX_VALUE)).pair(queue, rules);
                System.out.println("rounds " + CertifiedMatching.statRounds + " pass roots "
                        + java.util.Arrays.toString(CertifiedMatching.statPass) + " pass events "
                        + java.util.Arrays.toString(CertifiedMatching.statPassEvents));
                System.out.printf("roots %d events %d avgTree %.1f maxTree %d blossoms %d%n", CertifiedMatching.statRoots,
                        CertifiedMatching.statEvents, CertifiedMatching.statTreeSum / (double) Math.max(1, CertifiedMatching.statEvents),
                        CertifiedMatching.statMaxTree, CertifiedMatching.statBlossoms);
                long t2 = System.nanoTime();
                System.out.printf("%d players: fast %.1f ms (sumsq %d), certified %.1f ms (sumsq %d, exact %s, bound %d)%n",
                        size, (t1 - t0) / 1e6, fast.sumSquaredGaps(), (t2 - t1) / 1e6, pairing.sumSquaredGaps(),
                        pairing.optimality().exact(), pairing.optimality().lowerBoundSumSqGap());
            }
        }
    }
}
