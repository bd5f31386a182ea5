package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenComponent;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.queue.PlayerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a match does not go to plan, over Discord: different reports and an admin's resolution,
 * an abort, a player who does not confirm, a player who leaves as the wave runs. The ladder runs
 * on {@link VirtualTime}: a wave comes when the test moves time to it, and the 60-second
 * confirmation window passes without waiting for it.
 */
class MatchTroubleTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time).withAdmin();
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    private void wave() {
        time.advanceTo(bot.ladder().queue().status().nextWave());
    }

    /** Two fresh players, queued, matched by a wave; both see "match found". */
    private Pairing matched() {
        Pairing pairing = bot.matched(bot::ready, this::wave);
        assertThat(bot.match(pairing.matchId()).players()).containsExactly(playerOf(pairing.zerg()),
                playerOf(pairing.terran()));
        return pairing;
    }

    private void confirmBoth(Pairing pairing) {
        LadderBotHarness.confirmMatch(pairing.zerg(), pairing.zergFound());
        LadderBotHarness.confirmMatch(pairing.terran(), pairing.terranFound());
    }

    @Test
    void differentReportsAreAConflictThatAnAdminResolves() {
        Pairing p = matched();
        confirmBoth(p);
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        SeenMessage terranDetails = bot.awaitDetails(p.terran(), p.matchId());

        bot.report(p.zerg(), zergDetails, "1");
        bot.report(p.terran(), terranDetails, "2");
        for (EmulatedUser user : List.of(p.zerg(), p.terran())) {
            SeenMessage told = user.awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("differ"), WAIT);
            assertThat(told.text()).contains("queue again");
        }
        Match conflict = bot.match(p.matchId());
        assertThat(conflict.state()).isEqualTo(MatchState.CONFLICT);
        assertThat(conflict.result()).contains(MatchResult.CONFLICT);
        assertThat(conflict.player1().report()).contains(Report.PLAYER1);
        assertThat(conflict.player2().report()).contains(Report.PLAYER2);
        assertThat(bot.ladder().store().ratings().ratingsOf(playerOf(p.zerg()))).as("no rating change").isEmpty();

        // Both may queue again at once.
        for (EmulatedUser user : List.of(p.zerg(), p.terran())) {
            assertThat(bot.ladder().queue().stateOf(playerOf(user))).isNotEqualTo(PlayerState.IN_MATCH);
            SeenMessage queue = user.runCommand("queue").awaitResponse(WAIT);
            assertThat(bot.join(user, queue).text()).containsIgnoringCase("search");
        }
        bot.clearQueue();

        EmulatedUser admin = bot.admin();
        SeenMessage resolved = ephemeralAnswer(admin.runCommand("admin resolve",
                Map.of("match_id", p.matchId(), "result", 1, "reason", "replay shows player 1 won")));
        assertThat(resolved.text()).contains("#" + p.matchId()).contains("resolved").contains("Audited");
        for (EmulatedUser user : List.of(p.zerg(), p.terran())) {
            user.awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("admin resolved"), WAIT);
        }
        Match after = bot.match(p.matchId());
        assertThat(after.state()).isEqualTo(MatchState.RESOLVED);
        assertThat(after.result()).contains(MatchResult.PLAYER1);
        assertThat(bot.ladder().store().ratings().find(playerOf(p.zerg()), "bw_zerg").orElseThrow().rating().rounded())
                .isEqualTo(1520);
        assertThat(bot.ladder().store().ratings().find(playerOf(p.terran()), "sc2_terran").orElseThrow().rating()
                .rounded()).isEqualTo(1480);
        List<AuditEntry> audit = bot.ladder().store().audit().aboutTarget(AdminAction.match(after.id()), 10);
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.action().kind()).isEqualTo(AdminActionKind.RESOLVE);
            assertThat(entry.action().admin()).isEqualTo(playerOf(admin));
            assertThat(entry.action().reason()).isEqualTo("replay shows player 1 won");
        });
    }

    @Test
    void abortTakesTwoClicksAndUsesUpOneAbort() {
        Pairing p = matched();
        SeenMessage first = ephemeralAnswer(clickAbort(p.zerg(), p.matchId()));
        assertThat(first.text()).contains("again");
        Match armed = bot.match(p.matchId());
        assertThat(armed.state()).as("one click does not abort").isEqualTo(MatchState.FOUND);
        assertThat(armed.player1().abortArmed()).isTrue();
        p.zerg().awaitMessage(m -> m.buttons().stream().anyMatch(b -> b.label().startsWith("Click again to abort")),
                WAIT);

        SeenMessage second = ephemeralAnswer(clickAbort(p.zerg(), p.matchId()));
        assertThat(second.text()).contains("aborted");
        p.zerg().awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("you aborted it"), WAIT);
        p.terran().awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("your opponent aborted"), WAIT);

        Match aborted = bot.match(p.matchId());
        assertThat(aborted.state()).isEqualTo(MatchState.ABORTED);
        assertThat(aborted.result()).contains(MatchResult.ABORT); // -1
        assertThat(aborted.player1().report()).contains(Report.ABORTER); // -3
        assertThat(aborted.player2().report()).contains(Report.ABORT); // -1
        assertThat(player(p.zerg()).abortsLeft()).isEqualTo(2);
        assertThat(player(p.terran()).abortsLeft()).isEqualTo(3);
        assertThat(bot.ladder().store().ratings().ratingsOf(playerOf(p.zerg()))).as("no rating change").isEmpty();
        assertThat(bot.ladder().queue().stateOf(playerOf(p.terran()))).isNotEqualTo(PlayerState.IN_MATCH);
    }

    @Test
    void aPlayerWhoDoesNotConfirmIsRemindedAndTheMatchTimesOut() {
        Pairing p = matched();
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());

        time.advance(Duration.ofSeconds(20));
        SeenMessage reminder = p.terran().awaitDirectMessage(
                m -> m.shows("Reminder") && m.shows("#" + p.matchId()), WAIT);
        assertThat(reminder.text()).contains("confirm");
        assertThat(p.zerg().directMessages()).as("who confirmed is not reminded")
                .noneMatch(m -> m.shows("Reminder") && m.shows("#" + p.matchId()));
        assertThat(bot.match(p.matchId()).state()).isEqualTo(MatchState.FOUND);

        time.advance(Duration.ofSeconds(40));
        p.terran().awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("did not confirm in time"), WAIT);
        p.zerg().awaitDirectMessage(m -> m.shows("Match #" + p.matchId()) && m.shows("opponent did not confirm"), WAIT);
        Match timedOut = bot.match(p.matchId());
        assertThat(timedOut.state()).isEqualTo(MatchState.TIMED_OUT);
        assertThat(timedOut.result()).contains(MatchResult.ABORT); // a system abort, -1
        assertThat(timedOut.player2().report()).contains(Report.UNCONFIRMED); // -4
        assertThat(player(p.terran()).abortsLeft()).as("a system abort uses no abort").isEqualTo(3);
        assertThat(player(p.zerg()).abortsLeft()).isEqualTo(3);
        for (EmulatedUser user : List.of(p.zerg(), p.terran())) {
            assertThat(bot.ladder().queue().stateOf(playerOf(user))).isNotEqualTo(PlayerState.IN_MATCH);
        }
        // A late confirm changes nothing.
        SeenMessage late = ephemeralAnswer(p.terran().press(p.terran().message(p.terranFound().id()), "Confirm"));
        assertThat(late.text()).isNotBlank();
        assertThat(bot.match(p.matchId()).state()).isEqualTo(MatchState.TIMED_OUT);
    }

    @Test
    void aPlayerWhoLeavesAsTheWaveRunsIsEitherGoneOrMatchedNeverBoth() {
        int left = 0;
        int matchedAnyway = 0;
        for (int round = 0; round < 3; round++) {
            EmulatedUser zerg = bot.newUser();
            EmulatedUser terran = bot.newUser();
            SeenMessage zergQueue = bot.ready(zerg, Side.BW);
            bot.join(terran, bot.ready(terran, Side.SC2));
            SeenMessage searching = bot.join(zerg, zergQueue);

            // The cancel goes out and the wave runs at the same moment.
            UserInteraction cancel = zerg.press(searching, "Cancel search");
            wave();
            String answer = cancel.awaitResponse(m -> m.shows("left the queue") || m.shows("matched"), WAIT).text();
            assertThat(cancel.response().orElseThrow().ephemeral()).isTrue();
            assertThat(cancel.response().orElseThrow().id()).as("the answer does not replace the searching message")
                    .isNotEqualTo(searching.id());
            Optional<Match> match = bot.ladder().store().matches().openMatchOf(playerOf(zerg));
            if (answer.contains("You left the queue")) {
                left++;
                assertThat(match).as("left, so not matched").isEmpty();
                assertThat(bot.ladder().queue().stateOf(playerOf(zerg))).isEqualTo(PlayerState.FREE);
                assertThat(bot.ladder().queue().find(playerOf(terran))).as("his opponent waits on").isPresent();
                assertThat(bot.ladder().store().matches().openMatchOf(playerOf(terran))).isEmpty();
            } else {
                matchedAnyway++;
                assertThat(answer).contains("matched");
                assertThat(match).as("matched, so the cancel came too late").isPresent();
                assertThat(match.get().players()).containsExactly(playerOf(zerg), playerOf(terran));
                // On his searching message, or by DM when the cancel had already let go of its token.
                SeenMessage found = bot.awaitMatchFound(zerg);
                bot.awaitMatchFound(terran);
                // Still there, with its Confirm button, after the cancel's answer.
                zerg.await("the match found stays", u -> Optional.of(u.message(found.id()))
                        .filter(m -> m.button("Confirm").isPresent()), WAIT);
            }
            bot.clearQueue();
        }
        assertThat(left + matchedAnyway).isEqualTo(3);
    }

    private Player player(EmulatedUser user) {
        return bot.ladder().store().players().find(playerOf(user)).orElseThrow();
    }

    /** Clicks abort for this match: the abort button ("Abort" or "Click again") on his newest message that shows one. */
    private UserInteraction clickAbort(EmulatedUser user, long matchId) {
        for (SeenMessage message : user.messages().reversed()) {
            for (SeenComponent.Button button : message.buttons()) {
                Optional<CustomId> id = button.customId().filter(CustomId::isOurs).map(CustomId::parse);
                if (id.isPresent() && id.get().matchId().orElse(0) == matchId && !button.disabled()
                        && (id.get().action() == ComponentAction.ABORT || id.get().action() == ComponentAction.ABORT_CONFIRM)) {
                    return user.press(message, button.customId().orElseThrow());
                }
            }
        }
        throw new AssertionError(user.name() + " sees no abort button for match #" + matchId + ": " + user.messages());
    }
}
