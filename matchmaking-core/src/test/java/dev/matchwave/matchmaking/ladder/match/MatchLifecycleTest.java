package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingSystem;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.match.LadderFixture.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchLifecycleTest {

    private static final PlayerId P1 = PlayerId.of(1);
    private static final PlayerId P2 = PlayerId.of(2);
    private static final PlayerId ADMIN = PlayerId.of(99);

    private LadderFixture ladder;
    private MatchLifecycle lifecycle;

    @BeforeEach
    void setUp() {
        ladder = new LadderFixture();
        lifecycle = ladder.lifecycle;
        ladder.register(1, 2, 3, 4, 5, 6);
    }

    private int rating(long player, String race) {
        return ladder.store.ratings().find(PlayerId.of(player), race).map(r -> r.rating().rounded()).orElse(1500);
    }

    @Test
    void aMatchGoesFromFoundToCompletedWithEveryEventInOrder() {
        MatchId id = ladder.found(1, 2);
        assertThat(lifecycle.inMatchGuard().refusal(P1)).isPresent();
        assertThat(lifecycle.inMatch(P2)).isTrue();

        ladder.clock.advance(Duration.ofSeconds(5));
        lifecycle.confirm(id, P1);
        ladder.clock.advance(Duration.ofSeconds(15));
        lifecycle.confirm(id, P2);
        lifecycle.report(id, P1, Verdict.PLAYER1);
        Outcome last = lifecycle.report(id, P2, Verdict.PLAYER1);

        assertThat(ladder.log()).containsExactly(
                "found 1", "confirmed 1 by 1", "remind 1 [2]", "started 1", "reported 1 by 1: PLAYER1",
                "completed 1: PLAYER1");
        assertThat(last).isInstanceOf(Outcome.Accepted.class);
        Match match = ladder.match(id);
        assertThat(match.state()).isEqualTo(MatchState.COMPLETED);
        assertThat(match.player1().report()).contains(Report.PLAYER1);
        assertThat(rating(1, "bw_zerg")).isEqualTo(1520);
        assertThat(rating(2, "sc2_terran")).isEqualTo(1480);
        assertThat(lifecycle.inMatchGuard().refusal(P1)).isEmpty();
        assertThat(lifecycle.inMatch(P2)).isFalse();
        assertThat(ladder.events.get(ladder.events.size() - 1).endsMatch()).isTrue();
        assertThat(ladder.clock.pendingTasks()).isZero();
    }

    @Test
    void theReminderGoesToThoseWhoHaveNotConfirmedAtAThirdOfTheWindow() {
        ladder.found(1, 2);

        ladder.clock.advance(Duration.ofSeconds(19));
        assertThat(ladder.log()).containsExactly("found 1");
        ladder.clock.advance(Duration.ofSeconds(1));
        assertThat(ladder.log()).containsExactly("found 1", "remind 1 [1, 2]");
    }

    @Test
    void aMatchNotConfirmedInTimeIsASystemAbortThatUsesNoAbort() {
        MatchId id = ladder.found(1, 2);
        lifecycle.confirm(id, P1);

        ladder.clock.advance(Duration.ofSeconds(59));
        assertThat(ladder.match(id).state()).isEqualTo(MatchState.FOUND);
        ladder.clock.advance(Duration.ofSeconds(1));

        Match match = ladder.match(id);
        assertThat(match.state()).isEqualTo(MatchState.TIMED_OUT);
        assertThat(match.result()).contains(MatchResult.ABORT);
        assertThat(match.player1().report()).contains(Report.ABORT);
        assertThat(match.player2().report()).contains(Report.UNCONFIRMED);
        assertThat(ladder.log()).endsWith("timed out 1 [2]");
        assertThat(ladder.store.players().find(P1).orElseThrow().abortsLeft()).isEqualTo(3);
        assertThat(ladder.store.players().find(P2).orElseThrow().abortsLeft()).isEqualTo(3);
        assertThat(lifecycle.inMatch(P1)).isFalse();
        assertThat(ladder.store.ratings().all()).isEmpty();

        Outcome late = lifecycle.confirm(id, P2);
        assertThat(late).isEqualTo(new Outcome.Rejected(Rejection.MATCH_CLOSED,
                "Match 1 is over (not confirmed in time)."));
    }

    @Test
    void aConfirmAfterTheDeadlineIsRejectedEvenBeforeTheTimerRan() {
        MatchId id = ladder.found(1, 2);
        Match before = ladder.match(id);

        // A clock past the deadline and a scheduler that has not run the timeout yet.
        dev.matchwave.matchmaking.time.ManualClock time = new dev.matchwave.matchmaking.time.ManualClock(
                LadderFixture.START.plusSeconds(61));
        MatchLifecycle late = MatchLifecycle.builder(ladder.store).clock(time).scheduler((task, delay) -> () -> {
        }).build();

        Outcome outcome = late.confirm(id, P1);

        assertThat(reason(outcome)).isEqualTo(Rejection.CONFIRM_WINDOW_CLOSED);
        assertThat(reason(late.abort(id, P1))).isEqualTo(Rejection.CONFIRM_WINDOW_CLOSED);
        assertThat(ladder.match(id)).isEqualTo(before);
    }

    @Test
    void anAbortNeedsTwoPressesAndUsesOneAbort() {
        MatchId id = ladder.found(1, 2);

        Outcome first = lifecycle.abort(id, P2);
        assertThat(ladder.match(id).isOpen()).isTrue();
        Outcome second = lifecycle.abort(id, P2);

        assertThat(first).isInstanceOf(Outcome.Accepted.class);
        assertThat(second).isInstanceOf(Outcome.Accepted.class);
        assertThat(ladder.log()).containsExactly("found 1", "abort armed 1 by 2 (3 left)", "aborted 1 by 2 (2 left)");
        Match match = ladder.match(id);
        assertThat(match.state()).isEqualTo(MatchState.ABORTED);
        assertThat(match.player2().report()).contains(Report.ABORTER);
        assertThat(match.player1().report()).contains(Report.ABORT);
        assertThat(ResultCodes.REFERENCE.of(match.player2().report().orElseThrow())).isEqualTo(-3);
        assertThat(ResultCodes.REFERENCE.of(match.player1().report().orElseThrow())).isEqualTo(-1);
        assertThat(ladder.store.players().find(P2).orElseThrow().abortsLeft()).isEqualTo(2);
        assertThat(ladder.store.players().find(P1).orElseThrow().abortsLeft()).isEqualTo(3);
        assertThat(ladder.store.ratings().all()).isEmpty();
        assertThat(lifecycle.inMatch(P1)).isFalse();
        assertThat(ladder.clock.pendingTasks()).isZero();
    }

    @Test
    void anAbortWithNoAbortLeftIsRejectedAndChangesNothing() {
        ladder.store.players().setAbortsLeft(P1, 0, new dev.matchwave.matchmaking.ladder.audit.AdminAction(ADMIN,
                AdminActionKind.RESET_ABORTS, "player:1", "0", "test", LadderFixture.START));
        MatchId id = ladder.started(1, 2);
        Match before = ladder.match(id);

        Outcome outcome = lifecycle.abort(id, P1);

        assertThat(outcome).isEqualTo(new Outcome.Rejected(Rejection.NO_ABORTS_LEFT,
                "You have no aborts left; an admin can restore them."));
        assertThat(ladder.match(id)).isEqualTo(before);
    }

    @Test
    void actionsBySomeoneNotInTheMatchOrOnAFinishedMatchAreRejected() {
        MatchId id = ladder.started(1, 2);
        Match before = ladder.match(id);
        int eventsBefore = ladder.events.size();

        assertThat(reason(lifecycle.report(id, PlayerId.of(3), Verdict.DRAW))).isEqualTo(Rejection.NOT_IN_MATCH);
        assertThat(reason(lifecycle.abort(id, PlayerId.of(3)))).isEqualTo(Rejection.NOT_IN_MATCH);
        assertThat(reason(lifecycle.confirm(id, PlayerId.of(3)))).isEqualTo(Rejection.NOT_IN_MATCH);
        assertThat(reason(lifecycle.report(MatchId.of(77), P1, Verdict.DRAW))).isEqualTo(Rejection.UNKNOWN_MATCH);
        assertThat(ladder.match(id)).isEqualTo(before);
        assertThat(ladder.events).hasSize(eventsBefore);

        lifecycle.report(id, P1, Verdict.DRAW);
        lifecycle.report(id, P2, Verdict.DRAW);
        Match done = ladder.match(id);
        assertThat(reason(lifecycle.report(id, P1, Verdict.PLAYER1))).isEqualTo(Rejection.MATCH_CLOSED);
        assertThat(reason(lifecycle.abort(id, P1))).isEqualTo(Rejection.MATCH_CLOSED);
        assertThat(reason(lifecycle.confirm(id, P2))).isEqualTo(Rejection.MATCH_CLOSED);
        assertThat(ladder.match(id)).isEqualTo(done);
    }

    @Test
    void aReportBeforeBothConfirmedIsRejected() {
        MatchId id = ladder.found(1, 2);
        lifecycle.confirm(id, P1);
        assertThat(reason(lifecycle.report(id, P1, Verdict.PLAYER1))).isEqualTo(Rejection.NOT_STARTED);
    }

    @Test
    void theSameReportTwiceIsHarmlessAndADifferentOneIsRejected() {
        MatchId id = ladder.started(1, 2);
        lifecycle.report(id, P1, Verdict.PLAYER2);
        Match afterFirst = ladder.match(id);
        int events = ladder.events.size();

        Outcome again = lifecycle.report(id, P1, Verdict.PLAYER2);
        Outcome other = lifecycle.report(id, P1, Verdict.DRAW);
        Outcome confirmAgain = lifecycle.confirm(id, P1);

        assertThat(again).isInstanceOf(Outcome.Unchanged.class);
        assertThat(confirmAgain).isInstanceOf(Outcome.Unchanged.class);
        assertThat(reason(other)).isEqualTo(Rejection.ALREADY_REPORTED);
        assertThat(ladder.match(id)).isEqualTo(afterFirst);
        assertThat(ladder.events).hasSize(events);
    }

    @Test
    void differentReportsEndInAConflictThatAnAdminResolves() {
        MatchId id = ladder.started(1, 2);
        lifecycle.report(id, P1, Verdict.PLAYER1);
        lifecycle.report(id, P2, Verdict.PLAYER2);

        assertThat(ladder.match(id).state()).isEqualTo(MatchState.CONFLICT);
        assertThat(ResultCodes.REFERENCE.of(ladder.match(id).result().orElseThrow())).isEqualTo(-2);
        assertThat(ladder.store.ratings().all()).isEmpty();
        assertThat(lifecycle.inMatch(P1)).isFalse();

        Outcome resolved = lifecycle.resolve(id, ADMIN, Resolution.PLAYER2, "replay shows it");

        assertThat(resolved).isInstanceOf(Outcome.Accepted.class);
        assertThat(ladder.match(id).state()).isEqualTo(MatchState.RESOLVED);
        assertThat(ladder.match(id).result()).contains(MatchResult.PLAYER2);
        assertThat(rating(1, "bw_zerg")).isEqualTo(1480);
        assertThat(rating(2, "sc2_terran")).isEqualTo(1520);
        assertThat(ladder.log()).endsWith("conflict 1", "resolved 1: PLAYER2");
        assertThat(ladder.store.audit().recent(1).get(0).action().reason()).isEqualTo("replay shows it");
        assertThat(lifecycle.resolve(id, ADMIN, Resolution.PLAYER2, "again")).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void aRedoneResolutionRestoresTheOriginalRatingsAndRecalculatesExactly() {
        // Two identical ladders, one resolved wrongly then corrected, one right at once.
        LadderFixture right = new LadderFixture();
        right.register(1, 2, 3, 4);
        for (LadderFixture l : List.of(ladder, right)) {
            MatchId warmUp = l.started(1, 3);
            l.lifecycle.report(warmUp, P1, Verdict.PLAYER1);
            l.lifecycle.report(warmUp, PlayerId.of(3), Verdict.PLAYER1);
            MatchId id = l.started(1, 2);
            l.lifecycle.report(id, P1, Verdict.PLAYER1);
            l.lifecycle.report(id, P2, Verdict.DRAW);
        }
        MatchId disputed = MatchId.of(2);
        lifecycle.resolve(disputed, ADMIN, Resolution.PLAYER1, "first look");
        lifecycle.resolve(disputed, ADMIN, Resolution.DRAW, "second look");
        right.lifecycle.resolve(disputed, ADMIN, Resolution.DRAW, "");

        for (PlayerId p : List.of(P1, P2)) {
            assertThat(ladder.store.ratings().ratingsOf(p)).isEqualTo(right.store.ratings().ratingsOf(p));
        }
        List<LedgerEntry> ledger = ladder.store.ratings().ledgerOf(disputed);
        assertThat(ledger).extracting(LedgerEntry::cause).containsExactly(LedgerCause.RESOLUTION,
                LedgerCause.RESOLUTION, LedgerCause.REVERSAL, LedgerCause.REVERSAL, LedgerCause.RESOLUTION,
                LedgerCause.RESOLUTION);
        assertThat(ledger.get(2).after()).isEqualTo(ledger.get(0).before());
        assertThat(ladder.log()).endsWith("resolved 2: PLAYER1", "resolved 2: DRAW (redo)");
        assertThat(LedgerReplay.verify(ladder.store.ratings())).isEmpty();
    }

    @Test
    void invalidatingACompletedMatchTakesItsRatingsBack() {
        MatchId id = ladder.started(1, 2);
        lifecycle.report(id, P1, Verdict.PLAYER1);
        lifecycle.report(id, P2, Verdict.PLAYER1);
        PlayerRating before = ladder.store.ratings().ledgerOf(id).get(0).before();

        lifecycle.resolve(id, ADMIN, Resolution.INVALIDATE, "smurf");

        assertThat(ladder.match(id).state()).isEqualTo(MatchState.INVALIDATED);
        assertThat(ladder.store.ratings().find(P1, "bw_zerg")).contains(before);
        assertThat(ladder.store.ratings().find(P1, "bw_zerg").orElseThrow().games()).isZero();
        assertThat(LedgerReplay.verify(ladder.store.ratings())).isEmpty();
    }

    @Test
    void anAdminCanEndAMatchInProgressButNotOneThatWasNeverPlayed() {
        MatchId waiting = ladder.found(1, 2);
        assertThat(reason(lifecycle.resolve(waiting, ADMIN, Resolution.DRAW, ""))).isEqualTo(Rejection.NOT_RESOLVABLE);

        ladder.clock.advance(Duration.ofSeconds(60));
        assertThat(reason(lifecycle.resolve(waiting, ADMIN, Resolution.DRAW, ""))).isEqualTo(Rejection.NOT_RESOLVABLE);

        MatchId playing = ladder.started(3, 4);
        Outcome outcome = lifecycle.resolve(playing, ADMIN, Resolution.PLAYER1, "opponent left");
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        MatchEvent event = ((Outcome.Accepted) outcome).events().get(0);
        assertThat(event.endsMatch()).isTrue();
        assertThat(lifecycle.inMatch(PlayerId.of(3))).isFalse();
        assertThat(ladder.match(playing).endedAt()).isPresent();
    }

    @Test
    void aWaveRefusesPairsWithPlayersAlreadyInAMatch() {
        ladder.found(1, 2);

        Creation wave = lifecycle.create(List.of(pair(3, 1500, 1, 1500), pair(3, 1500, 4, 1500),
                pair(5, 1500, 3, 1500), pair(6, 1500, 77, 1500)));

        assertThat(wave.created()).hasSize(1);
        assertThat(wave.created().get(0).players()).containsExactly(PlayerId.of(3), PlayerId.of(4));
        assertThat(wave.refused()).hasSize(3);
        assertThat(lifecycle.openMatches()).isEqualTo(2);
    }

    @Test
    void whenTheStoreFailsNoMatchIsCreatedAndActionsAreRejectedWithoutChange() {
        FlakyStore flaky = new FlakyStore(new InMemoryLadderStore());
        LadderFixture l = new LadderFixture(flaky, RatingSystem.elo());
        l.register(1, 2, 3, 4);
        MatchId id = l.started(1, 2);
        Match before = l.match(id);

        flaky.down = true;
        assertThat(reason(l.lifecycle.report(id, P1, Verdict.DRAW))).isEqualTo(Rejection.STORE_UNAVAILABLE);
        assertThatThrownBy(() -> l.lifecycle.create(List.of(pair(3, 1500, 4, 1500))))
                .isInstanceOf(StoreException.class);
        flaky.down = false;

        assertThat(l.match(id)).isEqualTo(before);
        assertThat(l.lifecycle.inMatch(PlayerId.of(3))).isFalse();
        assertThat(l.store.matches().openMatchOf(PlayerId.of(3))).isEmpty();
        assertThat(l.lifecycle.create(List.of(pair(3, 1500, 4, 1500))).created()).hasSize(1);
    }

    @Test
    void aNewLifecycleOverTheSameStorePicksUpOpenMatchesAndTheirTimers() {
        MatchId id = ladder.found(1, 2);
        ladder.clock.advance(Duration.ofSeconds(30));

        LadderFixture restarted = new LadderFixture(ladder.store, RatingSystem.elo(),
                LadderFixture.START.plusSeconds(30));
        assertThat(restarted.lifecycle.inMatch(P1)).isTrue();
        restarted.clock.advance(Duration.ofSeconds(29));
        assertThat(restarted.lifecycle.inMatch(P1)).isTrue();
        restarted.clock.advance(Duration.ofSeconds(1));

        assertThat(restarted.match(id).state()).isEqualTo(MatchState.TIMED_OUT);
        assertThat(restarted.log()).containsExactly("timed out 1 [1, 2]");
        assertThat(restarted.lifecycle.inMatch(P1)).isFalse();
    }

    @Test
    void theBuilderRefusesAnOptionSetTwiceAndAMissingScheduler() {
        InMemoryLadderStore store = new InMemoryLadderStore();
        assertThatThrownBy(() -> MatchLifecycle.builder(store).rules(LifecycleRules.REFERENCE)
                .rules(LifecycleRules.REFERENCE)).hasMessageContaining("rules");
        assertThatThrownBy(() -> MatchLifecycle.builder(store).build()).hasMessageContaining("scheduler");
        assertThatThrownBy(() -> LifecycleRules.REFERENCE.withReminderDelay(Duration.ofSeconds(60)))
                .hasMessageContaining("reminderDelay");
        assertThat(LifecycleRules.REFERENCE.reminderDelay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void channelsCycleThroughTenNamesWithZeroShownAsTen() {
        ChannelNaming channels = ChannelNaming.reference();
        assertThat(channels.channelFor(MatchId.of(1))).isEqualTo("scevo01");
        assertThat(channels.channelFor(MatchId.of(9))).isEqualTo("scevo09");
        assertThat(channels.channelFor(MatchId.of(10))).isEqualTo("scevo10");
        assertThat(channels.channelFor(MatchId.of(123))).isEqualTo("scevo03");
    }

    private static Rejection reason(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) outcome).reason();
    }

    /** A store whose match writes fail while {@link #down}. */
    static final class FlakyStore implements dev.matchwave.matchmaking.ladder.store.LadderStore {
        private final InMemoryLadderStore inner;
        volatile boolean down;

        FlakyStore(InMemoryLadderStore inner) {
            this.inner = inner;
        }

        @Override
        public dev.matchwave.matchmaking.ladder.player.PlayerRepository players() {
            return inner.players();
        }

        @Override
        public dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository preferences() {
            return inner.preferences();
        }

        @Override
        public dev.matchwave.matchmaking.ladder.rating.RatingRepository ratings() {
            return inner.ratings();
        }

        @Override
        public dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository audit() {
            return inner.audit();
        }

        @Override
        public dev.matchwave.matchmaking.ladder.penalty.NoShowRepository noShows() {
            return inner.noShows();
        }

        @Override
        public dev.matchwave.matchmaking.ladder.season.SeasonRepository seasons() {
            return inner.seasons();
        }

        @Override
        public ResultPickRepository resultPicks() {
            return inner.resultPicks();
        }

        @Override
        public void onRatingsOrProfilesChanged(Runnable listener) {
            inner.onRatingsOrProfilesChanged(listener);
        }

        @Override
        public MatchRepository matches() {
            MatchRepository real = inner.matches();
            return new MatchRepository() {
                private void check() {
                    if (down) {
                        throw new StoreException(StoreException.Kind.UNAVAILABLE, "database down");
                    }
                }

                @Override
                public List<Match> createAll(List<MatchDraft> drafts) {
                    check();
                    return real.createAll(drafts);
                }

                @Override
                public Optional<Match> find(MatchId id) {
                    return real.find(id);
                }

                @Override
                public Optional<Match> openMatchOf(PlayerId player) {
                    return real.openMatchOf(player);
                }

                @Override
                public List<Match> open() {
                    return real.open();
                }

                @Override
                public List<Match> withState(MatchState state, int limit) {
                    return real.withState(state, limit);
                }

                @Override
                public List<Match> recentOf(PlayerId player, int limit) {
                    return real.recentOf(player, limit);
                }

                @Override
                public Committed commit(MatchTransition transition) {
                    check();
                    return real.commit(transition);
                }
            };
        }
    }
}
