package dev.matchwave.matchmaking.ladder.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.Creation;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.matchmaking.queue.WaveReceipt;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue's "in a match" state follows the match lifecycle when the two are wired as a bot
 * wires them: a wave's pairs become matches, and every event that ends a match releases both
 * players, who may then queue again.
 */
class QueueFollowsLifecycleTest {

    private static final PlayerId BW = PlayerId.of(1);
    private static final PlayerId SC2 = PlayerId.of(2);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final InMemoryLadderStore memory = new InMemoryLadderStore();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final LadderStore store = failingWhenDown(memory);
    private final List<MatchId> created = new ArrayList<>();
    private QueueService queue;
    private MatchLifecycle lifecycle;

    @BeforeEach
    void wire() {
        AtomicReference<QueueService> queueRef = new AtomicReference<>();
        lifecycle = MatchLifecycle.builder(store)
                .clock(clock)
                .scheduler(clock)
                .listener(event -> {
                    if (event.endsMatch()) {
                        queueRef.get().release(event.match().player1().player());
                        queueRef.get().release(event.match().player2().player());
                    }
                })
                .build();
        queue = QueueService.builder(EvoLadderRules.defaults(), Pairers.optimal())
                .clock(clock)
                .scheduler(clock)
                .guard(lifecycle.inMatchGuard())
                .onWave(this::createMatches)
                .build();
        queueRef.set(queue);
        memory.players().register(BW, 3, clock.instant());
        memory.players().register(SC2, 3, clock.instant());
    }

    /** The in-memory store, whose wave creation fails as a stopped database does while the flag is set. */
    private LadderStore failingWhenDown(LadderStore delegate) {
        MatchRepository matches = (MatchRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MatchRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createAll") && databaseDown.get()) {
                        throw new StoreException(StoreException.Kind.UNAVAILABLE, "database unavailable");
                    }
                    try {
                        return method.invoke(delegate.matches(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new LadderStore() {
            @Override public PlayerRepository players() { return delegate.players(); }
            @Override public QueuePreferenceRepository preferences() { return delegate.preferences(); }
            @Override public RatingRepository ratings() { return delegate.ratings(); }
            @Override public MatchRepository matches() { return matches; }
            @Override public AdminAuditRepository audit() { return delegate.audit(); }
            @Override public dev.matchwave.matchmaking.ladder.penalty.NoShowRepository noShows() {
                return delegate.noShows();
            }
            @Override public dev.matchwave.matchmaking.ladder.match.ResultPickRepository resultPicks() {
                return delegate.resultPicks();
            }
            @Override public void onRatingsOrProfilesChanged(Runnable listener) {
                delegate.onRatingsOrProfilesChanged(listener);
            }
            @Override public dev.matchwave.matchmaking.ladder.season.SeasonRepository seasons() {
                return delegate.seasons();
            }
        };
    }

    private WaveReceipt createMatches(Wave wave) {
        Creation creation = lifecycle.create(wave.pairs().stream()
                .map(pair -> new NewMatch(pair, new MatchSetup("Fighting Spirit", "EUC")))
                .toList());
        creation.created().forEach(match -> created.add(match.id()));
        return WaveReceipt.notCreated(creation.refused().stream().map(NewMatch::pair).toList());
    }

    private MatchId matchBoth() {
        assertThat(queue.join(BW, List.of(EvoLadderRules.seat("bw_zerg", 1500)), Preferences.NONE))
                .isInstanceOf(JoinResult.Joined.class);
        assertThat(queue.join(SC2, List.of(EvoLadderRules.seat("sc2_terran", 1540)), Preferences.NONE))
                .isInstanceOf(JoinResult.Joined.class);
        int before = created.size();
        queue.runWave();
        assertThat(created).hasSize(before + 1);
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.IN_MATCH);
        assertThat(queue.stateOf(SC2)).isEqualTo(PlayerState.IN_MATCH);
        return created.get(created.size() - 1);
    }

    private void assertBothMayQueueAgain() {
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.FREE);
        assertThat(queue.stateOf(SC2)).isEqualTo(PlayerState.FREE);
        assertThat(queue.join(BW, List.of(EvoLadderRules.seat("bw_zerg", 1500)), Preferences.NONE))
                .isInstanceOf(JoinResult.Joined.class);
        queue.leave(BW);
    }

    @Test
    void aPlayerInAMatchCannotQueueUntilTheMatchCompletes() {
        MatchId id = matchBoth();

        JoinResult again = queue.join(BW, List.of(EvoLadderRules.seat("bw_zerg", 1500)), Preferences.NONE);
        assertThat(again).isInstanceOf(JoinResult.Refused.class);
        assertThat(again.message()).isNotBlank();

        lifecycle.confirm(id, BW);
        lifecycle.confirm(id, SC2);
        lifecycle.report(id, BW, Verdict.PLAYER1);
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.IN_MATCH);
        lifecycle.report(id, SC2, Verdict.PLAYER1);

        assertBothMayQueueAgain();
    }

    @Test
    void anAbortFreesBothPlayers() {
        MatchId id = matchBoth();
        lifecycle.confirm(id, BW);
        lifecycle.confirm(id, SC2);

        lifecycle.abort(id, SC2); // arms
        assertThat(queue.stateOf(SC2)).isEqualTo(PlayerState.IN_MATCH);
        lifecycle.abort(id, SC2); // aborts

        assertBothMayQueueAgain();
    }

    @Test
    void aConflictFreesBothPlayers() {
        MatchId id = matchBoth();
        lifecycle.confirm(id, BW);
        lifecycle.confirm(id, SC2);
        lifecycle.report(id, BW, Verdict.PLAYER1);
        lifecycle.report(id, SC2, Verdict.PLAYER2);

        assertBothMayQueueAgain();
    }

    @Test
    void aConfirmationTimeoutFreesBothPlayers() {
        matchBoth();
        clock.advance(Duration.ofSeconds(59));
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.IN_MATCH);

        clock.advance(Duration.ofSeconds(2));

        assertBothMayQueueAgain();
    }

    @Test
    void whenTheStoreFailsDuringAWaveThePlayersGoBackToTheQueueWithTheirWait() {
        queue.join(BW, List.of(EvoLadderRules.seat("bw_zerg", 1500)), Preferences.NONE);
        queue.join(SC2, List.of(EvoLadderRules.seat("sc2_terran", 1540)), Preferences.NONE);
        databaseDown.set(true);

        queue.runWave();

        assertThat(created).isEmpty();
        assertThat(lifecycle.openMatches()).isZero();
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.QUEUED);
        assertThat(queue.stateOf(SC2)).isEqualTo(PlayerState.QUEUED);
        assertThat(queue.find(BW).orElseThrow().waitCycles()).isEqualTo(1);

        databaseDown.set(false);
        queue.runWave();

        assertThat(created).hasSize(1);
        assertThat(queue.stateOf(BW)).isEqualTo(PlayerState.IN_MATCH);
    }

    @Test
    void theLifecycleGuardRefusesAPlayerWhoseMatchIsOpenEvenIfTheQueueForgotHim() {
        MatchId id = matchBoth();
        queue.release(BW); // a wiring bug: released too early

        JoinResult join = queue.join(BW, List.of(EvoLadderRules.seat("bw_zerg", 1500)), Preferences.NONE);

        assertThat(join).isInstanceOf(JoinResult.Refused.class);
        assertThat(lifecycle.openMatchOf(BW).map(m -> m.id())).contains(id);
    }
}
