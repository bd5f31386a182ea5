package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queues on which the large-queue path once missed the optimum on waits; found by OptimalityProperties. */
class LargePathRegressionTest {

    @ParameterizedTest
    @CsvSource({"EVOLADDER, 10, 26776, 900"})
    void largeQueuePathIsExactOnPairsAndWaits(Queues.Kind kind, int size, long seed, int spread) {
        List<QueuedPlayer> queue = Queues.random(kind, size, seed, spread, false);
        Objective best = Objective.bruteForce(queue, kind.rules);
        for (OptimalPairer largePath : new OptimalPairer[] {new OptimalPairer(0), new OptimalPairer(0, false)}) {
            Objective got = Objective.of(largePath.pair(queue, kind.rules), kind.rules);
            assertThat(got.pairs()).as("pairs").isEqualTo(best.pairs());
            assertThat(got.waitSum()).as("wait sum").isEqualTo(best.waitSum());
        }
    }
}
