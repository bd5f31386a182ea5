package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.queue.PlayerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The operator's views, rendered from facts: no JDA, no database. */
class AdminReportsTest {

    static final PlayerId ALICE = PlayerId.of(1001);
    static final PlayerId BOB = PlayerId.of(1002);
    static final PlayerId ADMIN = PlayerId.of(9);
    static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    static Match match(long id, MatchState state) {
        Match found = new Match(MatchId.of(id), 1, Participant.seated(ALICE, new Seat("bw", "bw_zerg", 1540)),
                Participant.seated(BOB, new Seat("sc2", "sc2_terran", 1500)), new MatchSetup("Polypoid", "EUC"),
                MatchState.FOUND, Optional.empty(), T, T.plusSeconds(60), Optional.empty(), Optional.empty(),
                Optional.empty());
        if (state == MatchState.FOUND) {
            return found;
        }
        Match started = found.withParticipant(found.player1().withConfirmedAt(T.plusSeconds(3)))
                .withParticipant(found.player2().withConfirmedAt(T.plusSeconds(7))).withStarted(T.plusSeconds(7));
        return switch (state) {
            case IN_PROGRESS -> started;
            case CONFLICT -> started.withParticipant(started.player1().withReport(Report.PLAYER1))
                    .withParticipant(started.player2().withReport(Report.PLAYER2))
                    .withClosed(MatchState.CONFLICT, MatchResult.CONFLICT, T.plusSeconds(900));
            default -> started.withParticipant(started.player1().withReport(Report.PLAYER1))
                    .withParticipant(started.player2().withReport(Report.PLAYER1))
                    .withClosed(MatchState.COMPLETED, MatchResult.PLAYER1, T.plusSeconds(900));
        };
    }

    private static PlayerRating rating(String race, int value, int w, int l, int d) {
        return new PlayerRating(ALICE, race, Rating.points(value), w + l + d, w, l, d, Optional.of(T));
    }

    @Test
    void playerShowsProfileRatingsWithRecordAbortsBanQueueAndLastMatches() {
        var facts = new AdminReports.PlayerFacts(ALICE,
                Optional.of(new PlayerProfile("alice", "Alice#1234", List.of("ali2"), "DE", "EUW")), true,
                List.of(rating("sc2_protoss", 1490, 0, 1, 0), rating("bw_zerg", 1540, 3, 1, 1)), 2, 3, true,
                PlayerState.IN_MATCH, Optional.empty(), Optional.of(match(42, MatchState.IN_PROGRESS)),
                List.of(match(42, MatchState.IN_PROGRESS), match(41, MatchState.COMPLETED)));
        String text = AdminReports.player(facts);
        assertThat(text).startsWith("**Player 1001** alice · Alice#1234 · alt ali2 · DE · EUW")
                .contains("Terms accepted · **BANNED** · aborts left 2 of 3")
                .contains("Queue: in match #42 (in_progress, found <t:1767268800:R>)")
                .contains("Ratings:\n- bw_zerg 1540 · 3W 1L 1D · last <t:1767268800:R>\n- sc2_protoss 1490 · 0W 1L 0D")
                .contains("- #42 <t:1767268800:f> bw_zerg vs 1002 (sc2_terran) · in_progress")
                .contains("- #41 <t:1767268800:f> bw_zerg vs 1002 (sc2_terran) · completed · result 1");

        var queued = new AdminReports.PlayerFacts(BOB, Optional.empty(), false, List.of(), 3, 3, false,
                PlayerState.QUEUED, Optional.of(T), Optional.empty(), List.of());
        assertThat(AdminReports.player(queued)).contains("(no profile yet)", "Terms not accepted · not banned",
                "Queue: queued since <t:1767268800:f> (<t:1767268800:R>)", "Ratings: none", "Last matches: none");
        var free = new AdminReports.PlayerFacts(BOB, Optional.empty(), true, List.of(), 0, 3, false,
                PlayerState.FREE, Optional.empty(), Optional.empty(), List.of());
        assertThat(AdminReports.player(free)).contains("Queue: free", "aborts left 0 of 3");
    }

