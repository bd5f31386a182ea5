package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over any sequence of re-ranks, answers in any order, failures and crashes, once everything is
 * answered and retried, every member's managed roles are his wanted role of the last re-rank,
 * the ladder's record agrees with the platform, and his other roles are untouched.
 */
class RankRoleSyncProperties {

    static final String GUILD = "500";
    static final RankRoles ROLES = RankRoles.parse(RankScheme.REFERENCE, "S=1,A=2,B=2,C=3,F=7");
    static final String OWN_ROLE = "900";

    /** One step: a re-rank with ratings from this list, some answers, maybe a crash. */
    record Step(List<Integer> ratings, List<Integer> answers, boolean failSome, boolean crash) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<List<Integer>> ratings = Arbitraries.integers().between(1000, 1100).list().ofSize(30);
        Arbitrary<List<Integer>> answers = Arbitraries.integers().between(0, 50).list().ofMaxSize(40);
        return net.jqwik.api.Combinators.combine(ratings, answers, Arbitraries.of(false, false, true),
                        Arbitraries.of(false, false, false, true))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200)
    void managedRolesEndAsTheLastRanksSay(@ForAll("histories") List<Step> history,
                                          @ForAll @IntRange(min = 1, max = 6) int maxInFlight) {
        ManualClock clock = ManualClock.atEpochSecond(1_772_366_400);
        FakeGuildRoles discord = new FakeGuildRoles();
        HeldRoles store = HeldRoles.inMemory();
        AtomicReference<Ranks> ranks = new AtomicReference<>();
        for (int i = 1; i <= 30; i++) {
            discord.members.add(PlayerId.of(i));
            if (i % 3 == 0) {
                discord.roles.put(PlayerId.of(i), new HashSet<>(Set.of(OWN_ROLE)));
            }
        }
        boolean[] failing = {false};
        discord.script = r -> failing[0] && r.player().value() % 4 == 0 ? MemberRoles.Result.FAILED
                : MemberRoles.Result.DONE;
        RankRoleSync sync = null;
        for (Step step : history) {
            List<PlayerRating> ratings = new ArrayList<>();
            for (int i = 0; i < step.ratings().size(); i++) {
                ratings.add(new PlayerRating(PlayerId.of(i + 1), "bw_zerg", Rating.points(step.ratings().get(i)), 1,
                        1, 0, 0, Optional.of(clock.instant())));
            }
            ranks.set(Ranks.of(RankScheme.REFERENCE, ratings, clock.instant()));
            failing[0] = step.failSome();
            if (sync == null) {
                sync = RankRoleSync.builder(Map.of(GUILD, ROLES), store, discord, ranks::get)
                        .scheduler(clock).executor(Runnable::run).maxInFlight(maxInFlight).build();
                sync.start();
            } else {
                sync.ratingsChanged();
                clock.advance(Duration.ofSeconds(2));
            }
            for (int index : step.answers()) {
                discord.release(index);
            }
            assertThat(discord.waiting.size()).isLessThanOrEqualTo(maxInFlight);
            if (step.crash()) {
                sync.close();
                // Requests on their way when the process died: some reached Discord, some not.
                for (int i = 0; i < discord.waiting.size(); i++) {
                    if (i % 2 == 0) {
                        discord.release(i);
                    }
                }
                discord.waiting.clear();
                sync = null;
            }
        }
        failing[0] = false;
        if (sync == null) {
            sync = RankRoleSync.builder(Map.of(GUILD, ROLES), store, discord, ranks::get)
                    .scheduler(clock).executor(Runnable::run).maxInFlight(maxInFlight).build();
            sync.start();
        }
        discord.releaseAll();
        clock.advance(Duration.ofSeconds(30)); // retries of failed changes
        discord.releaseAll();

        Map<PlayerId, Optional<String>> wanted = ROLES.wanted(ranks.get());
        for (int i = 1; i <= 30; i++) {
            PlayerId player = PlayerId.of(i);
            Set<String> managed = new HashSet<>(discord.of(player));
            managed.retainAll(ROLES.managed());
            assertThat(managed).as("player %s", player)
                    .isEqualTo(wanted.getOrDefault(player, Optional.empty()).map(Set::of).orElse(Set.of()));
            assertThat(store.heldIn(GUILD).getOrDefault(player, Set.of())).as("recorded for %s", player)
                    .isEqualTo(managed);
            assertThat(discord.of(player).contains(OWN_ROLE)).isEqualTo(i % 3 == 0);
        }
        assertThat(sync.figures().idle()).isTrue();
    }
}
