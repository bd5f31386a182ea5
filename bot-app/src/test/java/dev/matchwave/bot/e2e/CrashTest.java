package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bot dies (kill -9: {@code DiscordBot.halt()}, nothing drained, no delivery mark written)
 * at points of a wave, and a new one on the same database and the same local Discord carries
 * on (issue 12, section 5). Counted from what the players saw: nobody lost, nobody matched
 * twice, every message owed seen exactly once by its player.
 *
 * <p>The ladder runs on {@link VirtualTime} and the crashing bot's notifications are paced at 4
 * per second of that time: a wave's phase 2 (the match messages) stays open until the test moves
 * time, so the crash falls inside it for sure. The new bot paces as the bot does by default,
 * on the real clock when what it owes must go out without the test moving time.
 */
class CrashTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);
    private static final int MATCHES = 5;

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time)
                .dispatchLimits(DiscordLimits.defaults().withGlobalLimit(4));
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    /** Each test starts from the bot of this class's options (a crash test leaves another one). */
    @org.junit.jupiter.api.BeforeEach
    void freshBot() {
        bot.restartBot();
    }

    private void wave() {
        time.advanceTo(bot.ladder().queue().status().nextWave());
    }

    private List<EmulatedUser> queuePairs(int pairs) {
        List<EmulatedUser> users = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            EmulatedUser zerg = bot.newUser();
            EmulatedUser terran = bot.newUser();
            bot.join(zerg, bot.readyQuickly(zerg, Side.BW));
            bot.join(terran, bot.readyQuickly(terran, Side.SC2));
            users.add(zerg);
            users.add(terran);
        }
        return users;
    }

    private static long matchMessages(EmulatedUser user, long matchId) {
        return user.directMessages().stream().filter(m -> m.shows("Match #" + matchId + ":")).count();
    }

    /**
     * His "match found" messages of the match: shown as such, or, once both confirmed, turned
     * into the match view in the same (ephemeral) message.
     */
    private static long matchFounds(EmulatedUser user, long matchId) {
        return user.messages().stream().filter(m -> m.shows("Match found! (#" + matchId + ")")
                || (m.ephemeral() && m.shows("Match #" + matchId + ":"))).count();
    }

    /** Waits until each player has his match message and the new process owes nothing (every mark written). */
    private void deliverEverythingOwed(List<EmulatedUser> users, Map<EmulatedUser, Long> matchOf) {
        for (EmulatedUser user : users) {
            long match = matchOf.get(user);
            user.awaitDirectMessage(m -> m.shows("Match #" + match + ":"), WAIT);
        }
        bot.discord().await("every owed notification delivered and marked", () -> {
            bot.ladder().flushDeliveryMarks();
            return bot.ladder().notificationsOwed() == 0;
        }, WAIT);
    }

    private Map<EmulatedUser, Long> openMatches(List<EmulatedUser> users) {
        Map<EmulatedUser, Long> matchOf = new HashMap<>();
        Set<Long> matches = new HashSet<>();
        for (EmulatedUser user : users) {
            Match match = bot.openMatchOf(user);
            matchOf.put(user, match.id().value());
            matches.add(match.id().value());
        }
        assertThat(matches).as("every player in one match, each match of two of them").hasSize(users.size() / 2);
        return matchOf;
    }

    private static void eachSawEachMessageOnce(List<EmulatedUser> users, Map<EmulatedUser, Long> matchOf) {
        for (EmulatedUser user : users) {
            long match = matchOf.get(user);
            assertThat(matchFounds(user, match)).as("%s's \"match found\" of #%d, among %s", user.name(), match,
                    user.messages()).isEqualTo(1);
            assertThat(matchMessages(user, match)).as("%s's match message of #%d, among %s", user.name(), match,
                    user.directMessages()).isEqualTo(1);
        }
    }

    @Test
    void aCrashDuringPhaseTwoLosesNobodyAndEveryOwedMessageIsSeenOnce() {
        List<EmulatedUser> users = queuePairs(MATCHES);
        wave();
        users.forEach(bot::awaitMatchFound); // phase 1: every player heard "match found"
        Map<EmulatedUser, Long> matchOf = openMatches(users);
        bot.discord().await("phase 2 under way: a first match message out",
                () -> users.stream().anyMatch(u -> matchMessages(u, matchOf.get(u)) > 0), WAIT);
        long seenBefore = users.stream().filter(u -> matchMessages(u, matchOf.get(u)) > 0).count();
        assertThat(seenBefore).as("match messages out at the crash (paced at 4 a second of frozen time)")
                .isLessThan(users.size());

        bot.crashAndRestartBot(true);

        deliverEverythingOwed(users, matchOf);
        assertThat(openMatches(users)).as("the same matches after the crash").isEqualTo(matchOf);
        assertThat(bot.ladder().queue().snapshot().queued()).as("nobody back in the queue").isEmpty();
        eachSawEachMessageOnce(users, matchOf);
        // The match message still works: both confirm in it and the match starts.
        EmulatedUser first = users.get(0);
        EmulatedUser second = users.get(1);
        assertThat(bot.openMatchOf(second).id().value()).isEqualTo(matchOf.get(first));
    }

    @Test
    void aCrashRightAfterTheWavesTransactionTellsEveryPlayerOnceAfterTheRestart() {
        List<EmulatedUser> users = queuePairs(MATCHES);
        Set<PlayerId> queued = new HashSet<>(users.stream().map(LadderBotHarness::playerOf).toList());
        wave();
        bot.discord().await("the wave's transaction committed", () -> users.stream().allMatch(u ->
                bot.ladder().store().matches().openMatchOf(playerOf(u)).isPresent()), WAIT);
        // Phase 1 is starting as the process dies.
        bot.crashAndRestartBot(true);

        Map<EmulatedUser, Long> matchOf = openMatches(users);
        assertThat(matchOf.keySet().stream().map(LadderBotHarness::playerOf).toList())
                .containsExactlyInAnyOrderElementsOf(queued);
        users.forEach(bot::awaitMatchFound);
        deliverEverythingOwed(users, matchOf);
        assertThat(bot.ladder().queue().snapshot().queued()).isEmpty();
        eachSawEachMessageOnce(users, matchOf);
    }

    @Test
    void aCrashBeforeTheWaveKeepsTheQueueAndTheNextProcessPairsIt() {
        List<EmulatedUser> users = queuePairs(2);
        bot.crashAndRestartBot(false);
        assertThat(bot.ladder().queue().snapshot().queued()).extracting(q -> q.id())
                .containsExactlyInAnyOrderElementsOf(users.stream().map(LadderBotHarness::playerOf).toList());
        wave();
        users.forEach(bot::awaitMatchFound);
        Map<EmulatedUser, Long> matchOf = openMatches(users);
        deliverEverythingOwed(users, matchOf);
        eachSawEachMessageOnce(users, matchOf);
    }

    /**
     * Both players confirm while the wave's match messages still go out (paced, time frozen):
     * the match message that shows the details is owed, the bot dies before it goes, and the next
     * process shows it: each player ends with one match message for the match, with its result
     * controls.
     */
    @Test
    void aCrashRightAfterBothConfirmStillShowsEachPlayerHisMatchDetailsOnce() {
        List<EmulatedUser> users = queuePairs(MATCHES);
        wave();
        Map<EmulatedUser, SeenMessage> found = new HashMap<>();
        users.forEach(user -> found.put(user, bot.awaitMatchFound(user)));
        Map<EmulatedUser, Long> matchOf = openMatches(users);
        EmulatedUser first = users.get(0);
        long match = matchOf.get(first);
        EmulatedUser second = users.stream().filter(u -> u != first && matchOf.get(u) == match).findFirst().orElseThrow();
        LadderBotHarness.confirmMatch(first, found.get(first));
        LadderBotHarness.confirmMatch(second, found.get(second));
        assertThat(bot.match(match).startedAt()).as("both confirmed: the match started").isPresent();

        bot.crashAndRestartBot(true);

        deliverEverythingOwed(users, matchOf);
        for (EmulatedUser user : List.of(first, second)) {
            SeenMessage details = bot.awaitDetails(user, match);
            assertThat(matchMessages(user, match)).as("%s's match messages of #%d: %s", user.name(), match,
                    user.directMessages()).isEqualTo(1);
            assertThat(details.select("Who won?")).isPresent();
        }
        eachSawEachMessageOnce(users, matchOf);
    }
}
