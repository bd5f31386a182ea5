package dev.matchwave.matchmaking.ladder.lifecycle;

import dev.matchwave.matchmaking.ladder.match.Committed;
import dev.matchwave.matchmaking.ladder.match.Creation;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Rejection;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.match.Resolution;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.LifecycleRules;
import dev.matchwave.matchmaking.ladder.match.MatchListener;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.AbortArmed;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.ConfirmReminder;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchAborted;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchCompleted;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchConflict;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchFound;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchResolved;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchStarted;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchTimedOut;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.PlayerConfirmed;
import dev.matchwave.matchmaking.ladder.match.MatchEvent.ResultReported;
import dev.matchwave.matchmaking.ladder.match.Outcome.Accepted;
import dev.matchwave.matchmaking.ladder.match.Outcome.Rejected;
import dev.matchwave.matchmaking.ladder.match.Outcome.Unchanged;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.MatchRating;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import dev.matchwave.matchmaking.ladder.rating.RatingSystem;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The life of a match, from a wave's pair to its result: confirmation within a window (with a
 * reminder), player aborts against a budget (two presses), reports that complete the match or
 * end it in conflict, a system abort when the window passes, and admin resolutions that may be
 * redone (the earlier result is taken back exactly, see {@link MatchRating}).
 *
 * <p>Each action reads the match, <em>decides</em> with a pure function (accept, unchanged, or
 * reject with a {@link Rejection}), then <em>acts</em>: stores the transition in one unit of
 * work ({@link dev.matchwave.matchmaking.ladder.match.MatchRepository#commit}: match, ratings, ledger, abort, audit) and delivers its
 * events to the {@link MatchListener}. A rejected or unchanged action stores nothing.
 *
 * <p>Thread-safe. Actions on one match are serialised by a lock per match (striped); actions on
 * different matches run in parallel. Methods block on the store (call them from virtual threads
 * or workers). Timers run on the injected {@link Scheduler} and read the injected clock; with a
 * {@link dev.matchwave.matchmaking.time.ManualClock} everything runs on virtual time. Instants
 * are truncated to microseconds, the precision stores keep.
 *
 * <p>Which players are in an open match is kept in memory (loaded from the store when built), so
 * {@link #inMatchGuard()} answers without I/O.
 */
public final class MatchLifecycle {

    private static final System.Logger LOG = System.getLogger(MatchLifecycle.class.getName());
    private static final int ATTEMPTS = 3;
    private static final int STRIPES = 64;

    private final LadderStore store;
    private final MatchRating rating;
    private final LifecycleRules rules;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final MatchListener listener;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ConcurrentMap<PlayerId, MatchId> openByPlayer = new ConcurrentHashMap<>();
    private final ConcurrentMap<MatchId, List<Scheduler.Cancellable>> timers = new ConcurrentHashMap<>();

    private MatchLifecycle(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.rating = new MatchRating(builder.ratingSystem);
        this.rules = builder.rules;
        this.clock = builder.clock;
        this.scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.listener = builder.listener;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Starts building a lifecycle over {@code store}; a {@link Builder#scheduler} is required. */
    public static Builder builder(LadderStore store) {
        return new Builder(store);
    }

    public LifecycleRules rules() {
        return rules;
    }

    public RatingSystem ratingSystem() {
        return rating.system();
    }

    // ---------------------------------------------------------------- creation

    /**
     * Creates a wave's matches in one unit of work, starts their confirmation timers and sends a
     * {@link MatchFound} for each. Pairs with a player already in a match (or in an earlier pair
     * of the wave, or unknown to the store) are refused and created nothing.
     *
     * @throws StoreException {@code UNAVAILABLE} if the store failed: no match was created and
     *         the caller should return the players to the queue
     */
    public Creation create(List<NewMatch> wave) {
        Instant now = now();
        List<NewMatch> refused = new ArrayList<>();
        List<NewMatch> accepted = new ArrayList<>();
        Set<PlayerId> seen = new HashSet<>();
        for (NewMatch candidate : wave) {
            PlayerId a = candidate.pair().first().id();
            PlayerId b = candidate.pair().second().id();
            if (openByPlayer.containsKey(a) || openByPlayer.containsKey(b) || seen.contains(a) || seen.contains(b)) {
                refused.add(candidate);
            } else {
                seen.add(a);
                seen.add(b);
                accepted.add(candidate);
            }
        }
        Instant deadline = now.plus(rules.confirmWindow());
        List<MatchDraft> drafts = accepted.stream()
                .map(m -> MatchDraft.of(m.pair(), m.setup(), now, deadline))
                .toList();
        List<Match> created = new ArrayList<>();
        if (!drafts.isEmpty()) {
            try {
                created.addAll(store.matches().createAll(drafts));
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.DUPLICATE && e.kind() != StoreException.Kind.NOT_FOUND) {
                    throw e;
                }
                // Someone in the wave cannot play: create the others one by one.
                for (int i = 0; i < drafts.size(); i++) {
                    try {
                        created.addAll(store.matches().createAll(List.of(drafts.get(i))));
                    } catch (StoreException single) {
                        if (single.kind() != StoreException.Kind.DUPLICATE
                                && single.kind() != StoreException.Kind.NOT_FOUND) {
                            throw single;
                        }
                        refused.add(accepted.get(i));
                    }
                }
            }
        }
        for (Match match : created) {
            ReentrantLock lock = lockOf(match.id());
            lock.lock();
            try {
                track(match);
                deliver(List.of(new MatchFound(match, now)));
            } finally {
                lock.unlock();
            }
        }
        return new Creation(created, refused);
    }

    /**
     * Loads the open matches from the store: marks their players as in a match and re-arms the
     * confirmation timers of matches still waiting (a window that passed while the process was
     * down times out at once). Called by {@link Builder#build()}; call again after the store was
     * changed behind the lifecycle's back.
     */
    public void recover() {
        openByPlayer.clear();
        timers.values().forEach(list -> list.forEach(Scheduler.Cancellable::cancel));
        timers.clear();
        for (Match match : store.matches().open()) {
            track(match);
        }
    }

    private void track(Match match) {
        for (PlayerId player : match.players()) {
            openByPlayer.put(player, match.id());
        }
        if (match.state() == MatchState.FOUND) {
            Instant now = now();
            List<Scheduler.Cancellable> handles = new ArrayList<>(2);
            Instant reminderAt = match.foundAt().plus(rules.reminderDelay());
            if (reminderAt.isAfter(now)) {
                handles.add(scheduler.schedule(() -> remind(match.id()), Duration.between(now, reminderAt)));
            }
            handles.add(scheduler.schedule(() -> expire(match.id()), Duration.between(now, match.confirmDeadline())));
            timers.put(match.id(), handles);
        }
    }

    // ---------------------------------------------------------------- player actions

    /**
     * The player confirms he is ready. When both have, the match starts ({@link MatchStarted}).
     * A second confirm is {@link Unchanged}; a confirm after the window is rejected.
     */
    public Outcome confirm(MatchId id, PlayerId player) {
        return act(id, match -> decideConfirm(match, player, now()));
    }

    /**
     * The player presses abort: the first press arms it ({@link AbortArmed}), the second aborts
     * the match ({@link MatchAborted}): he gets {@link Report#ABORTER}, his opponent
     * {@link Report#ABORT}, the result is {@link MatchResult#ABORT}, no rating changes and one of
     * his aborts is used. Rejected with no abort left.
     */
    public Outcome abort(MatchId id, PlayerId player) {
        return act(id, match -> {
            int abortsLeft = store.players().find(player).map(Player::abortsLeft).orElse(0);
            return decideAbort(match, player, abortsLeft, now());
        });
    }

    /**
     * The player reports the result. The first report tells the opponent ({@link ResultReported});
     * the second completes the match if it agrees ({@link MatchCompleted}, ratings change) and
     * ends it in conflict otherwise ({@link MatchConflict}, no rating change). The same report
     * again is {@link Unchanged}; a different one after reporting is rejected.
     */
    public Outcome report(MatchId id, PlayerId player, Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return act(id, match -> decideReport(match, player, verdict, now()));
    }

    // ---------------------------------------------------------------- admin actions

    /**
     * An admin decides the match: player 1, player 2, draw or invalidate. Allowed on a match in
     * progress (it ends), in conflict, completed or resolved before (a redo: the earlier result is
     * taken back in the ledger, then the new one applied, rated as of the time the match ended).
     * Audited with the transition. The same resolution again is {@link Unchanged}.
     *
     * @param reason the admin's reason, stored in the audit trail; may be empty
     */
    public Outcome resolve(MatchId id, PlayerId admin, Resolution resolution, String reason) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(reason, "reason");
        return act(id, match -> decideResolve(match, admin, resolution, reason, now()));
    }

    // ---------------------------------------------------------------- queries

    /** The open match of {@code player}, read from the store. */
    public Optional<Match> openMatchOf(PlayerId player) {
        return store.matches().openMatchOf(player);
    }

    /** Whether {@code player} is in an open match; no I/O. */
    public boolean inMatch(PlayerId player) {
        return openByPlayer.containsKey(player);
    }

    /** How many matches are open; no I/O. */
    public int openMatches() {
        return (int) openByPlayer.values().stream().distinct().count();
    }

    /** The "not in a match" queue guard; no I/O. */
    public QueueGuard inMatchGuard() {
        return player -> Optional.ofNullable(openByPlayer.get(player))
                .map(match -> "You are in match " + match + ": confirm, report or abort it before queueing again.");
    }

    // ---------------------------------------------------------------- timers

    private void remind(MatchId id) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            Optional<Match> found = store.matches().find(id);
            if (found.isEmpty() || found.get().state() != MatchState.FOUND) {
                return;
            }
            Match match = found.get();
            List<PlayerId> waiting = new ArrayList<>();
            for (Participant p : List.of(match.player1(), match.player2())) {
                if (!p.confirmed()) {
                    waiting.add(p.player());
                }
            }
            if (!waiting.isEmpty() && now().isBefore(match.confirmDeadline())) {
                deliver(List.of(new ConfirmReminder(match, waiting, now())));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reminder of match " + id + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void expire(MatchId id) {
        try {
            Outcome outcome = act(id, match -> decideExpire(match, now()));
            if (outcome instanceof Unchanged unchanged && unchanged.match().state() == MatchState.FOUND) {
                // The scheduler ran early by the clock: try again when the window really closes.
                Duration left = Duration.between(now(), unchanged.match().confirmDeadline());
                timers.put(id, List.of(scheduler.schedule(() -> expire(id), left)));
            } else if (outcome instanceof Rejected rejected) {
                LOG.log(System.Logger.Level.WARNING, "timeout of match " + id + " not stored: " + rejected.message());
                if (rejected.reason() == Rejection.STORE_UNAVAILABLE || rejected.reason() == Rejection.CONCURRENT_CHANGE) {
                    timers.put(id, List.of(scheduler.schedule(() -> expire(id), Duration.ofSeconds(5))));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "timeout of match " + id + " failed", e);
        }
    }

    // ---------------------------------------------------------------- deciding

    /** What to do with an action: the pure part. */
    private sealed interface Decision {
    }

    private record Reject(Rejection reason, String message) implements Decision {
    }

    private record Keep(String note) implements Decision {
    }

    private record Apply(MatchTransition transition, Function<Committed, List<MatchEvent>> events)
            implements Decision {
    }

    private static Apply apply(Match next, Function<Committed, List<MatchEvent>> events) {
        return new Apply(MatchTransition.of(next), events);
    }

    private static Optional<Reject> notAPlayer(Match match, PlayerId player) {
        if (!match.involves(player)) {
            return Optional.of(new Reject(Rejection.NOT_IN_MATCH, "You are not in match " + match.id() + "."));
        }
        if (!match.isOpen()) {
            return Optional.of(new Reject(Rejection.MATCH_CLOSED,
                    "Match " + match.id() + " is over (" + describe(match.state()) + ")."));
        }
        return Optional.empty();
    }

    private static Decision decideConfirm(Match match, PlayerId player, Instant now) {
        Optional<Reject> refused = notAPlayer(match, player);
        if (refused.isPresent()) {
            return refused.get();
        }
        Participant me = match.participant(player).orElseThrow();
        if (me.confirmed()) {
            return new Keep("You already confirmed match " + match.id() + ".");
        }
        if (!now.isBefore(match.confirmDeadline())) {
            return new Reject(Rejection.CONFIRM_WINDOW_CLOSED,
                    "The time to confirm match " + match.id() + " has passed.");
        }
        Match next = match.nextVersion().withParticipant(me.withConfirmedAt(now));
        if (next.participant(match.opponentOf(player)).orElseThrow().confirmed()) {
            Match started = next.withStarted(now);
            return apply(started, c -> List.of(new MatchStarted(c.match(), now)));
        }
        return apply(next, c -> List.of(new PlayerConfirmed(c.match(), player, now)));
    }

    private static Decision decideAbort(Match match, PlayerId player, int abortsLeft, Instant now) {
        Optional<Reject> refused = notAPlayer(match, player);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (match.state() == MatchState.FOUND && !now.isBefore(match.confirmDeadline())) {
            return new Reject(Rejection.CONFIRM_WINDOW_CLOSED, "Match " + match.id()
                    + " is timing out for lack of confirmation; it ends without using an abort.");
        }
        if (abortsLeft <= 0) {
            return new Reject(Rejection.NO_ABORTS_LEFT, "You have no aborts left; an admin can restore them.");
        }
        Participant me = match.participant(player).orElseThrow();
        if (!me.abortArmed()) {
            Match next = match.nextVersion().withParticipant(me.withAbortArmed(true));
            return apply(next, c -> List.of(new AbortArmed(c.match(), player, abortsLeft, now)));
        }
        Participant opponent = match.participant(match.opponentOf(player)).orElseThrow();
        Match next = match.nextVersion()
                .withParticipant(me.withReport(Report.ABORTER).withAbortArmed(false))
                .withParticipant(opponent.withReport(Report.ABORT))
                .withClosed(MatchState.ABORTED, MatchResult.ABORT, now);
        MatchTransition transition = new MatchTransition(next, List.of(), Optional.of(player), Optional.empty());
        return new Apply(transition, c -> List.of(new MatchAborted(c.match(), player, abortsLeft - 1, now)));
    }

    private Decision decideReport(Match match, PlayerId player, Verdict verdict, Instant now) {
        Optional<Reject> refused = notAPlayer(match, player);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (match.state() == MatchState.FOUND) {
            return new Reject(Rejection.NOT_STARTED, "Both players must confirm match " + match.id()
                    + " before reporting.");
        }
        Participant me = match.participant(player).orElseThrow();
        if (me.report().isPresent()) {
            Report mine = me.report().get();
            return mine == verdict.report()
                    ? new Keep("You already reported " + describe(verdict) + ".")
                    : new Reject(Rejection.ALREADY_REPORTED, "You already reported " + describe(mine)
                    + "; if that was wrong, ask an admin.");
        }
        Match next = match.nextVersion().withParticipant(me.withReport(verdict.report()));
        Optional<Report> theirs = match.participant(match.opponentOf(player)).orElseThrow().report();
        if (theirs.isEmpty()) {
            return apply(next, c -> List.of(new ResultReported(c.match(), player, verdict, now)));
        }
        if (theirs.get() != verdict.report()) {
            Match conflict = next.withClosed(MatchState.CONFLICT, MatchResult.CONFLICT, now);
            return apply(conflict, c -> List.of(new MatchConflict(c.match(), now)));
        }
        Match completed = next.withClosed(MatchState.COMPLETED, verdict.result(), now);
        List<RatingChange> changes = rating.rate(match.id(), LedgerCause.MATCH, stored(match.player1(), Map.of()),
                stored(match.player2(), Map.of()), verdict.scoreOfPlayer1(), now);
        MatchTransition transition = new MatchTransition(completed, changes, Optional.empty(), Optional.empty());
        return new Apply(transition, c -> List.of(new MatchCompleted(c.match(), c.ledger(), now)));
    }

    private Decision decideResolve(Match match, PlayerId admin, Resolution resolution, String reason, Instant now) {
        switch (match.state()) {
            case FOUND -> {
                return new Reject(Rejection.NOT_RESOLVABLE, "Match " + match.id()
                        + " is waiting for confirmation; nothing was played.");
            }
            case ABORTED, TIMED_OUT -> {
                return new Reject(Rejection.NOT_RESOLVABLE, "Match " + match.id() + " was "
                        + describe(match.state()) + "; nothing was played.");
            }
            case IN_PROGRESS, CONFLICT, COMPLETED, RESOLVED, INVALIDATED -> {
                // resolvable
            }
        }
        if (match.resolution().equals(Optional.of(resolution))
                && (match.state() == MatchState.RESOLVED || match.state() == MatchState.INVALIDATED)) {
            return new Keep("Match " + match.id() + " is already resolved as " + describe(resolution) + ".");
        }
        boolean wasOpen = match.isOpen();
        boolean redo = match.state() == MatchState.COMPLETED || match.state() == MatchState.RESOLVED
                || match.state() == MatchState.INVALIDATED;
        Instant ratedAt = match.endedAt().orElse(now);

        List<RatingChange> changes = new ArrayList<>();
        Map<RatingKey, PlayerRating> working = new HashMap<>();
        for (LedgerEntry effect : MatchRating.standingEffect(store.ratings().ledgerOf(match.id()))) {
            RatingKey key = RatingKey.of(effect.after());
            PlayerRating current = working.containsKey(key) ? working.get(key)
                    : rating.orFresh(store.ratings().find(key.player(), key.race()), key);
            RatingChange reversal = MatchRating.reverse(effect, current, now);
            changes.add(reversal);
            working.put(key, reversal.after());
        }
        Optional<Verdict> verdict = resolution.verdict();
        if (verdict.isPresent()) {
            changes.addAll(rating.rate(match.id(), LedgerCause.RESOLUTION, stored(match.player1(), working),
                    stored(match.player2(), working), verdict.get().scoreOfPlayer1(), ratedAt));
        }
        Match next = match.nextVersion().withResolution(resolution, now);
        AdminAction audit = new AdminAction(admin, AdminActionKind.RESOLVE, AdminAction.match(match.id()),
                describe(match.state()) + " -> " + describe(resolution), reason, now);
        MatchTransition transition = new MatchTransition(next, changes, Optional.empty(), Optional.of(audit));
        return new Apply(transition,
                c -> List.of(new MatchResolved(c.match(), admin, resolution, redo, wasOpen, c.ledger(), now)));
    }

    private static Decision decideExpire(Match match, Instant now) {
        if (match.state() != MatchState.FOUND) {
            return new Keep("Match " + match.id() + " is no longer waiting for confirmation.");
        }
        if (now.isBefore(match.confirmDeadline())) {
            return new Keep("The window of match " + match.id() + " is still open.");
        }
        List<PlayerId> unconfirmed = new ArrayList<>();
        Match next = match.nextVersion();
        for (Participant p : List.of(match.player1(), match.player2())) {
            if (p.confirmed()) {
                next = next.withParticipant(p.withReport(Report.ABORT));
            } else {
                unconfirmed.add(p.player());
                next = next.withParticipant(p.withReport(Report.UNCONFIRMED));
            }
        }
        Match timedOut = next.withClosed(MatchState.TIMED_OUT, MatchResult.ABORT, now);
        return apply(timedOut, c -> List.of(new MatchTimedOut(c.match(), unconfirmed, now)));
    }

    private PlayerRating stored(Participant participant, Map<RatingKey, PlayerRating> working) {
        RatingKey key = new RatingKey(participant.player(), participant.race());
        PlayerRating pending = working.get(key);
        return pending != null ? pending : rating.orFresh(store.ratings().find(key.player(), key.race()), key);
    }

    // ---------------------------------------------------------------- acting

    private Outcome act(MatchId id, Function<Match, Decision> decide) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Match match;
                Decision decision;
                try {
                    Optional<Match> found = store.matches().find(id);
                    if (found.isEmpty()) {
                        return new Rejected(Rejection.UNKNOWN_MATCH, "There is no match " + id + ".");
                    }
                    match = found.get();
                    decision = decide.apply(match);
                } catch (StoreException e) {
                    return failed(id, e);
                }
                switch (decision) {
                    case Reject r -> {
                        return new Rejected(r.reason(), r.message());
                    }
                    case Keep k -> {
                        return new Unchanged(match, k.note());
                    }
                    case Apply a -> {
                        CommittedEvents done;
                        try {
                            // The change and what its events owe the players commit together.
                            done = store.atomically(() -> {
                                Committed committed = store.matches().commit(a.transition());
                                List<MatchEvent> events = a.events().apply(committed);
                                owe(events);
                                return new CommittedEvents(committed, events);
                            });
                        } catch (StoreException e) {
                            if (e.kind() == StoreException.Kind.STALE) {
                                continue;
                            }
                            return failed(id, e);
                        }
                        afterCommit(match, done.committed().match());
                        deliver(done.events());
                        return new Accepted(done.committed().match(), done.events());
                    }
                }
            }
            return new Rejected(Rejection.CONCURRENT_CHANGE,
                    "Match " + id + " changed while we were updating it; please try again.");
        } finally {
            lock.unlock();
        }
    }

    private static Outcome failed(MatchId id, StoreException e) {
        if (e.kind() == StoreException.Kind.UNAVAILABLE) {
            LOG.log(System.Logger.Level.WARNING, "store unavailable for match " + id, e);
            return new Rejected(Rejection.STORE_UNAVAILABLE, StoreException.UNAVAILABLE_ANSWER);
        }
        throw e;
    }

    private void afterCommit(Match before, Match after) {
        if (before.isOpen() && !after.isOpen()) {
            for (PlayerId player : after.players()) {
                openByPlayer.remove(player, after.id());
            }
            cancelTimers(after.id());
        } else if (before.state() == MatchState.FOUND && after.state() != MatchState.FOUND) {
            cancelTimers(after.id());
        }
    }

    private void cancelTimers(MatchId id) {
        List<Scheduler.Cancellable> handles = timers.remove(id);
        if (handles != null) {
            handles.forEach(Scheduler.Cancellable::cancel);
        }
    }

    /** A committed change and the events it caused. */
    private record CommittedEvents(Committed committed, List<MatchEvent> events) {
    }

    /**
     * Inside the change's transaction: the listener writes down what the events owe. A failure
     * other than the store's is logged and costs only that (the events are still delivered);
     * the store's failure ends the transaction and is the change's.
     */
    private void owe(List<MatchEvent> events) {
        for (MatchEvent event : events) {
            try {
                listener.owe(event);
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "match listener failed to owe " + event.getClass().getSimpleName()
                        + " of match " + event.match().id(), e);
            }
        }
    }

    private void deliver(List<MatchEvent> events) {
        for (MatchEvent event : events) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "match listener failed on " + event.getClass().getSimpleName()
                        + " of match " + event.match().id(), e);
            }
        }
    }

    private ReentrantLock lockOf(MatchId id) {
        return locks[(int) Math.floorMod(id.value(), (long) STRIPES)];
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- wording

    private static String describe(MatchState state) {
        return switch (state) {
            case FOUND -> "waiting for confirmation";
            case IN_PROGRESS -> "in progress";
            case COMPLETED -> "completed";
            case CONFLICT -> "in conflict";
            case ABORTED -> "aborted";
            case TIMED_OUT -> "not confirmed in time";
            case RESOLVED -> "resolved by an admin";
            case INVALIDATED -> "invalidated by an admin";
        };
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case PLAYER1 -> "a win for player 1";
            case PLAYER2 -> "a win for player 2";
            case DRAW -> "a draw";
        };
    }

    private static String describe(Report report) {
        return switch (report) {
            case PLAYER1, PLAYER2, DRAW -> describe(report.verdict().orElseThrow());
            case ABORT -> "an abort";
            case ABORTER -> "your abort";
            case UNCONFIRMED -> "no confirmation";
        };
    }

    private static String describe(Resolution resolution) {
        return resolution.verdict().map(MatchLifecycle::describe).orElse("invalid");
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds a {@link MatchLifecycle}. Not thread-safe; each option may be set once. Defaults:
     * {@link RatingSystem#elo()}, {@link LifecycleRules#REFERENCE}, the system clock, no
     * listener. The scheduler has no default.
     */
    public static final class Builder {
        private final LadderStore store;
        private RatingSystem ratingSystem = RatingSystem.elo();
        private LifecycleRules rules = LifecycleRules.REFERENCE;
        private InstantSource clock = InstantSource.system();
        private @Nullable Scheduler scheduler;
        private MatchListener listener = MatchListener.none();
        private final Set<String> set = new HashSet<>();

        private Builder(LadderStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        private void once(String option, Object value) {
            Objects.requireNonNull(value, option);
            if (!set.add(option)) {
                throw new IllegalStateException("lifecycle option " + option + " was already set");
            }
        }

        public Builder ratingSystem(RatingSystem system) {
            once("ratingSystem", system);
            this.ratingSystem = system;
            return this;
        }

        public Builder rules(LifecycleRules lifecycleRules) {
            once("rules", lifecycleRules);
            this.rules = lifecycleRules;
            return this;
        }

        public Builder clock(InstantSource instantSource) {
            once("clock", instantSource);
            this.clock = instantSource;
            return this;
        }

        public Builder scheduler(Scheduler timerScheduler) {
            once("scheduler", timerScheduler);
            this.scheduler = timerScheduler;
            return this;
        }

        public Builder listener(MatchListener matchListener) {
            once("listener", matchListener);
            this.listener = matchListener;
            return this;
        }

        /**
         * The lifecycle, {@linkplain MatchLifecycle#recover recovered} from the store.
         *
         * @throws IllegalStateException if no scheduler was set
         */
        public MatchLifecycle build() {
            if (scheduler == null) {
                throw new IllegalStateException("lifecycle option scheduler is required");
            }
            MatchLifecycle lifecycle = new MatchLifecycle(this);
            lifecycle.recover();
            return lifecycle;
        }
    }
}
