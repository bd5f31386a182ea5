package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.emulator.ratelimit.BucketLimit;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One writer per message, over the real JDA and the local Discord: the DM-edit bucket is slowed
 * to one edit per 2 s, so an edit of a player's match message booked by the ladder (his
 * opponent's report) waits in its lane while the player's own click is answered on the
 * interaction lane. Whatever lands last must be the latest state. And bursts: ten presses at
 * once of Confirm, of a result pick and of the result confirm have one effect, and every press
 * is told the truth.
 */
class OneWriterTest extends BotEndToEndTest {

    /** One edit of a DM message per 2 s per channel: the channel lane is slow, the interaction lane is not. */
    private static final String DM_EDIT = "PATCH /channels/{channel_id}/messages/{message_id}";
    private static final Duration DM_EDIT_WINDOW = Duration.ofSeconds(2);

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().rateLimits(RateLimits.discord()
                .withRoute(DM_EDIT, BucketLimit.of(1, (int) DM_EDIT_WINDOW.toSeconds())));
    }

    private Pairing matched() {
        return bot.matched(bot::readyQuickly, () -> { });
    }

    /**
     * Waits until every message the bot changes shows the ladder's latest state: nothing booked
     * and nothing out. The deadline is the slow lane's window (an abandoned edit may still wait
     * for it) plus the harness's usual wait.
     */
    private void settled() {
        Duration deadline = WAIT.plus(DM_EDIT_WINDOW);
        bot.discord().await("the bot's match messages settled (messages being written: "
                        + bot.bot().messagesBeingWritten() + ")",
                () -> bot.bot().messagesBeingWritten() == 0, deadline);
    }

    @Test
    void aPickMadeWhileTheOpponentsReportIsBeingShownStays() {
        Pairing p = matched();
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        SeenMessage terranDetails = bot.awaitDetails(p.terran(), p.matchId());

        // The zerg reports: the terran's match message is to say so, through the slow DM-edit lane
        // (its bucket was just spent showing the details).
        bot.report(p.zerg(), zergDetails, "1");
        // At once, the terran picks his result on the same message (the interaction lane): the
        // pick shows, and nothing else is said. With everything settled (the slow report edit
        // included), it must still be there.
        bot.pickResult(p.terran(), terranDetails, "1");
        settled();
        SeenMessage seen = p.terran().message(terranDetails.id());
        assertThat(seen.select("Confirm the result"))
                .as("the pick stays: the confirm select is enabled for it, in %s", seen)
                .hasValueSatisfying(select -> {
                    assertThat(select.disabled()).isFalse();
                    assertThat(select.option("1")).isPresent();
                });
        assertThat(seen.text()).as("and the opponent's report shows too").contains("Your opponent has reported");
    }

    /**
     * The critical path (issue 13): "match found" names the opponent, and the moment the second
     * Confirm starts the match, both players' "match found" messages (the ones they are looking
     * at, edited through their own tokens, exempt from the global limit) show the map, the
     * server and the in-game channel, before and apart from the DM record.
     */
    @Test
    void bothPlayersSeeTheMapInTheMessageTheyConfirmedOn() {
        Pairing p = matched();
        assertThat(p.zergFound().text()).as("match found names the opponent").contains(p.terran().name());
        assertThat(p.terranFound().text()).contains(p.zerg().name());
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        p.terran().awaitMessage(m -> m.id() == p.terranFound().id() && m.text().contains("✅ Confirmed")
                && m.button("Confirm").isPresent(), WAIT);
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        for (var found : List.of(new Object[] {p.zerg(), p.zergFound()}, new Object[] {p.terran(), p.terranFound()})) {
            EmulatedUser user = (EmulatedUser) found[0];
            SeenMessage message = (SeenMessage) found[1];
            SeenMessage started = user.awaitMessage(m -> m.id() == message.id() && m.shows("In-game channel")
                    && m.select("Who won?").isPresent(), WAIT);
            assertThat(started.ephemeral()).as("the message he looks at, not a new DM").isTrue();
        }
    }

    @Test
    void tenConfirmPressesAtOnceConfirmOnceAndAreAllToldTheTruth() {
        Pairing p = matched();
        int before = bot.finishedFlows("confirm");
        // Ten clicks on the message as he sees it, sent before the first answer redraws it.
        List<UserInteraction> presses = p.zerg().pressAtOnce(p.zergFound(), "Confirm", 10);
        List<String> notes = notes(presses, 9, "confirm", before);
        assertThat(notes).as("the one press taken is answered by the message alone").filteredOn(String::isEmpty)
                .hasSize(1);
        assertThat(notes).filteredOn(a -> !a.isEmpty()).allSatisfy(a -> assertThat(a).contains("already confirmed"));
        Match match = bot.match(p.matchId());
        assertThat(match.participant(LadderBotHarness.playerOf(p.zerg())).map(Participant::confirmed)).contains(true);
        assertThat(match.state()).isEqualTo(MatchState.FOUND);
        settled();
        assertThat(p.zerg().message(p.zergFound().id()).text()).as("the message shows the confirmation")
                .contains("Confirmed");
    }

    @Test
    void tenResultPicksAndTenResultConfirmsAtOnceReportOnceAndAreAllToldTheTruth() {
        Pairing p = matched();
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        SeenMessage details = bot.awaitDetails(p.zerg(), p.matchId());

        int picksBefore = bot.finishedFlows("report");
        List<String> picks = notes(p.zerg().selectAtOnce(details, "Who won?", List.of("1"), 10), 0, "report",
                picksBefore);
        assertThat(picks).as("every pick is taken (the same pick again changes nothing) and shown by the message")
                .allSatisfy(a -> assertThat(a).isEmpty());
        settled();
        SeenMessage picked = p.zerg().message(details.id());
        assertThat(picked.select("Confirm the result")).hasValueSatisfying(s -> assertThat(s.disabled()).isFalse());

        int confirmsBefore = bot.finishedFlows("result_confirm");
        List<String> confirms = notes(p.zerg().selectAtOnce(picked, "Confirm the result", List.of("1"), 10), 9,
                "result_confirm", confirmsBefore);
        assertThat(confirms).as("the one report taken is answered by the message alone").filteredOn(String::isEmpty)
                .hasSize(1);
        assertThat(confirms).filteredOn(a -> !a.isEmpty())
                .allSatisfy(a -> assertThat(a).containsAnyOf("already recorded", "already reported"));
        Match match = bot.match(p.matchId());
        assertThat(match.player1().report()).isPresent();
        assertThat(match.state()).isEqualTo(MatchState.IN_PROGRESS);
        settled();
        assertThat(p.zerg().message(details.id()).select("Who won?")).as("no controls after the report").isEmpty();
    }

    /**
     * What each of the interactions sent at once was told, in the order they were sent: its
     * ephemeral note, or "" when it got none (taken: its message shows it). Waits for
     * {@code expectedNotes} notes, then for every one of their flows to end (a flow ends when its
     * note, or else its message's change, was answered), so no note is still on its way.
     */
    private List<String> notes(List<UserInteraction> interactions, int expectedNotes, String flow, int flowsBefore) {
        for (UserInteraction interaction : interactions) {
            assertThat(interaction.awaitCallback(WAIT)).as("each click updates its own message").isIn(6, 7);
        }
        bot.discord().await(expectedNotes + " notes", () -> interactions.stream()
                .filter(i -> !i.followups().isEmpty()).count() >= expectedNotes, WAIT);
        bot.awaitFlows(flow, flowsBefore + interactions.size());
        List<String> notes = new ArrayList<>();
        for (UserInteraction interaction : interactions) {
            List<SeenMessage> followups = interaction.followups();
            assertThat(followups).as("at most one note per click").hasSizeLessThanOrEqualTo(1);
            followups.forEach(note -> assertThat(note.ephemeral()).isTrue());
            notes.add(followups.isEmpty() ? "" : followups.get(0).text());
        }
        return notes;
    }
}
