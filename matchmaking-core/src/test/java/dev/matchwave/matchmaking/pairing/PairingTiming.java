package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.Arrays;
import java.util.List;

/** A quick timing harness for development (not a test); JMH in benchmarks/ gives the figures. */
final class PairingTiming {

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000, 100_000};
        EvoLadderRules rules = EvoLadderRules.defaults();
        for (int size : sizes) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, 42);
            int runs = size >= 100_000 ? 15 : Integer.getInteger("runs", 60);
            long[] nanos = new long[runs];
            long[] cpu = new long[runs];
            java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
            Pairing pairing = null;
            for (int r = 0; r < runs; r++) {
                long c0 = bean.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                pairing = Pairers.optimal().pair(queue, rules);
                nanos[r] = System.nanoTime() - t0;
                cpu[r] = bean.getCurrentThreadCpuTime() - c0;
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            long waits = pairing.pairs().stream().mapToLong(p -> p.first().waitCycles() + p.second().waitCycles()).sum();
            long gaps = pairing.pairs().stream().mapToLong(p -> (long) p.gap() * p.gap()).sum();
            System.out.printf("n=%d pairs=%d unmatched=%d waitSum=%d gap2Sum=%d  wall median %.2f ms min %.2f ms"
                    + "  cpu median %.2f ms%n", size, pairing.pairs().size(), pairing.unmatched().size(), waits, gaps,
                    nanos[runs / 2] / 1e6, nanos[0] / 1e6, cpu[runs / 2] / 1e6);
        }
    }
}
