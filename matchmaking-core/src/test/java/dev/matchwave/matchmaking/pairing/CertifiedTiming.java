package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Development harness (not run by the build): CPU time of the certified pairer on realistic
 * queues, without a work limit (or with -Dwork=N), against the fast path alone. Arguments: queue sizes.
 */
final class CertifiedTiming {

    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        OptimalPairer fast = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT);
        long work = Long.getLong("work", Long.MAX_VALUE);
        OptimalPairer certified = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
                new PairingBudget(1_000_000, work));
        for (String arg : args) {
            int size = Integer.parseInt(arg);
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, 42);
            for (int round = 0; round < 3; round++) {
                long c0 = bean.getCurrentThreadCpuTime();
                Pairing quick = fast.pair(queue, rules);
                long c1 = bean.getCurrentThreadCpuTime();
                Pairing pairing = certified.pair(queue, rules);
                long c2 = bean.getCurrentThreadCpuTime();
                System.out.printf("%d players: fast %.1f ms cpu (sum sq %d), certified %.1f ms cpu (sum sq %d, exact %s,"
                        + " bound %d)%n", size, (c1 - c0) / 1e6, quick.sumSquaredGaps(), (c2 - c1) / 1e6,
                        pairing.sumSquaredGaps(), pairing.optimality().exact(), pairing.optimality().lowerBoundSumSqGap());
            }
        }
    }
}
