package dev.matchwave.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Participant ALICE = new Participant(PlayerId.of(1), "alice", "bw_zerg");
    private static final Participant BOB = new Participant(PlayerId.of(2), "bob", "sc2_terran");
    private static final MatchInfo MATCH = new MatchInfo(7, ALICE, BOB, "Polypoid", "EUC", "scevo07");

    @Test
    void detailsKnowTheOpponent() {
        assertThat(new MatchDetails(PlayerId.of(2), MATCH).opponent()).isEqualTo(ALICE);
        assertThat(MATCH.sideOf(PlayerId.of(1))).isEqualTo(ALICE);
        assertThat(new MatchDetails(PlayerId.of(1), MATCH).matchId()).isEqualTo(7);
    }

    @Test
    void oneSwitchCoversTheWholeLifecycle() {
        Notification n = new ConfirmReminder(PlayerId.of(1), 7, Instant.EPOCH);
        String shown = switch (n) {
            case MatchFound f -> "found";
            case MatchDetails d -> "details";
            case ConfirmReminder r -> "confirm by " + r.confirmBy();
            case MatchAborted a -> "aborted";
            case MatchCompleted c -> "completed";
            case MatchConflict c -> "conflict";
        };
        assertThat(shown).isEqualTo("confirm by 1970-01-01T00:00:00Z");
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MatchInfo(-1, ALICE, BOB, "m", "s", "c"))
                .hasMessage("matchId must not be negative, got -1");
        assertThatThrownBy(() -> new MatchInfo(1, ALICE, ALICE, "m", "s", "c"))
                .hasMessage("first and second must be different players, both are 1");
        assertThatThrownBy(() -> new MatchInfo(1, ALICE, BOB, " ", "s", "c")).hasMessage("map must not be blank");
        assertThatThrownBy(() -> new MatchDetails(PlayerId.of(3), MATCH))
                .hasMessage("player 3 does not play in match 7");
        assertThatThrownBy(() -> new MatchFound(PlayerId.of(1), 7, PlayerId.of(1)))
                .hasMessage("opponent must differ from player, both are 1");
        assertThatThrownBy(() -> new MatchAborted(PlayerId.of(1), 7, "")).hasMessage("reason must not be blank");
    }
}
