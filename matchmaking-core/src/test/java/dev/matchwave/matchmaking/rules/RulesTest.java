package dev.matchwave.matchmaking.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static QueuedPlayer player(long id, int wait, Preferences preferences, Seat... seats) {
        return new QueuedPlayer(PlayerId.of(id), List.of(seats), preferences, T0, wait);
    }

    @Test
    void rulesByName() {
        assertThat(RuleSets.names()).containsExactly("evoladder", "single", "fifo");
        for (String name : RuleSets.names()) {
            assertThat(RuleSets.byName(name).name()).isEqualTo(name);
        }
        assertThat(RuleSets.byName("evoladder")).isSameAs(EvoLadderRules.defaults());
        assertThatThrownBy(() -> RuleSets.byName("elo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rules 'elo'; known rules: evoladder, single, fifo");
    }

    @Test
    void evoLadderDefaultsAreTheLadderConstants() {
        EvoLadderRules rules = EvoLadderRules.defaults();
        assertThat(rules.window(0)).isEqualTo(100);
        assertThat(rules.window(3)).isEqualTo(250);
        assertThat(rules.window(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(rules.sidesMeet("bw", "sc2")).isTrue();
        assertThat(rules.sidesMeet("sc2", "bw")).isFalse();
        assertThat(rules.sidesMeet("bw", "bw")).isFalse();
        assertThat(EvoLadderRules.REGIONS).hasSize(16);
        assertThat(EvoLadderRules.SERVERS).hasSize(9);
        assertThat(EvoLadderRules.seat("sc2_zerg", 1620)).isEqualTo(new Seat("sc2", "sc2_zerg", 1620));
        assertThatThrownBy(() -> EvoLadderRules.seat("sc2_murloc", 1500))
                .hasMessageContaining("unknown race 'sc2_murloc'");
    }

    @Test
    void theWindowOfEitherPlayerCounts() {
        MatchRules rules = EvoLadderRules.defaults();
        QueuedPlayer patient = player(1, 2, Preferences.NONE, EvoLadderRules.seat("bw_zerg", 1000));
        QueuedPlayer fresh = player(2, 0, Preferences.NONE, EvoLadderRules.seat("sc2_zerg", 1200));
        assertThat(rules.allowed(patient, patient.seats().get(0), fresh, fresh.seats().get(0))).isTrue();
        QueuedPlayer far = player(3, 0, Preferences.NONE, EvoLadderRules.seat("sc2_zerg", 1201));
        assertThat(rules.allowed(patient, patient.seats().get(0), far, far.seats().get(0))).isFalse();
    }

    @Test
    void builderChecksEachOptionOnceAndNamesIt() {
        assertThatThrownBy(() -> EvoLadderRules.builder().windowBase(-1))
                .hasMessage("windowBase must not be negative, got -1");
        assertThatThrownBy(() -> EvoLadderRules.builder().windowStep(10).windowStep(20))
                .isInstanceOf(IllegalStateException.class).hasMessage("windowStep was already set to 10");
        assertThatThrownBy(() -> EvoLadderRules.builder().mapPool(List.of()))
                .hasMessage("mapPool must not be empty");
        assertThatThrownBy(() -> EvoLadderRules.builder().mapPool(List.of("A", "A")))
                .hasMessage("mapPool names 'A' twice");
        assertThatThrownBy(() -> EvoLadderRules.builder().channelCount(100))
                .hasMessageContaining("channelCount must be between 1 and 99");
        assertThatThrownBy(() -> EvoLadderRules.builder().servers(List.of("USW")).build())
                .hasMessageContaining("serverTable names server");
        EvoLadderRules custom = EvoLadderRules.builder().windowBase(50).windowStep(25).build();
        assertThat(custom.window(2)).isEqualTo(100);
        assertThatThrownBy(() -> new SinglePoolRules(100, -5)).hasMessage("windowStep must not be negative, got -5");
    }

    @Test
    void channelIsTwoDigitsOfTheMatchIdModTenWithZeroShownAsTen() {
        EvoLadderRules rules = EvoLadderRules.defaults();
        assertThat(rules.channel(10)).isEqualTo("scevo10");
        assertThat(rules.channel(0)).isEqualTo("scevo10");
        assertThat(rules.channel(1)).isEqualTo("scevo01");
        assertThat(rules.channel(127)).isEqualTo("scevo07");
        assertThat(rules.channel(-3)).isEqualTo("scevo07");
        assertThat(EvoLadderRules.builder().channelPrefix("lobby").channelCount(12).build().channel(24))
                .isEqualTo("lobby12");
    }

    @Test
    void venueDrawsTheMapFromThePoolMinusVetoesAndTakesTheServerFromTheTable() {
        EvoLadderRules rules = EvoLadderRules.builder().mapPool(List.of("Alpha", "Bravo", "Charlie")).build();
        QueuedPlayer a = player(1, 0, Preferences.of(Set.of("Alpha"), "EUW"), EvoLadderRules.seat("bw_terran", 1500));
        QueuedPlayer b = player(2, 0, Preferences.of(Set.of("Charlie"), "EUE"), EvoLadderRules.seat("sc2_terran", 1500));
        Pair pair = new Pair(a, a.seats().get(0), b, b.seats().get(0));
        for (long seed = 0; seed < 20; seed++) {
            Venue venue = rules.venue(pair, 41, new SplittableRandom(seed));
            assertThat(venue.map()).isEqualTo("Bravo");
            assertThat(venue.server()).isEqualTo("EUC");
            assertThat(venue.channel()).isEqualTo("scevo01");
        }
    }

    @Test
    void aSeasonsMapPoolChangesWhoMayMeetAndWhatIsDrawnAndNothingElse() {
        EvoLadderRules rules = EvoLadderRules.builder().mapPool(List.of("Alpha", "Bravo", "Charlie")).windowBase(80)
                .build();
        QueuedPlayer a = player(1, 0, Preferences.of(Set.of("Delta"), "EUW"), EvoLadderRules.seat("bw_terran", 1500));
        QueuedPlayer b = player(2, 0, Preferences.of(Set.of("Echo"), "EUE"), EvoLadderRules.seat("sc2_terran", 1500));
        Pair pair = new Pair(a, a.seats().get(0), b, b.seats().get(0));

        EvoLadderRules season = rules.withMapPool(List.of("Delta", "Echo", "Foxtrot"));
        assertThat(season.mapPool()).containsExactly("Delta", "Echo", "Foxtrot");
        assertThat(season.window(0)).isEqualTo(80);
        assertThat(season.venue(pair, 3, new SplittableRandom(1)).map()).isEqualTo("Foxtrot");
        assertThat(season.withMapPool(List.of("Delta", "Echo")).compatible(a, b)).as("every map vetoed").isFalse();
        assertThat(rules.compatible(a, b)).isTrue();
        assertThat(rules.mapPool()).as("unchanged").containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(rules.withMapPool(List.of("Alpha", "Bravo", "Charlie"))).isSameAs(rules);
        assertThatThrownBy(() -> rules.withMapPool(List.of())).hasMessageContaining("mapPool must not be empty");
        MatchRules fifo = RuleSets.byName("fifo");
        assertThat(fifo.mapPool()).isEmpty();
        assertThatThrownBy(() -> fifo.withMapPool(List.of("Alpha"))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no map pool");
    }

    @Test
    void venueIsTheSameForTheSameSeedAndCoversThePool() {
        EvoLadderRules rules = EvoLadderRules.defaults();
        QueuedPlayer a = player(1, 0, Preferences.NONE, EvoLadderRules.seat("bw_terran", 1500));
        QueuedPlayer b = player(2, 0, Preferences.NONE, EvoLadderRules.seat("sc2_terran", 1500));
        Pair pair = new Pair(a, a.seats().get(0), b, b.seats().get(0));
        Set<String> maps = new HashSet<>();
        Set<String> servers = new HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            Venue venue = rules.venue(pair, seed, new SplittableRandom(seed));
            assertThat(rules.venue(pair, seed, new SplittableRandom(seed))).isEqualTo(venue);
            maps.add(venue.map());
            servers.add(venue.server());
        }
        // No home regions: the server is drawn at random, from every server in time.
        assertThat(maps).containsExactlyInAnyOrderElementsOf(EvoLadderRules.DEFAULT_MAP_POOL);
        assertThat(servers).containsExactlyInAnyOrderElementsOf(EvoLadderRules.SERVERS);
    }

    @Test
    void aMissingTableEntryFallsBackToARandomServer() {
        EvoLadderRules rules = EvoLadderRules.builder()
                .serverTable(ServerTable.empty().with("EUW", "NAE", "USE")).build();
        QueuedPlayer a = player(1, 0, Preferences.of(Set.of(), "NAE"), EvoLadderRules.seat("bw_terran", 1500));
        QueuedPlayer b = player(2, 0, Preferences.of(Set.of(), "EUW"), EvoLadderRules.seat("sc2_terran", 1500));
        QueuedPlayer c = player(3, 0, Preferences.of(Set.of(), "KRJ"), EvoLadderRules.seat("sc2_terran", 1500));
        assertThat(rules.venue(new Pair(a, a.seats().get(0), b, b.seats().get(0)), 1, new SplittableRandom(1)).server())
                .isEqualTo("USE");
        Set<String> drawn = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            drawn.add(rules.venue(new Pair(a, a.seats().get(0), c, c.seats().get(0)), 1, new SplittableRandom(seed))
                    .server());
        }
        assertThat(drawn).hasSize(EvoLadderRules.SERVERS.size());
    }

    @Test
    void vetoesLeavingNoMapForbidThePairAndTheVenue() {
        EvoLadderRules rules = EvoLadderRules.builder().mapPool(List.of("Alpha", "Bravo")).build();
        QueuedPlayer a = player(1, 0, new Preferences(Set.of("Alpha"), Optional.empty()),
                EvoLadderRules.seat("bw_terran", 1500));
        QueuedPlayer b = player(2, 0, new Preferences(Set.of("Bravo"), Optional.empty()),
                EvoLadderRules.seat("sc2_terran", 1500));
        assertThat(rules.compatible(a, b)).isFalse();
        assertThat(rules.allowed(a, a.seats().get(0), b, b.seats().get(0))).isFalse();
        Pair pair = new Pair(a, a.seats().get(0), b, b.seats().get(0));
        assertThatThrownBy(() -> rules.venue(pair, 1, new SplittableRandom(1)))
                .hasMessageContaining("have vetoed every map");
    }

    @Test
    void defaultServerTableIsSymmetricCompleteAndUsesKnownServers() {
        ServerTable table = ServerTable.referenceLadder();
        List<String> regions = new ArrayList<>(EvoLadderRules.REGIONS);
        for (String a : regions) {
            for (String b : regions) {
                assertThat(table.server(a, b)).isPresent().isEqualTo(table.server(b, a));
                assertThat(EvoLadderRules.SERVERS).contains(table.server(a, b).orElseThrow());
            }
        }
        assertThat(table.size()).isEqualTo(16 * 17 / 2);
        assertThat(table.server("EUW", "EUW")).contains("EUC");
        assertThat(table.server("KRJ", "KRJ")).contains("KOR");
        assertThat(table.server("OCE", "OCE")).contains("AUS");
        assertThat(table.server("NAW", "NAE")).contains("USC");
    }

    @Test
    void singlePoolAndFifoRules() {
        SinglePoolRules single = SinglePoolRules.defaults();
        assertThat(single.sidesMeet(SinglePoolRules.SIDE, SinglePoolRules.SIDE)).isTrue();
        assertThat(single.sidesMeet("bw", SinglePoolRules.SIDE)).isFalse();
        assertThat(new SinglePoolRules(200, 10).window(5)).isEqualTo(250);
        assertThat(FifoRules.INSTANCE.firstInFirstOut()).isTrue();
        assertThat(FifoRules.INSTANCE.window(0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(FifoRules.INSTANCE.sidesMeet("anything", "else")).isTrue();
    }
}