    @Test
    void matchShowsPlayersRacesRatingsBeforeReportsResultTimesAndAudit() {
        Match conflict = match(42, MatchState.CONFLICT);
        List<AuditEntry> audit = List.of(new AuditEntry(17, new AdminAction(ADMIN, AdminActionKind.MATCH,
                AdminAction.match(conflict.id()), "CONFLICT", "look-up", T.plusSeconds(1000))));
        String text = AdminReports.match(new AdminReports.MatchFacts(conflict, Map.of(ALICE, "alice"), "scevo02", audit));
        assertThat(text).startsWith("**Match #42** · conflict · result -2 (conflict)")
                .contains("Player 1: 1001 alice · bw_zerg · rating before 1540 · confirmed <t:1767268803:f> · report 1 (player1)")
                .contains("Player 2: 1002 · sc2_terran · rating before 1500 · confirmed <t:1767268807:f> · report 2 (player2)")
                .contains("Map Polypoid · server EUC · channel scevo02")
                .contains("Found <t:1767268800:f> · confirm by <t:1767268860:f> · started <t:1767268807:f> · ended <t:1767269700:f>")
                .contains("Audit:\n- #17 <t:1767269800:f> by 9: match, CONFLICT (look-up)");
        String found = AdminReports.match(new AdminReports.MatchFacts(match(43, MatchState.FOUND), Map.of(), "scevo03",
                List.of()));
        assertThat(found).contains("found · no result yet", "not confirmed · report none", "· not started", "Audit: none");
    }

    @Test
    void snapshotShowsQueueByCategoryMatchesWavesAndUndelivered() {
        var bySides = new TreeMap<String, Integer>(Map.of("bw", 3, "sc2", 4, "bw+sc2", 1));
        var byRace = new TreeMap<String, Integer>(Map.of("bw_zerg", 3, "sc2_terran", 5));
        String text = AdminReports.snapshot(new AdminReports.SnapshotFacts(8, bySides, byRace, 5, 31, 120,
                Optional.of(new AdminReports.WaveSummary(120, T, 18, 5, 5, Duration.ofMillis(37))), T.plusSeconds(45),
                3, 2));
        assertThat(text).contains("**Queue**: 8 waiting · by category bw 3, bw+sc2 1, sc2 4")
                .contains("By race: bw_zerg 3, sc2_terran 5")
                .contains("Matches in progress: 5 · active players (15 min): 31")
                .contains("Waves run: 120 · next wave <t:1767268845:R>")
                .contains("Last wave #120 <t:1767268800:f> (<t:1767268800:R>): 18 queued, 5 pairs, 5 matches created, 37 ms")
                .contains("Undelivered notifications: 3 in 2 mailboxes");
        String empty = AdminReports.snapshot(new AdminReports.SnapshotFacts(0, new TreeMap<>(), new TreeMap<>(), 0, 0, 0,
                Optional.empty(), T, 0, 1));
        assertThat(empty).contains("**Queue**: 0 waiting\nMatches", "No wave has run yet.", "0 in 1 mailbox");
    }

    @Test
    void longAnswersFitInADiscordMessage() {
        List<AuditEntry> audit = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            audit.add(new AuditEntry(i + 1, new AdminAction(ADMIN, AdminActionKind.RESOLVE, "match:42", "x".repeat(150),
                    "r".repeat(190), T)));
        }
        String text = AdminReports.match(new AdminReports.MatchFacts(match(42, MatchState.COMPLETED), Map.of(),
                "scevo02", audit));
        assertThat(text.length()).isLessThanOrEqualTo(AdminReports.MAX_LENGTH - 40);
        assertThat(text).endsWith("… (cut)");
    }
}
