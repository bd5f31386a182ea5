package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Rank roles over Discord: 150 players' ratings change at once, twice (a mass re-rank), and
 * every member's rank role follows his best rank while his other roles stay; two players who
 * play a match get their roles after the result. The member role routes are buckets of 10 a
 * second per guild in the local Discord: the bot learns them from the headers and gets no 429.
 * A restart sends nothing (the roles Discord accepted are in PostgreSQL), and a crash in the
 * middle of a re-rank leaves nothing owed behind.
 */
class RankRolesTest extends BotEndToEndTest {

    private static final List<String> LETTERS = List.of("S", "A", "B", "C", "D", "E", "F");
    private static final Duration ROLES_WAIT = Duration.ofSeconds(90);
    private static final Predicate<RequestRecord> ROLE_REQUEST = r -> r.route().contains("/members/{user_id}/roles/");

    private final List<EmulatedUser> crowd = new ArrayList<>();
    private long moderator;

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().rankRoles(LETTERS);
    }

    /** Sets every crowd member's rating (one game, just now) in one write, as an admin's adjustment would. */
    private void rate(java.util.function.IntUnaryOperator ratingOfIndex) {
        Instant now = bot.ladder().clock().instant();
        List<RatingChange> changes = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            PlayerId player = playerOf(crowd.get(i));
            PlayerRating before = bot.ladder().store().ratings().find(player, Side.BW.race)
                    .orElse(PlayerRating.fresh(player, Side.BW.race, Rating.points(1500)));
            PlayerRating after = new PlayerRating(player, Side.BW.race, Rating.points(ratingOfIndex.applyAsInt(i)),
                    1, 1, 0, 0, Optional.of(now));
            changes.add(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before, after, now));
        }
        bot.ladder().store().ratings().record(changes, Optional.empty());
    }

    /** Every rated player's managed role as the ranks say, from the store's ratings now. */
    private Map<Long, Set<Long>> wanted() {
        Ranks ranks = Ranks.of(LeaderboardRules.REFERENCE.ranks(), bot.ladder().store().ratings().all(),
                bot.ladder().clock().instant());
        Map<String, String> byLetter = new HashMap<>();
        LETTERS.forEach(letter -> byLetter.put(letter, Long.toString(bot.rankRole(letter))));
        Map<Long, Set<Long>> wanted = new HashMap<>();
        dev.matchwave.matchmaking.ladder.roles.RankRoles.of(LeaderboardRules.REFERENCE.ranks(), byLetter).wanted(ranks)
                .forEach((player, role) -> wanted.put(player.value(), role.map(r -> Set.of(Long.parseLong(r)))
                        .orElse(Set.of())));
        return wanted;
    }

    private Set<Long> managedRolesOf(long user) {
        Set<Long> managed = new HashSet<>(bot.discord().memberRoles(user));
        managed.remove(moderator);
        return managed;
    }

    private void awaitRolesFollowTheRanks(String why) {
        bot.discord().await(why, () -> {
            Map<Long, Set<Long>> wanted = wanted();
            return !wanted.isEmpty() && wanted.entrySet().stream()
                    .allMatch(e -> managedRolesOf(e.getKey()).equals(e.getValue()))
                    && bot.bot().rankRoles().orElseThrow().figures().idle();
        }, ROLES_WAIT);
    }

    private long roleRequests() {
        return bot.discord().recording().requests(ROLE_REQUEST).size();
    }

    private List<RequestRecord> tooMany() {
        return bot.discord().recording().requests(r -> r.status() == 429);
    }

    @Test
    void rolesFollowMassReRanksAndAMatchWithout429sAndAreNotSentAgainAfterARestartOrACrash() {
        moderator = bot.discord().createRole("Moderator");
        for (int i = 0; i < 150; i++) {
            EmulatedUser user = bot.newUser();
            crowd.add(user);
            bot.ladder().store().players().register(playerOf(user), 3, bot.ladder().clock().instant());
            if (i % 10 == 0) {
                bot.discord().giveRole(user.id(), moderator);
            }
        }

        // Everybody rated at once: each member gets the role of his rank.
        rate(i -> 1000 + 5 * i);
        awaitRolesFollowTheRanks("every member holds the role of his rank");
        assertThat(managedRolesOf(crowd.get(149).id())).containsExactly(bot.rankRole("S"));
        assertThat(managedRolesOf(crowd.get(0).id())).containsExactly(bot.rankRole("F"));
        long afterFirst = roleRequests();
        assertThat(afterFirst).isEqualTo(150);

        // The order reversed: a mass re-rank; only the players whose letter moved are changed.
        rate(i -> 2000 - 5 * i);
        awaitRolesFollowTheRanks("the roles follow the reversed ranks");
        assertThat(managedRolesOf(crowd.get(0).id())).containsExactly(bot.rankRole("S"));
        for (int i = 0; i < crowd.size(); i += 10) {
            assertThat(bot.discord().memberRoles(crowd.get(i).id())).as("the moderator role of %s stays", i)
                    .contains(moderator);
        }

        // A match: its two players' roles follow the result.
        Pairing p = bot.matched(bot::readyQuickly, () -> { });
        EmulatedUser zerg = p.zerg();
        EmulatedUser terran = p.terran();
        long matchId = p.matchId();
        LadderBotHarness.confirmMatch(zerg, p.zergFound());
        LadderBotHarness.confirmMatch(terran, p.terranFound());
        SeenMessage zergDetails = bot.awaitDetails(zerg, matchId);
        SeenMessage terranDetails = bot.awaitDetails(terran, matchId);
        bot.report(terran, terranDetails, "1");
        bot.report(zerg, zergDetails, "1");
        bot.discord().await("match #" + matchId + " is completed",
                () -> bot.match(matchId).state() == MatchState.COMPLETED, WAIT);
        awaitRolesFollowTheRanks("the match's players hold the roles of their new ranks");
        assertThat(managedRolesOf(zerg.id())).hasSize(1);
        assertThat(managedRolesOf(terran.id())).hasSize(1);

        // A restart: the roles Discord accepted are known, nothing is sent again.
        long beforeRestart = roleRequests();
        bot.restartBot();
        bot.discord().await("the new bot re-ranked", () -> bot.bot().rankRoles().map(r -> r.figures().reranks() > 0
                && r.figures().idle()).orElse(false), WAIT);
        assertThat(roleRequests()).isEqualTo(beforeRestart);

        // A crash in the middle of a mass re-rank: the next process sends what is still owed.
        rate(i -> 1000 + 7 * ((i * 37) % 150));
        long startOfReRank = roleRequests();
        bot.discord().await("the re-rank is under way", () -> roleRequests() > startOfReRank + 20, ROLES_WAIT);
        bot.crashAndRestartBot(true);
        awaitRolesFollowTheRanks("the roles follow the ranks after the crash");

        assertThat(tooMany()).as("429s").isEmpty();
    }
}
