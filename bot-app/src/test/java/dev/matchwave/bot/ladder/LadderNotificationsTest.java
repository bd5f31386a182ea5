package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is told what, as pure functions. */
class LadderNotificationsTest {

    static final PlayerId BW = PlayerId.of(1);
    static final PlayerId SC2 = PlayerId.of(2);
    static final Instant FOUND = Instant.parse("2026-01-01T12:00:00Z");

    static Match match() {
        return new Match(MatchId.of(17), 1,
                new Participant(BW, "bw", "bw_zerg", 1500, Optional.of(FOUND), Optional.empty(), false),
                new Participant(SC2, "sc2", "sc2_terran", 1480, Optional.empty(), Optional.empty(), false),
                new MatchSetup("Polypoid", "EUC"), MatchState.FOUND, Optional.empty(), FOUND, FOUND.plusSeconds(60),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theDispatcherSeesBothSidesMapServerAndChannel() {
        MatchInfo info = LadderNotifications.matchInfo(match(), p -> "user" + p, ChannelNaming.reference());
        assertThat(info.matchId()).isEqualTo(17);
        assertThat(info.first().id()).isEqualTo(BW);
        assertThat(info.first().displayName()).isEqualTo("user1");
        assertThat(info.second().side()).isEqualTo("sc2_terran");
        assertThat(info.map()).isEqualTo("Polypoid");
        assertThat(info.channel()).isEqualTo("scevo07");
    }

    @Test
    void aReminderGoesOnlyToWhoHasNotConfirmed() {
        List<Notification> out = LadderNotifications.of(
                new MatchEvent.ConfirmReminder(match(), List.of(SC2), FOUND.plusSeconds(20)));
        assertThat(out).containsExactly(new ConfirmReminder(SC2, 17, FOUND.plusSeconds(60)));
    }

    @Test
    void aTimeoutTellsBothWhyInTheirOwnWords() {
        List<Notification> out = LadderNotifications.of(
                new MatchEvent.MatchTimedOut(match(), List.of(SC2), FOUND.plusSeconds(60)));
        assertThat(out).containsExactly(
                new MatchAborted(BW, 17, "your opponent did not confirm in time; you may queue again"),
                new MatchAborted(SC2, 17, "you did not confirm in time"));
    }

    @Test
    void theWavesMatchFoundAndTheActorsOwnEventsCauseNoSingleNotification() {
        assertThat(LadderNotifications.of(new MatchEvent.MatchFound(match(), FOUND))).isEmpty();
        assertThat(LadderNotifications.of(new MatchEvent.PlayerConfirmed(match(), BW, FOUND))).isEmpty();
    }

    @Test
    void theFirstReportTellsTheOpponentThroughHisMatchMessage() {
        Match started = match();
        List<Notification> out = LadderNotifications.of(
                new MatchEvent.ResultReported(started, BW, Verdict.PLAYER1, FOUND.plusSeconds(600)),
                p -> "user" + p, ChannelNaming.reference());
        assertThat(out).singleElement().isInstanceOfSatisfying(MatchDetails.class, details -> {
            assertThat(details.player()).isEqualTo(SC2);
            assertThat(details.matchId()).isEqualTo(17);
        });
        assertThat(LadderNotifications.of(new MatchEvent.ResultReported(started, SC2, Verdict.DRAW, FOUND)))
                .as("the event alone names no message").isEmpty();
    }
}
