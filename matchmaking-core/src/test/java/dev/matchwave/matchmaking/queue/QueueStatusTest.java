package dev.matchwave.matchmaking.queue;

import static dev.matchwave.matchmaking.queue.QueueServiceTest.T0;
import static dev.matchwave.matchmaking.queue.QueueServiceTest.p;
import static dev.matchwave.matchmaking.queue.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.time.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QueueStatusTest {

    final ManualClock clock = ManualClock.atEpochSecond(T0);

    @Test
    void countsByCategoryAreWhatALadderUiShows() {
        QueueService service = QueueService.builder(TestRules.TWO_SIDED, TestRules.greedy()).clock(clock).build();
        Seat bwZerg = new Seat("bw", "bw_zerg", 1500);
        Seat bwTerran = new Seat("bw", "bw_terran", 1500);
        Seat sc2Protoss = new Seat("sc2", "sc2_protoss", 1500);
        Seat sc2Zerg = new Seat("sc2", "sc2_zerg", 2500);
        service.join(p(1), List.of(bwZerg), Preferences.NONE);
        service.join(p(2), List.of(bwTerran), Preferences.NONE);
        service.join(p(3), List.of(sc2Zerg, bwZerg), Preferences.NONE);
        service.join(p(4), List.of(sc2Protoss), Preferences.NONE);
        service.join(p(5), List.of(bwTerran, sc2Protoss), Preferences.NONE);

        QueueStatus before = service.status();
        assertThat(before.queued()).isEqualTo(5);
        assertThat(before.queuedBySides()).containsExactly(Map.entry("bw", 2), Map.entry("bw+sc2", 2), Map.entry("sc2", 1));
        assertThat(before.queuedByRace()).containsExactly(Map.entry("bw_terran", 2), Map.entry("bw_zerg", 2),
                Map.entry("sc2_protoss", 2), Map.entry("sc2_zerg", 1));
        assertThat(before.matchesInProgress()).isZero();
        assertThat(before.estimatedWait()).isEmpty();

        service.runWave(); // 1 (bw) meets 4 (sc2); 2 (bw) meets 5 (sc2); 3 stays: nobody near 2500
        QueueStatus after = service.status();
        assertThat(after.lastWave()).isEqualTo(1);
        assertThat(after.queued()).isEqualTo(1);
        assertThat(after.queuedBySides()).containsExactly(Map.entry("bw+sc2", 1));
        assertThat(after.queuedByRace()).containsExactly(Map.entry("bw_zerg", 1), Map.entry("sc2_zerg", 1));
        assertThat(after.matchesInProgress()).isEqualTo(2);

        service.release(p(1));
        service.release(p(4));
        assertThat(service.status().matchesInProgress()).isEqualTo(1);
    }

    @Test
    void theActivePopulationIsEveryoneSeenInTheLastFifteenMinutes() {
        QueueService service = QueueService.builder(TestRules.SINGLE, TestRules.inJoinOrder()).clock(clock).build();
        service.join(p(1), single(1500), Preferences.NONE);          // +0
        clock.advance(Duration.ofMinutes(5));
        service.leave(p(2));                                           // +5 min: a leave is a sighting too
        service.join(p(3), single(1500), Preferences.NONE);
        service.leave(p(3));
        clock.advance(Duration.ofMinutes(5));
        service.runWave();                                             // +10 min: sees 1 in the queue
        assertThat(service.status().activePopulation()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(10));                         // +20 min: 2 and 3 seen 15 min ago
        assertThat(service.status().activePopulation()).isEqualTo(3);
        clock.advance(Duration.ofMillis(1));                           // ... and now a little more
        assertThat(service.status().activePopulation()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));                          // 1 last seen at +10 min
        assertThat(service.status().activePopulation()).isZero();
        service.join(p(1), single(1500), Preferences.NONE);
        assertThat(service.status().activePopulation()).isEqualTo(1);
    }

    @Test
    void theNextWaveIsAlignedEvenBeforeStart() {
        QueueService service = QueueService.builder(TestRules.SINGLE, TestRules.inJoinOrder()).clock(clock).build();
        clock.advance(Duration.ofSeconds(10));
        assertThat(service.status().nextWave()).isEqualTo(Instant.ofEpochSecond(T0 + 45));
        assertThat(service.status().at()).isEqualTo(Instant.ofEpochSecond(T0 + 10));
    }

    /** Matches a player once he has waited the number of cycles the test gave him. */
    static Pairer matchesAtCycle(Map<PlayerId, Integer> cycles) {
        return (queue, rules) -> {
            List<QueuedPlayer> ready = queue.stream()
                    .filter(player -> player.waitCycles() >= cycles.getOrDefault(player.id(), Integer.MAX_VALUE)).toList();
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < ready.size(); i += 2) {
                QueuedPlayer a = ready.get(i);
                QueuedPlayer b = ready.get(i + 1);
                pairs.add(new Pair(a, a.seats().get(0), b, b.seats().get(0)));
            }
            List<QueuedPlayer> rest = queue.stream()
                    .filter(player -> pairs.stream().noneMatch(pair -> pair.first() == player || pair.second() == player))
                    .toList();
            return new Pairing(pairs, rest);
        };
    }

    @Test
    void theEstimatedWaitIsTheMedianCycleOfSimilarPlayersMatchedLater() {
        Map<PlayerId, Integer> matchAt = new HashMap<>();
        QueueService service = QueueService.builder(TestRules.SINGLE, matchesAtCycle(matchAt)).clock(clock).scheduler(clock).build();
        service.start();
        // Ten players near 1500, matched at cycles 1, 1, 2, 2, 2, 2, 5, 5, 5, 5.
        int[] cycles = {1, 1, 2, 2, 2, 2, 5, 5, 5, 5};
        for (int i = 0; i < cycles.length; i++) {
            matchAt.put(p(i + 1), cycles[i]);
            service.join(p(i + 1), single(1450 + 10 * i), Preferences.NONE);
        }
        clock.advance(Duration.ofSeconds(45 * 5));
        assertThat(service.status().matchesInProgress()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(10));                      // +235 s: the next wave is at +270 s
        service.join(p(100), single(1510), Preferences.NONE);
        WaitEstimate fresh = service.status(p(100)).estimatedWait().orElseThrow();
        // Among the 10 samples (all later than 0 cycles) the lower median is the 5th: 2 cycles.
        assertThat(fresh).isEqualTo(new WaitEstimate(Duration.ofSeconds(35 + 45), 2, 10));

        clock.advance(Duration.ofSeconds(35 + 45));                  // two waves later, still queued
        WaitEstimate later = service.status(p(100)).estimatedWait().orElseThrow();
        // Samples later than 2 cycles: 5, 5, 5, 5; median 5; 3 more waves, the next one now + 45 s.
        assertThat(later).isEqualTo(new WaitEstimate(Duration.ofSeconds(45 * 3), 3, 4));

        clock.advance(Duration.ofSeconds(45 * 3));                  // past every sample: no estimate
        assertThat(service.find(p(100)).orElseThrow().waitCycles()).isEqualTo(5);
        assertThat(service.status(p(100)).estimatedWait()).isEmpty();
        assertThat(service.status(p(999)).estimatedWait()).isEmpty(); // not queued
    }

    @Test
    void theEstimateLooksAtTheViewersRatingBandFirstThenAtHisWholeSide() {
        Map<PlayerId, Integer> matchAt = new HashMap<>();
        QueueService service = QueueService.builder(TestRules.SINGLE, matchesAtCycle(matchAt)).clock(clock).build();
        // Bands of 100: four players at 1000..1099 matched at cycle 1, four at 2000..2099 at cycle 3.
        for (int i = 0; i < 4; i++) {
            matchAt.put(p(i + 1), 1);
            service.join(p(i + 1), single(1000 + i), Preferences.NONE);
            matchAt.put(p(i + 11), 3);
            service.join(p(i + 11), single(2000 + i), Preferences.NONE);
        }
        for (int wave = 0; wave < 3; wave++) {
            service.runWave();
        }
        service.join(p(21), single(1150), Preferences.NONE);       // band 11, next to band 10
        service.join(p(22), single(1950), Preferences.NONE);       // band 19, next to band 20
        service.join(p(23), single(1500), Preferences.NONE);       // band 15: nobody near, whole side
        service.join(p(24), List.of(new Seat("other", "x", 1000)), Preferences.NONE); // a side nobody played

        assertThat(service.status(p(21)).estimatedWait()).map(WaitEstimate::waves).contains(1);
        assertThat(service.status(p(22)).estimatedWait()).map(WaitEstimate::waves).contains(3);
        // 8 samples on side "any": 1,1,1,1,3,3,3,3; the lower median is 1.
        assertThat(service.status(p(23)).estimatedWait()).contains(new WaitEstimate(Duration.ofSeconds(45), 1, 8));
        assertThat(service.status(p(24)).estimatedWait()).isEqualTo(Optional.empty());
    }

    @Test
    void theEstimateForgetsWavesOlderThanTheWindowAndPairsThatWereNotCreated() {
        Map<PlayerId, Integer> matchAt = new HashMap<>();
        boolean[] fail = {true};
        QueueService service = QueueService.builder(TestRules.SINGLE, matchesAtCycle(matchAt)).clock(clock)
                .config(QueueConfig.builder().estimateWaves(2).build())
                .onWave(wave -> fail[0] ? WaveReceipt.noneCreated(wave) : WaveReceipt.allCreated()).build();
        for (int i = 1; i <= 4; i++) {
            matchAt.put(p(i), 1);
            service.join(p(i), single(1500), Preferences.NONE);
        }
        service.join(p(50), single(1500), Preferences.NONE);
        service.runWave();                                          // wave 1: both pairs rolled back
        assertThat(service.status(p(50)).estimatedWait()).isEmpty();

        fail[0] = false;
        service.leave(p(50));
        service.runWave();                                          // wave 2: 4 players matched at cycle 2
        service.join(p(50), single(1500), Preferences.NONE);
        assertThat(service.status(p(50)).estimatedWait()).map(WaitEstimate::waves).contains(2);
        service.runWave();                                          // wave 3: nothing; wave 2 still in window
        assertThat(service.status(p(50)).estimatedWait()).map(WaitEstimate::waves).contains(1);
        service.runWave();                                          // wave 4: wave 2 has left the window
        assertThat(service.status(p(50)).estimatedWait()).isEmpty();
    }
}
