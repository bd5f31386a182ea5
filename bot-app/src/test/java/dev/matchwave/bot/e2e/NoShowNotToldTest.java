package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRules;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A player whose "match found" never reached him is not penalised for not confirming: his
 * searching message's token has expired (the emulator honours tokens for 4 s here) and he
 * refuses direct messages, so neither the edit nor the direct message gets through. His
 * opponent, who saw "match found" and did not confirm either, has the timeout counted.
 */
class NoShowNotToldTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(4);

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time)
                .interactionTokenLifetime(TOKEN_LIFETIME);
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    private int timeoutsOf(EmulatedUser user) {
        return bot.ladder().store().noShows().timeoutsSince(playerOf(user), Instant.EPOCH).size();
    }

    @Test
    void aPlayerNeverToldMatchFoundIsNotPenalised() {
        assertThat(bot.ladder().noShows().orElseThrow().rules()).isEqualTo(NoShowRules.REFERENCE);
        EmulatedUser unreachable = bot.newUser();
        EmulatedUser told = bot.newUser();
        SeenMessage unreachableQueue = bot.readyQuickly(unreachable, Side.BW);
        SeenMessage toldQueue = bot.readyQuickly(told, Side.SC2);
        SeenMessage unreachableSearching = bot.join(unreachable, unreachableQueue);
        unreachable.refuseDirectMessages(true);
        Instant expired = Instant.now().plus(TOKEN_LIFETIME).plusMillis(500);
        bot.discord().await("the unreachable player's searching token has expired",
                () -> Instant.now().isAfter(expired), WAIT);
        SeenMessage toldSearching = bot.join(told, toldQueue);

        long sinceWave = bot.discord().recording().mark();
        time.advanceTo(bot.ladder().queue().status().nextWave());
        Match match = bot.openMatchOf(told);
        assertThat(match.players()).contains(playerOf(unreachable));
        told.awaitMessage(m -> m.id() == toldSearching.id() && m.shows("Match found"), WAIT);
        // Virtual time runs out the 60 s at once: first let the bot learn that Discord took "match found".
        bot.discord().await("the told player's \"match found\" is known delivered",
                () -> bot.ladder().matchFoundDelivered(match.id().value(), playerOf(told)), WAIT);

        time.advance(Duration.ofSeconds(60));
        bot.discord().await("the told player's timeout is recorded", () -> timeoutsOf(told) == 1, WAIT);
        assertThat(bot.match(match.id().value()).state()).isEqualTo(MatchState.TIMED_OUT);
        // Should this ever fail, the requests say how "match found" reached him.
        assertThat(timeoutsOf(unreachable)).as(() -> "never told, never counted; requests since the wave:\n"
                + String.join("\n", bot.discord().recording().since(sinceWave).stream().map(Object::toString).toList()))
                .isZero();
        assertThat(unreachable.messages()).as("he really saw no \"match found\"")
                .noneMatch(m -> m.shows("Match found"));
        assertThat(unreachable.message(unreachableSearching.id()).shows("Match found")).isFalse();
    }
}
