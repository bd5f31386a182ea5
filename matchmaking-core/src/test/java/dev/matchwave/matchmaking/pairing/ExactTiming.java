package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.List;

/** Development aid: time of the exact path on dense blocks. */
final class ExactTiming {
    public static void main(String[] args) {
        for (int size : new int[] {40, 80, 120, 160, 200}) {
            for (Queues.Kind kind : new Queues.Kind[] {Queues.Kind.EVOLADDER, Queues.Kind.SINGLE}) {
                long best = Long.MAX_VALUE;
                long worst = 0;
                for (int r = 0; r < 40; r++) {
                    List<QueuedPlayer> queue = Queues.random(kind, size, r, 300, false);
                    long t0 = System.nanoTime();
                    new OptimalPairer(1000).pair(queue, kind.rules);
                    long t = System.nanoTime() - t0;
                    if (r >= 10) {
                        best = Math.min(best, t);
                        worst = Math.max(worst, t);
                    }
                }
                System.out.printf("%s n=%d exact min %.2f ms max %.2f ms%n", kind, size, best / 1e6, worst / 1e6);
            }
        }
    }
}
