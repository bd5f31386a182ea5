package dev.matchwave.matchmaking.ladder.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoShowPenaltiesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final PlayerId PLAYER = PlayerId.of(7);
    private static final PlayerId ADMIN = PlayerId.of(900);

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryLadderStore store = new InMemoryLadderStore();
    private final NoShowPenalties penalties = new NoShowPenalties(store.noShows(), NoShowRules.REFERENCE, clock);

    NoShowPenaltiesTest() {
        store.players().register(PLAYER, 3, T0);
    }

    private void timeOut(long match) {
        penalties.timedOut(PLAYER, MatchId.of(match), clock.instant());
    }

    @Test
    void theThirdTimeoutInADayBarsThePlayerAndTheRefusalSaysUntilWhenAndWhy() {
        timeOut(1);
        clock.advance(Duration.ofHours(1));
        timeOut(2);
        assertThat(penalties.guard().refusal(PLAYER)).isEmpty();
        clock.advance(Duration.ofHours(1));
        timeOut(3);

        assertThat(penalties.guard().refusal(PLAYER)).hasValueSatisfying(text -> assertThat(text)
                .contains("until 2026-03-01 14:30 UTC").contains("in 30 min")
                .contains("did not confirm 3 matches within 24h").contains("admin"));
        clock.advance(Duration.ofMinutes(30));
        assertThat(penalties.guard().refusal(PLAYER)).as("the bar is over").isEmpty();

        // Three more: a repeat, twice as long.
        for (long match = 4; match <= 6; match++) {
            clock.advance(Duration.ofMinutes(10));
            timeOut(match);
        }
        assertThat(penalties.barOf(PLAYER)).hasValueSatisfying(bar -> {
            assertThat(bar.repeat()).isEqualTo(1);
            assertThat(Duration.between(bar.from(), bar.until())).isEqualTo(Duration.ofHours(1));
        });
        assertThat(penalties.guard().refusal(PLAYER).orElseThrow()).contains("longer because it happened before");
    }

    @Test
    void anAdminLiftsABarAndTheLiftIsAudited() {
        for (long match = 1; match <= 3; match++) {
            timeOut(match);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(penalties.barOf(PLAYER)).isPresent();

        assertThat(penalties.lift(ADMIN, PLAYER, "his internet was down")).hasValueSatisfying(
                bar -> assertThat(bar.liftedAt()).contains(clock.instant()));
        assertThat(penalties.guard().refusal(PLAYER)).isEmpty();
        assertThat(store.audit().aboutTarget(AdminAction.player(PLAYER), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.action().kind()).isEqualTo(AdminActionKind.LIFT_COOLDOWN);
            assertThat(entry.action().admin()).isEqualTo(ADMIN);
            assertThat(entry.action().reason()).isEqualTo("his internet was down");
        });

        assertThat(penalties.lift(ADMIN, PLAYER, "again")).as("nothing to lift").isEmpty();
        assertThat(store.audit().recent(10)).as("a refused lift is not audited").hasSize(1);
    }

    @Test
    void wordsRoundUpToTheMinute() {
        assertThat(NoShowPenalties.words(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(NoShowPenalties.words(Duration.ofSeconds(61))).isEqualTo("2 min");
        assertThat(NoShowPenalties.words(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(NoShowPenalties.words(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }
}
