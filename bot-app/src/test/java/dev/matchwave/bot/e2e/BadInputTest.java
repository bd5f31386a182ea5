package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What no well-behaved client sends, through Discord: another player's buttons, a button from
 * before a restart, a report on a finished match, /admin by a non-admin. Each gets a clear
 * answer that only he sees, and the database does not change.
 */
class BadInputTest extends BotEndToEndTest {

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().waveInterval(Duration.ofSeconds(1)).withAdmin();
    }

    private Pairing matched() {
        return bot.matched(bot::ready, () -> { });
    }

    private void confirmBoth(Pairing p) {
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
    }

    /** {@code mw1:...} to {@code mw0:...}: the id scheme of an older bot. */
    private static String olderVersion(String customId) {
        String current = CustomId.PREFIX + CustomId.VERSION + ":";
        assertThat(customId).startsWith(current);
        return CustomId.PREFIX + (CustomId.VERSION - 1) + ":" + customId.substring(current.length());
    }

    @Test
    void pressingAnotherPlayersButtonsIsRefusedAndChangesNothing() {
        Pairing p = matched();
        Match before = bot.match(p.matchId());
        String zergConfirm = p.zergFound().button("Confirm").orElseThrow().customId().orElseThrow();

        SeenMessage refused = ephemeralAnswer(p.terran().sendComponentInteraction(p.zergFound(), zergConfirm, 2, List.of()));
        assertThat(refused.text()).contains("belongs to another player");
        String zergAbort = CustomId.forMatch(ComponentAction.ABORT, p.matchId(), p.zerg().id()).encode();
        assertThat(ephemeralAnswer(p.terran().sendComponentInteraction(p.zergFound(), zergAbort, 2, List.of())).text())
                .contains("belongs to another player");
        assertThat(bot.match(p.matchId())).as("nobody confirmed or aborted for the zerg").isEqualTo(before);

        // The same after the details: the terran reporting in the zerg's result select.
        confirmBoth(p);
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        Match started = bot.match(p.matchId());
        String zergReport = zergDetails.select("Who won?").orElseThrow().customId();
        // The forged clicks above came from the terran on the zerg's DM messages: his own match
        // message must still reach his own DM, and the zerg's DM hold only the zerg's.
        assertThat(CustomId.parse(zergReport).playerId()).isEqualTo(p.zerg().id());
        SeenMessage terranDetails = bot.awaitDetails(p.terran(), p.matchId());
        assertThat(terranDetails.channelId()).isEqualTo(p.terran().directMessageChannelId());
        assertThat(ephemeralAnswer(p.terran().sendComponentInteraction(zergDetails, zergReport, 3, List.of("2"))).text())
                .contains("belongs to another player");
        assertThat(bot.match(p.matchId())).isEqualTo(started);
        assertThat(started.player1().report()).isEmpty();
    }

    @Test
    void aReportOnAFinishedMatchIsRefusedAndChangesNothing() {
        Pairing p = matched();
        confirmBoth(p);
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        SeenMessage terranDetails = bot.awaitDetails(p.terran(), p.matchId());
        bot.report(p.zerg(), zergDetails, "1");
        bot.report(p.terran(), terranDetails, "1");
        p.zerg().awaitDirectMessage(m -> m.shows("Match #" + p.matchId() + " is over"), WAIT);
        Match done = bot.match(p.matchId());
        assertThat(done.state()).isEqualTo(MatchState.COMPLETED);
        PlayerRating rating = bot.ladder().store().ratings().find(playerOf(p.terran()), "sc2_terran").orElseThrow();

        // The loser tries to turn it round with the selects as his client showed them before the
        // report (the bot has removed them from the message since).
        assertThat(p.terran().message(terranDetails.id()).select("Who won?")).isEmpty();
        String reportId = terranDetails.select("Who won?").orElseThrow().customId();
        String confirmId = CustomId.forMatch(ComponentAction.REPORT_CONFIRM, p.matchId(), p.terran().id()).encode();
        String picked = ephemeralAnswer(p.terran().sendComponentInteraction(terranDetails, reportId, 3, List.of("2")))
                .text();
        String answer = ephemeralAnswer(p.terran().sendComponentInteraction(terranDetails, confirmId, 3, List.of("2")))
                .text();
        assertThat(picked).contains("over").doesNotContain("Something went wrong");
        assertThat(answer).isNotBlank().doesNotContain("recorded").doesNotContain("Something went wrong");
        assertThat(bot.match(p.matchId())).isEqualTo(done);
        assertThat(bot.ladder().store().ratings().find(playerOf(p.terran()), "sc2_terran")).contains(rating);
    }

    @Test
    void aNonAdminRunningAdminIsRefusedAndChangesNothing() {
        Pairing p = matched();
        Match before = bot.match(p.matchId());
        int audited = bot.ladder().store().audit().recent(1_000).size();

        SeenMessage refused = ephemeralAnswer(p.terran().runCommand("admin resolve",
                Map.of("match_id", p.matchId(), "result", 2, "reason", "I won, trust me")));
        assertThat(refused.text()).contains("Only the ladder's admins");
        SeenMessage banRefused = ephemeralAnswer(p.terran().runCommand("admin ban",
                Map.of("user", p.zerg(), "reason", "he is annoying")));
        assertThat(banRefused.text()).contains("Only the ladder's admins");

        assertThat(bot.match(p.matchId())).isEqualTo(before);
        assertThat(bot.ladder().store().players().find(playerOf(p.zerg())).orElseThrow().banned()).isFalse();
        List<AuditEntry> audit = bot.ladder().store().audit().recent(1_000);
        assertThat(audit).as("a refusal is not an admin action").hasSize(audited);

        // The configured admin may.
        SeenMessage looked = ephemeralAnswer(bot.admin().runCommand("admin match", Map.of("match_id", p.matchId())));
        assertThat(looked.text()).contains("#" + p.matchId());
    }

    @Test
    void oldButtonsAfterARestartGetAClearAnswerAndChangeNothing() {
        Pairing p = matched();
        confirmBoth(p);
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        // The zerg picks a result (kept in the database until he confirms it) ...
        SeenMessage picked = bot.pickResult(p.zerg(), zergDetails, "1");
        EmulatedUser waiting = bot.newUser();
        SeenMessage searching = bot.join(waiting, bot.ready(waiting, Side.BW));

        // ... and the bot restarts: the match, the queue and the picked result are all kept (issue 12).
        bot.restartBot();
        assertThat(bot.match(p.matchId()).state()).isEqualTo(MatchState.IN_PROGRESS);

        SeenMessage reported = LadderBotHarness.taken(p.zerg().select(picked, "Confirm the result", List.of("1")),
                picked, m -> m.select("Confirm the result").isEmpty());
        assertThat(reported.text()).contains("You reported");
        Match before = bot.match(p.matchId());
        assertThat(before.participant(playerOf(p.zerg())).orElseThrow().report()).isPresent();

        assertThat(bot.ladder().queue().find(playerOf(waiting))).isPresent();
        SeenMessage cancel = ephemeralAnswer(waiting.press(waiting.message(searching.id()), "Cancel search"));
        assertThat(cancel.text()).isEqualTo("You left the queue.");
        assertThat(bot.ladder().queue().find(playerOf(waiting))).isEmpty();

        // A component id from an older version of the bot cannot even be read.
        SeenMessage unreadable = ephemeralAnswer(p.zerg().sendComponentInteraction(p.zerg().message(zergDetails.id()),
                olderVersion(CustomId.forMatch(ComponentAction.CONFIRM, p.matchId(), p.zerg().id()).encode()), 2,
                List.of()));
        assertThat(unreadable.text()).containsIgnoringCase("old message");
        assertThat(bot.match(p.matchId())).isEqualTo(before);
    }

    /**
     * A forged client: a race that is not one of the select's options, and custom ids that do
     * not parse. Each is answered (nothing "failed"), briefly and to the player alone; nothing
     * changes and the queue message stays as it was.
     */
    @Test
    void forgedValuesAndIdsAreAnsweredAndChangeNothing() {
        EmulatedUser player = bot.newUser();
        SeenMessage queue = bot.readyQuickly(player, Side.BW);
        var before = bot.ladder().players().preferences(playerOf(player));
        String raceSelect = queue.select(LadderBotHarness.BW_SELECT).orElseThrow().customId();

        SeenMessage refused = ephemeralAnswer(player.sendComponentInteraction(queue, raceSelect, 3,
                List.of("bw_dragon")));
        assertThat(refused.text()).contains("not one of this menu's options").doesNotContain("Something went wrong");
        assertThat(bot.ladder().players().preferences(playerOf(player))).isEqualTo(before);
        SeenMessage unchanged = player.message(queue.id());
        assertThat(unchanged.revision()).as("the queue message stays").isEqualTo(queue.revision());

        for (String forged : List.of("not-ours", "mw1:zz:1", "mw1:", "x".repeat(100))) {
            SeenMessage answer = ephemeralAnswer(player.sendComponentInteraction(queue, forged, 2, List.of()));
            assertThat(answer.text()).as("the answer to %s", forged).contains("no longer valid");
        }
        assertThat(player.message(queue.id()).revision()).isEqualTo(queue.revision());
        assertThat(bot.ladder().players().preferences(playerOf(player))).isEqualTo(before);
    }
}
