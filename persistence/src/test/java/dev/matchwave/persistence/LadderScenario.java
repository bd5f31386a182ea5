package dev.matchwave.persistence;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A match lifecycle on virtual time over a given store, and waves of fresh pairs. */
public final class LadderScenario {

    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    public static final MatchSetup SETUP = new MatchSetup("Fighting Spirit", "EUC");

    public final ManualClock clock;
    public final LadderStore store;
    public final List<MatchEvent> events = new ArrayList<>();
    public final MatchLifecycle lifecycle;

    public LadderScenario(LadderStore store) {
        this(store, new ManualClock(START));
    }

    public LadderScenario(LadderStore store, ManualClock clock) {
        this.clock = clock;
        this.store = store;
        this.lifecycle = MatchLifecycle.builder(store).clock(clock).scheduler(clock).listener(events::add).build();
    }

    public void register(long... ids) {
        for (long id : ids) {
            store.players().register(PlayerId.of(id), 3, START);
        }
    }

    /** A pair of a BW zerg and an SC2 terran, both at {@code rating}, waiting {@code waitCycles}. */
    public static NewMatch pair(long bw, long sc2, int rating, int waitCycles) {
        Seat bwSeat = new Seat("bw", "bw_zerg", rating);
        Seat sc2Seat = new Seat("sc2", "sc2_terran", rating);
        QueuedPlayer a = new QueuedPlayer(PlayerId.of(bw), List.of(bwSeat), Preferences.NONE, START, waitCycles);
        QueuedPlayer b = new QueuedPlayer(PlayerId.of(sc2), List.of(sc2Seat), Preferences.NONE, START, waitCycles);
        return new NewMatch(new Pair(a, bwSeat, b, sc2Seat), SETUP);
    }

    /** {@code count} pairs of players {@code firstId, firstId+1}, {@code firstId+2, firstId+3}, ... */
    public static List<NewMatch> wave(long firstId, int count) {
        List<NewMatch> wave = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            wave.add(pair(firstId + 2L * i, firstId + 2L * i + 1, 1500, 2));
        }
        return wave;
    }
}
