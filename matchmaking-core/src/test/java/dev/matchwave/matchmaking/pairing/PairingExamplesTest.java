package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.FifoRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Concrete tricky queues, for both paths of the optimal pairer. */
class PairingExamplesTest {

    private static final EvoLadderRules EVO = EvoLadderRules.defaults();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static QueuedPlayer player(long id, int wait, Seat... seats) {
        return new QueuedPlayer(PlayerId.of(id), List.of(seats), Preferences.NONE, T0.plusSeconds(id), wait);
    }

    private static QueuedPlayer vetoing(long id, Set<String> vetoes, Seat... seats) {
        return new QueuedPlayer(PlayerId.of(id), List.of(seats), new Preferences(vetoes, Optional.empty()),
                T0.plusSeconds(id), 0);
    }

    private static Seat bw(int rating) {
        return EvoLadderRules.seat("bw_zerg", rating);
    }

    private static Seat sc2(int rating) {
        return EvoLadderRules.seat("sc2_protoss", rating);
    }

    private static OptimalPairer pairer(int exactLimit) {
        return new OptimalPairer(exactLimit);
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void twoSeatPlayerTakesTheSc2SideSoThatTwoOthersCanPlay(int exactLimit) {
        // Two BW-only players and one SC2-only player: only the two-seat player on the SC2 side
        // lets both BW players play. He also joined first, so a side chosen before pairing by
        // "first come" or by his better rating (BW 1500 > SC2 1480) would put him on BW.
        QueuedPlayer both = player(1, 0, bw(1500), sc2(1480));
        QueuedPlayer bwA = player(2, 0, bw(1490));
        QueuedPlayer bwB = player(3, 0, bw(1510));
        QueuedPlayer sc2Only = player(4, 0, sc2(1500));

        Pairing pairing = pairer(exactLimit).pair(List.of(both, bwA, bwB, sc2Only), EVO);

        assertThat(pairing.pairs()).hasSize(2);
        assertThat(pairing.unmatched()).isEmpty();
        Pair withBoth = pairing.pairs().stream().filter(p -> p.second().equals(both)).findFirst().orElseThrow();
        assertThat(withBoth.secondSeat().side()).isEqualTo(EvoLadderRules.SIDE_SC2);
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void aGapFitsWhenItFitsTheWindowOfEitherPlayer(int exactLimit) {
        // Window of a player who waited 3 waves: 100 + 50 * 3 = 250; of a new player: 100.
        QueuedPlayer patient = player(1, 3, bw(1500));
        QueuedPlayer newcomer = player(2, 0, sc2(1740));
        Pairing fits = pairer(exactLimit).pair(List.of(patient, newcomer), EVO);
        assertThat(fits.pairs()).hasSize(1);
        assertThat(fits.pairs().get(0).gap()).isEqualTo(240);

        QueuedPlayer tooFar = player(3, 0, sc2(1751));
        Pairing beyond = pairer(exactLimit).pair(List.of(patient, tooFar), EVO);
        assertThat(beyond.pairs()).isEmpty();
        assertThat(beyond.unmatched()).containsExactly(patient, tooFar);
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void vetoesThatLeaveNoMapKeepTwoPlayersApart(int exactLimit) {
        EvoLadderRules twoMaps = EvoLadderRules.builder().mapPool(List.of("Eclipse", "Polypoid")).build();
        QueuedPlayer vetoesEclipse = vetoing(1, Set.of("Eclipse"), bw(1500));
        QueuedPlayer vetoesPolypoid = vetoing(2, Set.of("Polypoid"), sc2(1500));
        QueuedPlayer vetoesNothing = vetoing(3, Set.of(), sc2(1580));

        Pairing apart = pairer(exactLimit).pair(List.of(vetoesEclipse, vetoesPolypoid), twoMaps);
        assertThat(apart.pairs()).isEmpty();

        // With a third player the first one meets him instead, despite the larger gap.
        Pairing pairing = pairer(exactLimit).pair(List.of(vetoesEclipse, vetoesPolypoid, vetoesNothing), twoMaps);
        assertThat(pairing.pairs()).hasSize(1);
        assertThat(pairing.pairs().get(0).second()).isEqualTo(vetoesNothing);
        assertThat(twoMaps.mapsFor(vetoesEclipse, vetoesNothing)).containsExactly("Polypoid");
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void theLongestWaiterIsMatchedBeforeACloserNewcomer(int exactLimit) {
        QueuedPlayer host = player(1, 0, sc2(1500));
        QueuedPlayer veteran = player(2, 4, bw(1590));
        QueuedPlayer newcomer = player(3, 0, bw(1500));
        Pairing pairing = pairer(exactLimit).pair(List.of(host, veteran, newcomer), EVO);
        assertThat(pairing.pairs()).singleElement().satisfies(p -> assertThat(p.first()).isEqualTo(veteran));
        assertThat(pairing.unmatched()).containsExactly(newcomer);
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void closerRatingsWinWhenPairsAndWaitsTie(int exactLimit) {
        SinglePoolRules single = SinglePoolRules.defaults();
        // 1400 1450 1500 1550: (1400,1450)+(1500,1550) costs 2 * 50^2; the crossing pairing costs more.
        List<QueuedPlayer> queue = List.of(player(1, 0, SinglePoolRules.seat(1400)),
                player(2, 0, SinglePoolRules.seat(1500)), player(3, 0, SinglePoolRules.seat(1450)),
                player(4, 0, SinglePoolRules.seat(1550)));
        Pairing pairing = pairer(exactLimit).pair(queue, single);
        assertThat(pairing.pairs()).extracting(Pair::gap).containsExactlyInAnyOrder(50, 50);
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void bwSideComesFirstInEveryPair(int exactLimit) {
        Pairing pairing = pairer(exactLimit).pair(List.of(player(1, 0, sc2(1500)), player(2, 0, bw(1510))), EVO);
        assertThat(pairing.pairs().get(0).firstSeat().side()).isEqualTo(EvoLadderRules.SIDE_BW);
        assertThat(pairing.pairs().get(0).first().id()).isEqualTo(PlayerId.of(2));
    }

    @ParameterizedTest(name = "exact limit {0}")
    @ValueSource(ints = {0, OptimalPairer.DEFAULT_EXACT_LIMIT})
    void emptyAndLonelyQueues(int exactLimit) {
        assertThat(pairer(exactLimit).pair(List.of(), EVO).pairs()).isEmpty();
        QueuedPlayer alone = player(1, 2, bw(1500), sc2(1500));
        Pairing pairing = pairer(exactLimit).pair(List.of(alone), EVO);
        assertThat(pairing.pairs()).isEmpty();
        assertThat(pairing.unmatched()).containsExactly(alone);
    }

    @org.junit.jupiter.api.Test
    void aPlayerQueuedTwiceIsRefusedByName() {
        QueuedPlayer one = player(7, 0, bw(1500));
        assertThatThrownBy(() -> Pairers.optimal().pair(List.of(one, player(8, 0, sc2(1500)), one), EVO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("player 7 is in the queue twice");
        assertThatThrownBy(() -> Pairers.fifo().pair(List.of(one, one), FifoRules.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void fifoMeetsInJoinOrderWhateverTheRatings() {
        List<QueuedPlayer> queue = List.of(player(5, 0, FifoRules.seat()), player(3, 9, FifoRules.seat()),
                player(9, 1, FifoRules.seat()), player(1, 0, FifoRules.seat()), player(2, 0, FifoRules.seat()));
        Pairing pairing = Pairers.fifo().pair(queue, FifoRules.INSTANCE);
        assertThat(pairing.pairs()).extracting(p -> p.first().id().value() + "-" + p.second().id().value())
                .containsExactly("5-3", "9-1");
        assertThat(pairing.unmatched()).extracting(p -> p.id().value()).containsExactly(2L);
        assertThat(Pairers.optimal().pair(queue, FifoRules.INSTANCE)).isEqualTo(pairing);
    }

    @org.junit.jupiter.api.Test
    void fifoPairerUnderRatedRulesTakesTheEarliestAllowedPartner() {
        // Player 1 cannot meet 2 (both BW); he meets 3, the earliest allowed after him.
        List<QueuedPlayer> queue = List.of(player(1, 0, bw(1500)), player(2, 0, bw(1500)),
                player(3, 0, sc2(1550)), player(4, 0, sc2(1500)));
        Pairing pairing = Pairers.fifo().pair(queue, EVO);
        assertThat(pairing.pairs()).extracting(p -> p.first().id().value() + "-" + p.second().id().value())
                .containsExactly("1-3", "2-4");
    }
}
