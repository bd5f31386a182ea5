package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.matchmaking.ladder.match.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Players at the same time: forty pressing join in the same instant from forty threads, and a
 * match found while the player is busy with another command. Real time, a wave every second.
 */
class ConcurrentPlayersTest extends BotEndToEndTest {

    private static final int PLAYERS = 40;

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().waveInterval(Duration.ofSeconds(1));
    }

    @Test
    void fortyPlayersJoiningInTheSameInstantAreAllQueuedAndAllMatched() throws Exception {
        List<EmulatedUser> users = IntStream.range(0, PLAYERS).mapToObj(i -> bot.newUser()).toList();
        long mark = bot.discord().recording().mark();
        ExecutorService threads = Executors.newFixedThreadPool(PLAYERS);
        try {
            // Ready through Discord (terms, setup, race) on many threads at once, too.
            List<CompletableFuture<SeenMessage>> ready = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                EmulatedUser user = users.get(i);
                Side side = i % 2 == 0 ? Side.BW : Side.SC2;
                ready.add(CompletableFuture.supplyAsync(() -> bot.ready(user, side), threads));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);

            CyclicBarrier together = new CyclicBarrier(PLAYERS);
            List<CompletableFuture<UserInteraction>> joins = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                EmulatedUser user = users.get(i);
                SeenMessage queue = ready.get(i).join();
                joins.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return user.press(user.message(queue.id()), LadderBotHarness.JOIN);
                }, threads));
            }
            List<Duration> spread = new ArrayList<>();
            for (CompletableFuture<UserInteraction> join : joins) {
                UserInteraction interaction = join.get(30, TimeUnit.SECONDS);
                SeenMessage searching = ephemeralAnswer(interaction);
                // Searching, or already matched by a wave that came meanwhile: never refused.
                assertThat(searching.text()).containsAnyOf("Search", "search", "Match found");
                spread.add(Duration.between(joins.get(0).join().createdAt(), interaction.createdAt()).abs());
            }
            assertThat(spread).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
        } finally {
            threads.shutdownNow();
        }

        // Twenty BW and twenty SC2 players at one rating: every one of them is matched, once.
        Set<Long> matchIds = new HashSet<>();
        for (EmulatedUser user : users) {
            SeenMessage found = bot.awaitMatchFound(user);
            Match match = bot.openMatchOf(user);
            assertThat(found.text()).contains("#" + match.id().value());
            matchIds.add(match.id().value());
        }
        assertThat(matchIds).hasSize(PLAYERS / 2);
        for (long id : matchIds) {
            Match match = bot.match(id);
            assertThat(users.stream().filter(u -> match.involves(playerOf(u)))).hasSize(2);
        }
        assertThat(bot.ladder().queue().size()).isZero();
        assertThat(bot.discord().recording().figuresSince(mark).rateLimited()).isZero();
        assertThat(users.stream().flatMap(u -> u.interactions().stream()).filter(UserInteraction::failed))
                .as("no interaction left unanswered").isEmpty();
    }

    @Test
    void aMatchFoundWhileThePlayerIsBusyInAnotherCommandReachesHimAndTheCommandIsAnswered() {
        EmulatedUser busy = bot.newUser();
        EmulatedUser other = bot.newUser();
        SeenMessage busyQueue = bot.ready(busy, Side.BW);
        SeenMessage otherQueue = bot.ready(other, Side.SC2);
        SeenMessage searching = bot.join(busy, busyQueue);

        // The opponent joins; the next wave (within a second) matches them while the busy player
        // keeps asking for his profile and the leaderboard.
        bot.join(other, otherQueue);
        List<UserInteraction> commands = new ArrayList<>();
        while (busy.messages().stream().noneMatch(m -> m.shows("Match found")) && commands.size() < 200) {
            commands.add(busy.runCommand(commands.size() % 2 == 0 ? "profile" : "leaderboard"));
            commands.get(commands.size() - 1).awaitCallback(WAIT);
        }
        SeenMessage found = bot.awaitMatchFound(busy);
        assertThat(found.id()).as("phase 1 edits the searching message, not a later command's answer")
                .isEqualTo(searching.id());
        for (UserInteraction command : commands) {
            SeenMessage answer = ephemeralAnswer(command);
            assertThat(answer.text()).doesNotContain("Match found").doesNotContain("Something went wrong");
        }
        assertThat(commands).isNotEmpty();
        Match match = bot.openMatchOf(busy);
        assertThat(match.involves(playerOf(other))).isTrue();
        bot.awaitMatchFound(other);
    }
}
