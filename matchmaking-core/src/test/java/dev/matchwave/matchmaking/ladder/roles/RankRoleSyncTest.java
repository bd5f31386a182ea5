package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankRoleSyncTest {

    static final String GUILD = "500";
    static final RankRoles ROLES = RankRoles.parse(RankScheme.REFERENCE, "S=1,A=2,B=3,C=4,D=5,E=6,F=7");
    static final String OWN_ROLE = "900";

    final ManualClock clock = ManualClock.atEpochSecond(1_772_366_400);
    final FakeGuildRoles discord = new FakeGuildRoles();
    final HeldRoles store = HeldRoles.inMemory();
    final AtomicReference<Ranks> ranks = new AtomicReference<>(Ranks.of(RankScheme.REFERENCE, List.of(), clock.instant()));

    RankRoleSync sync(int maxInFlight) {
        return RankRoleSync.builder(Map.of(GUILD, ROLES), store, discord, ranks::get)
                .scheduler(clock).executor(Runnable::run).maxInFlight(maxInFlight).build();
    }

    /** {@code n} players, player i rated 1000 + i with one recent game: player n is the best. */
    void population(int n, int offset) {
        List<PlayerRating> ratings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            PlayerId player = PlayerId.of(i);
            discord.members.add(player);
            ratings.add(new PlayerRating(player, "bw_zerg", Rating.points(1000 + ((i - 1 + offset) % n) * 10), 1, 1, 0, 0,
                    Optional.of(clock.instant())));
        }
        ranks.set(Ranks.of(RankScheme.REFERENCE, ratings, clock.instant()));
    }

    void assertDiscordFollowsTheRanks(RankRoleSync sync) {
        Map<PlayerId, Optional<String>> wanted = ROLES.wanted(ranks.get());
        wanted.forEach((player, role) -> {
            Set<String> managed = new HashSet<>(discord.of(player));
            managed.retainAll(ROLES.managed());
            assertThat(managed).as("player %s", player).isEqualTo(role.map(Set::of).orElse(Set.of()));
            assertThat(store.heldIn(GUILD).getOrDefault(player, Set.of())).as("stored for %s", player)
                    .isEqualTo(managed);
            assertThat(sync.heldBy(GUILD, player)).isEqualTo(managed);
        });
    }

    @Test
    void everyPlayerGetsTheRoleOfHisRankAndKeepsHisOwnRoles() {
        population(100, 0);
        discord.roles.put(PlayerId.of(1), new HashSet<>(Set.of(OWN_ROLE)));
        RankRoleSync sync = sync(4);

        sync.start();
        discord.releaseAll();

        assertDiscordFollowsTheRanks(sync);
        assertThat(discord.of(PlayerId.of(1))).contains(OWN_ROLE);
        assertThat(discord.of(PlayerId.of(100))).containsExactly("1");
        assertThat(discord.log).hasSize(100);
        assertThat(discord.maxWaiting).isEqualTo(4);
        assertThat(sync.figures().idle()).isTrue();
    }

    @Test
    void aReRankChangesOnlyThePlayersWhoseRoleMoved() {
        population(100, 0);
        RankRoleSync sync = sync(4);
        sync.start();
        discord.releaseAll();
        discord.log.clear();

        population(100, 1); // everyone moves up one place, the best falls to the bottom
        sync.ratingsChanged();
        clock.advance(Duration.ofSeconds(2));
        discord.releaseAll();

        assertDiscordFollowsTheRanks(sync);
        // Only band edges moved: S, A..F boundaries, each a removal and an addition.
        assertThat(discord.log).hasSizeLessThan(20).allMatch(e -> e.matches("[+-]\\d@\\d+"));
    }

    @Test
    void changesOwedWhileOthersAreInFlightAreCoalescedToTheLatest() {
        population(10, 0);
        RankRoleSync sync = sync(1);
        sync.start();
        // Three re-ranks with nothing answered: each player is owed once, with the latest role.
        population(10, 3);
        sync.rerank();
        population(10, 7);
        sync.rerank();
        discord.releaseAll();

        assertDiscordFollowsTheRanks(sync);
        assertThat(discord.maxWaiting).isEqualTo(1);
        // Player 1's first request (his role at the start) was already out; every other player
        // got exactly the requests of his final plan.
        assertThat(discord.log.stream().filter(e -> !e.endsWith("@1")).count()).isLessThanOrEqualTo(9);
    }

    @Test
    void aNewProcessOwesOnlyWhatTheLastOneDidNotFinish() {
        population(50, 0);
        RankRoleSync first = sync(2);
        first.start();
        for (int i = 0; i < 20; i++) {
            discord.release(0);
        }
        first.close(); // a crash: the rest never answered
        discord.waiting.clear();
        int before = discord.log.size();

        RankRoleSync second = sync(2);
        second.start();
        discord.releaseAll();

        assertDiscordFollowsTheRanks(second);
        assertThat(discord.log.size() - before).isEqualTo(50 - 20);
    }

    @Test
    void aFailedChangeIsTriedAgainLater() {
        population(10, 0);
        discord.script = r -> r.player().equals(PlayerId.of(5)) && clock.instant().isBefore(Instant.ofEpochSecond(1_772_366_430))
                ? MemberRoles.Result.FAILED : MemberRoles.Result.DONE;
        RankRoleSync sync = sync(4);
        sync.start();
        discord.releaseAll();
        assertThat(discord.of(PlayerId.of(5))).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        discord.releaseAll();

        assertDiscordFollowsTheRanks(sync);
        assertThat(sync.figures().failed()).isEqualTo(1);
    }

    @Test
    void aRefusalStopsTheGuildInsteadOfRepeatingIt() {
        population(40, 0);
        discord.script = r -> MemberRoles.Result.REFUSED;
        RankRoleSync sync = sync(4);
        sync.start();
        discord.releaseAll();
        sync.rerank();
        discord.releaseAll();

        assertThat(discord.log).hasSize(4);
        assertThat(sync.figures().refused()).isEqualTo(4);
        assertThat(sync.figures().idle()).isTrue();
    }

    @Test
    void aPlayerWhoIsNotAMemberIsSkipped() {
        population(10, 0);
        discord.members.remove(PlayerId.of(3));
        RankRoleSync sync = sync(4);
        sync.start();
        discord.releaseAll();

        assertThat(sync.figures().notMember()).isEqualTo(1);
        assertThat(discord.of(PlayerId.of(3))).isEmpty();
        assertThat(store.heldIn(GUILD)).doesNotContainKey(PlayerId.of(3));
    }
}
