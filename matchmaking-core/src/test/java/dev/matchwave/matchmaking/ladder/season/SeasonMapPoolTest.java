package dev.matchwave.matchmaking.ladder.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The map pool per season: given, carried over, planned, and refused when it breaks a rule. */
class SeasonMapPoolTest {

    private static final PlayerId ADMIN = PlayerId.of(900);
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryLadderStore store = new InMemoryLadderStore();
    private final Seasons seasons = new Seasons(store.seasons(), store.ratings(), Rating.points(1500), clock);

    @Test
    void theFirstSeasonPlaysOnTheConfiguredPool() {
        assertThat(seasons.current().mapPool()).isEmpty();
        assertThat(Season.FIRST.mapPool()).isEmpty();
    }

    @Test
    void aSeasonStartedWithMapsPlaysOnThemAndTheNextWithoutMapsKeepsThem() {
        Season second = seasons.startNext(ADMIN, new SeasonReset.CarryOver(), List.of(" Polypoid", "Eclipse "),
                "new maps", Set.of());
        assertThat(second.mapPool()).as("trimmed, in the given order").containsExactly("Polypoid", "Eclipse");

        clock.advance(Duration.ofDays(30));
        Season third = seasons.startNext(ADMIN, new SeasonReset.CarryOver(), "calendar", Set.of());
        assertThat(third.mapPool()).as("carried over").containsExactly("Polypoid", "Eclipse");
        assertThat(seasons.seasons()).extracting(Season::mapPool)
                .containsExactly(List.of(), List.of("Polypoid", "Eclipse"), List.of("Polypoid", "Eclipse"));
        assertThat(store.audit().recent(1).get(0).action().details()).contains("map pool Polypoid, Eclipse");
    }

    @Test
    void aPlannedSeasonStartsOnItsPoolOrOnThePoolInForceWhenItStarts() {
        seasons.plan(ADMIN, new SeasonReset.Initial(), List.of("Vermeer"), "calendar", T0.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(1));
        assertThat(seasons.startPlannedIfDue(Set.of()).orElseThrow().mapPool()).containsExactly("Vermeer");

        seasons.plan(ADMIN, new SeasonReset.Initial(), "calendar", clock.instant().plus(Duration.ofDays(1)));
        assertThat(seasons.planned().orElseThrow().season().mapPool()).as("not chosen yet").isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(seasons.startPlannedIfDue(Set.of()).orElseThrow().mapPool()).containsExactly("Vermeer");
    }

    @Test
    void aPoolThatBreaksARuleIsRefusedWithTheReasonAndNothingStarts() {
        assertThatThrownBy(() -> seasons.startNext(ADMIN, new SeasonReset.CarryOver(), List.of("Eclipse", "eclipse"),
                "typo", Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eclipse'")
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> seasons.plan(ADMIN, new SeasonReset.CarryOver(), List.of("Eclipse", " "), "typo",
                T0.plusSeconds(60))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no name");
        List<String> tooMany = IntStream.rangeClosed(1, Season.MAX_MAPS + 1).mapToObj(i -> "Map " + i).toList();
        assertThatThrownBy(() -> seasons.startNext(ADMIN, new SeasonReset.CarryOver(), tooMany, "many", Set.of()))
                .hasMessageContaining("at most " + Season.MAX_MAPS);
        String longName = String.join("", Collections.nCopies(Season.MAX_MAP_NAME + 1, "x"));
        assertThatThrownBy(() -> Season.checkedMapPool(List.of(longName))).hasMessageContaining("longer than");
        assertThat(seasons.seasons()).containsExactly(Season.FIRST);
        assertThat(seasons.planned()).isEmpty();
    }

    @Test
    void theAdminCommandsPoolIsNamesSeparatedByCommas() {
        assertThat(Season.parseMapPool("Fighting Spirit, Circuit Breaker,Polypoid"))
                .containsExactly("Fighting Spirit", "Circuit Breaker", "Polypoid");
        assertThatThrownBy(() -> Season.parseMapPool("Eclipse,,Polypoid")).hasMessageContaining("no name");
        assertThatThrownBy(() -> Season.parseMapPool("  ")).hasMessageContaining("map pool is empty");
    }
}
