package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.rating.RatingSystem;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A lifecycle over an in-memory store on virtual time, recording its events as a log. */
final class LadderFixture {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final MatchSetup SETUP = new MatchSetup("Fighting Spirit", "EUC");

    final ManualClock clock;
    final LadderStore store;
    final List<MatchEvent> events = new ArrayList<>();
    final MatchLifecycle lifecycle;

    LadderFixture() {
        this(new InMemoryLadderStore(), RatingSystem.elo());
    }

    LadderFixture(LadderStore store, RatingSystem system) {
        this(store, system, START);
    }

    LadderFixture(LadderStore store, RatingSystem system, Instant start) {
        this.clock = new ManualClock(start);
        this.store = store;
        this.lifecycle = MatchLifecycle.builder(store)
                .clock(clock)
                .scheduler(clock)
                .ratingSystem(system)
                .listener(events::add)
                .build();
    }

    void register(long... ids) {
        for (long id : ids) {
            store.players().register(PlayerId.of(id), 3, START);
        }
    }

    static NewMatch pair(long bw, int bwRating, long sc2, int sc2Rating) {
        Seat bwSeat = new Seat("bw", "bw_zerg", bwRating);
        Seat sc2Seat = new Seat("sc2", "sc2_terran", sc2Rating);
        QueuedPlayer a = new QueuedPlayer(PlayerId.of(bw), List.of(bwSeat), Preferences.NONE, START, 1);
        QueuedPlayer b = new QueuedPlayer(PlayerId.of(sc2), List.of(sc2Seat), Preferences.NONE, START, 1);
        return new NewMatch(new Pair(a, bwSeat, b, sc2Seat), SETUP);
    }

    /** Creates one match of two fresh players and returns its id. */
    MatchId found(long bw, long sc2) {
        List<Match> created = lifecycle.create(List.of(pair(bw, 1500, sc2, 1500))).created();
        return created.get(0).id();
    }

    MatchId started(long bw, long sc2) {
        MatchId id = found(bw, sc2);
        lifecycle.confirm(id, PlayerId.of(bw));
        lifecycle.confirm(id, PlayerId.of(sc2));
        return id;
    }

    Match match(MatchId id) {
        return store.matches().find(id).orElseThrow();
    }

    /** The events so far as short lines, e.g. {@code "found 1"}, {@code "reported 1 by 2: PLAYER1"}. */
    List<String> log() {
        return events.stream().map(LadderFixture::line).toList();
    }

    static String line(MatchEvent event) {
        long id = event.match().id().value();
        return switch (event) {
            case MatchEvent.MatchFound e -> "found " + id;
            case MatchEvent.ConfirmReminder e -> "remind " + id + " " + e.waitingFor();
            case MatchEvent.PlayerConfirmed e -> "confirmed " + id + " by " + e.player();
            case MatchEvent.MatchStarted e -> "started " + id;
            case MatchEvent.AbortArmed e -> "abort armed " + id + " by " + e.player() + " (" + e.abortsLeft() + " left)";
            case MatchEvent.ResultReported e -> "reported " + id + " by " + e.reporter() + ": " + e.verdict();
            case MatchEvent.MatchCompleted e -> "completed " + id + ": " + e.match().result().orElseThrow();
            case MatchEvent.MatchConflict e -> "conflict " + id;
            case MatchEvent.MatchAborted e -> "aborted " + id + " by " + e.aborter() + " (" + e.abortsLeft() + " left)";
            case MatchEvent.MatchTimedOut e -> "timed out " + id + " " + e.unconfirmed();
            case MatchEvent.MatchResolved e -> "resolved " + id + ": " + e.resolution() + (e.redo() ? " (redo)" : "");
        };
    }
}
