package dev.matchwave.notification.dispatch;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends a wave's notifications in two phases.
 * <ol>
 * <li>Phase 1: every matched player's {@link MatchFound}, all at once, so that everyone learns
 * at the same moment that he has a match.</li>
 * <li>Phase 2: every player's {@link MatchDetails}, in wave order, as soon as his own phase-1
 * send is settled and the {@link Batching} releases his match; then each request waits as long
 * as the {@link RateLimiter} says. Batches fall out of the limiter: it admits what the limits
 * allow, when they allow it.</li>
 * </ol>
 * Phase 1 goes through the same limiter: Discord's interaction edits are exempt from the global
 * limit, so a Discord limiter lets them all through at once.
 *
 * <p>A player's details are sent only once his "match found" has been answered, so they never
 * arrive before it. With {@link Builder#detailsAfterEveryMatchFound()} phase 2 waits for the
 * whole of phase 1: no player's details go before every player of the wave has been answered. If the "match found" fails for good (an interaction token expired), the
 * details are still sent: they are then the only way to reach him. Failed sends are retried
 * ({@link RetryPolicy}); one that fails for good is reported to the {@link DispatchListener}
 * and handed to the pending store (normally {@code mailboxes::publish}): never dropped.
 *
 * <p>Thread-safe: waves may overlap and share the limiter. {@link #dispatch} never blocks; the
 * work runs on the injected {@link Scheduler} and on the threads that complete the sink's sends.
 * On a {@link dev.matchwave.matchmaking.time.ManualClock} it all runs on virtual time.
 */
public final class TwoPhaseDispatcher {

    private static final System.Logger LOG = System.getLogger(TwoPhaseDispatcher.class.getName());

    private final NotificationSink sink;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final RateLimiter limiter;
    private final Batching batching;
    private final RetryPolicy retry;
    private final DispatchListener listener;
    private final Consumer<? super Notification> keepPending;
    private final boolean wholePhaseOneFirst;

    private TwoPhaseDispatcher(Builder builder) {
        this.sink = required(builder.sink, "sink");
        this.clock = required(builder.clock, "clock");
        this.scheduler = required(builder.scheduler, "scheduler");
        this.keepPending = required(builder.keepPending, "keepUndeliveredIn");
        this.limiter = builder.limiter != null ? builder.limiter : RateLimiter.unlimited();
        this.batching = builder.batching != null ? builder.batching : Batching.none();
        this.retry = builder.retry != null ? builder.retry : RetryPolicy.defaults();
        this.listener = builder.listener != null ? builder.listener : DispatchListener.NONE;
        this.wholePhaseOneFirst = builder.wholePhaseOneFirst;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Dispatches one wave. Returns at once.
     *
     * @param wave the wave's matches, in wave order; no player in two of them
     * @return completes with the wave's figures when every send has succeeded or failed for
     *         good (never exceptionally)
     * @throws IllegalArgumentException if a player is in two matches of the wave
     */
    public CompletableFuture<WaveFigures> dispatch(List<MatchInfo> wave) {
        List<MatchInfo> matches = List.copyOf(wave);
        Set<PlayerId> seen = new HashSet<>();
        for (MatchInfo match : matches) {
            for (PlayerId player : List.of(match.first().id(), match.second().id())) {
                if (!seen.add(player)) {
                    throw new IllegalArgumentException("player " + player + " is in two matches of the wave (again in match "
                            + match.matchId() + ")");
                }
            }
        }
        Run run = new Run(matches, clock.instant());
        if (matches.isEmpty()) {
            finish(run);
        }
        // Book every "match found" before sending any: a sink that answers at once would
        // otherwise release details that queue in the limiter ahead of later confirmations.
        List<Booked> phase1 = new ArrayList<>(2 * matches.size());
        for (int m = 0; m < matches.size(); m++) {
            MatchInfo match = matches.get(m);
            book(new Delivery(run, m, found(match.first(), match))).ifPresent(phase1::add);
            book(new Delivery(run, m, found(match.second(), match))).ifPresent(phase1::add);
        }
        phase1.forEach(this::go);
        return run.done.copy();
    }

    /**
     * Sends one notification outside any wave (a reminder, an abort, a result) through the same
     * sink, limiter and retry loop as the waves: a 429 waits its retry-after and tells the
     * limiter, another retryable failure backs off by the {@link RetryPolicy} until its deadline,
     * and what still fails goes to the listener and the pending store. Returns at once.
     *
     * @return completes with {@code true} once sent, {@code false} once given up (kept pending);
     *         never exceptionally
     */
    public CompletableFuture<Boolean> send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Delivery delivery = new Delivery(new Run(List.of(), clock.instant()), -1, notification);
        delivery.single = new CompletableFuture<>();
        CompletableFuture<Boolean> settled = delivery.single.copy();
        attempt(delivery);
        return settled;
    }

    private static MatchFound found(Participant player, MatchInfo match) {
        return new MatchFound(player.id(), match.matchId(), match.opponentOf(player.id()).id());
    }

    private void attempt(Delivery delivery) {
        book(delivery).ifPresent(this::go);
    }

    /** A try with its route and its permit. */
    private record Booked(Delivery delivery, Route route, Reservation reservation) {
    }

    /** Names the route and books the permit; empty when the sink cannot name a route (given up). */
    private Optional<Booked> book(Delivery delivery) {
        Route route;
        try {
            route = sink.route(delivery.notification);
        } catch (RuntimeException e) {
            giveUp(delivery, Route.ANY, "the sink could not name a route: " + e);
            return Optional.empty();
        }
        if (delivery.firstTry == null) {
            delivery.firstTry = clock.instant();
        }
        Reservation reservation = limiter.reserve(route);
        delivery.run.waited(reservation.delay());
        return Optional.of(new Booked(delivery, route, reservation));
    }

    private void go(Booked booked) {
        if (booked.reservation().isImmediate()) {
            transmit(booked.delivery(), booked.route());
        } else {
            scheduler.schedule(() -> transmit(booked.delivery(), booked.route()), booked.reservation().delay());
        }
    }

    private void transmit(Delivery delivery, Route route) {
        delivery.attempts++;
        delivery.run.sent(delivery.attempts > 1);
        CompletionStage<SendResult> stage;
        try {
            stage = sink.send(delivery.notification, route);
        } catch (RuntimeException e) {
            stage = CompletableFuture.completedFuture(SendResult.retryableFailure("the sink threw " + e, Optional.empty()));
        }
        stage.whenComplete((result, error) -> {
            try {
                settle(delivery, route, result != null ? result
                        : SendResult.retryableFailure(String.valueOf(error), Optional.empty()));
            } catch (RuntimeException e) {
                // A bug here would leave the wave unfinished: say so loudly.
                LOG.log(System.Logger.Level.ERROR, "settling a send failed", e);
                throw e;
            }
        });
    }

    private void settle(Delivery delivery, Route route, SendResult result) {
        switch (result) {
            case SendResult.Sent sent -> {
                sent.headers().ifPresent(headers -> limiter.onResponse(route, headers));
                if (delivery.single == null) {
                    delivery.run.delivered(delivery, clock.instant());
                }
                settled(delivery, true);
            }
            case SendResult.RateLimited limited -> {
                limiter.onRateLimited(route, limited.retryAfter(), limited.global());
                delivery.run.rateLimited();
                // At least firstBackoff: a server that says "retry after 0" is not hammered.
                Duration floor = retry.firstBackoff();
                retryOrGiveUp(delivery, route, limited.retryAfter().compareTo(floor) > 0 ? limited.retryAfter() : floor,
                        "rate limited (429" + (limited.global() ? ", global" : "") + ")");
            }
            case SendResult.Failed failed -> {
                if (!failed.retryable()) {
                    giveUp(delivery, route, failed.reason());
                } else {
                    delivery.failures++;
                    Duration backoff = retry.backoff(delivery.failures);
                    Duration hint = failed.retryAfter().orElse(Duration.ZERO);
                    retryOrGiveUp(delivery, route, hint.compareTo(backoff) > 0 ? hint : backoff, failed.reason());
                }
            }
        }
    }

    private void retryOrGiveUp(Delivery delivery, Route route, Duration delay, String reason) {
        Instant deadline = Objects.requireNonNull(delivery.firstTry).plus(retry.giveUpAfter());
        if (clock.instant().plus(delay).isAfter(deadline)) {
            giveUp(delivery, route, reason + "; the next try would be past the deadline of " + retry.giveUpAfter());
            return;
        }
        scheduler.schedule(() -> attempt(delivery), delay);
    }

    private void giveUp(Delivery delivery, Route route, String reason) {
        delivery.run.failed(clock.instant());
        Undelivered undelivered = new Undelivered(delivery.notification, route, delivery.attempts, reason);
        try {
            listener.undelivered(undelivered);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the dispatch listener threw", e);
        }
        keepPending.accept(delivery.notification);
        settled(delivery, false);
    }

    private void settled(Delivery delivery, boolean delivered) {
        if (delivery.single != null) {
            delivery.single.complete(delivered);
            return;
        }
        Run run = delivery.run;
        boolean last = run.settled();
        if (!delivery.isDetails()) {
            if (wholePhaseOneFirst) {
                run.foundSettled(delivery).forEach(this::releaseDetails);
            } else {
                releaseDetails(delivery);
            }
        }
        if (last) {
            finish(run);
        }
    }

    private void releaseDetails(Delivery found) {
        Run run = found.run;
        MatchDetails details = new MatchDetails(found.notification.player(), run.matches.get(found.matchIndex));
        Delivery delivery = new Delivery(run, found.matchIndex, details);
        Instant release = run.start.plus(batching.releaseDelay(found.matchIndex));
        Instant now = clock.instant();
        if (now.isBefore(release)) {
            scheduler.schedule(() -> attempt(delivery), Duration.between(now, release));
        } else {
            attempt(delivery);
        }
    }

    private void finish(Run run) {
        WaveFigures figures = run.figures();
        try {
            listener.waveDone(figures);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the dispatch listener threw", e);
        }
        run.done.complete(figures);
    }

    /** One notification and its tries. Its tries follow one another, so its fields need no lock. */
    private static final class Delivery {
        final Run run;
        final int matchIndex;
        final Notification notification;
        @Nullable Instant firstTry;
        int attempts;
        int failures;
        /** For a notification sent outside any wave ({@link #send}): completes when it is settled. */
        @Nullable CompletableFuture<Boolean> single;

        Delivery(Run run, int matchIndex, Notification notification) {
            this.run = run;
            this.matchIndex = matchIndex;
            this.notification = notification;
        }

        boolean isDetails() {
            return notification instanceof MatchDetails;
        }
    }

    /** One wave's progress and counters. Guarded by its own monitor. */
    private static final class Run {
        final List<MatchInfo> matches;
        final Instant start;
        final int players;
        final CompletableFuture<WaveFigures> done = new CompletableFuture<>();
        private final long[] phase1;
        private final long[] phase2;
        private int phase1Count;
        private int phase2Count;
        private int settledCount;
        /** Settled "match found" sends whose details wait for the rest of phase 1. */
        private final List<Delivery> heldFound = new ArrayList<>();
        private int sends;
        private int retries;
        private int rateLimited;
        private int failures;
        private long limiterWaitNanos;
        private Instant last;

        Run(List<MatchInfo> matches, Instant start) {
            this.matches = matches;
            this.start = start;
            this.players = matches.size() * 2;
            this.phase1 = new long[players];
            this.phase2 = new long[players];
            this.last = start;
        }

        synchronized void waited(Duration delay) {
            limiterWaitNanos += delay.toNanos();
        }

        synchronized void sent(boolean retry) {
            sends++;
            if (retry) {
                retries++;
            }
        }

        synchronized void rateLimited() {
            rateLimited++;
        }

        synchronized void delivered(Delivery delivery, Instant at) {
            long nanos = Duration.between(start, at).toNanos();
            if (delivery.isDetails()) {
                phase2[phase2Count++] = nanos;
            } else {
                phase1[phase1Count++] = nanos;
            }
            last = at.isAfter(last) ? at : last;
        }

        synchronized void failed(Instant at) {
            failures++;
            last = at.isAfter(last) ? at : last;
        }

        /**
         * A "match found" is settled; holds it until the wave's last one.
         *
         * @return empty until the last one, then every held one in wave order
         */
        synchronized List<Delivery> foundSettled(Delivery found) {
            heldFound.add(found);
            if (heldFound.size() < players) {
                return List.of();
            }
            List<Delivery> all = new ArrayList<>(heldFound);
            all.sort(java.util.Comparator.<Delivery>comparingInt(d -> d.matchIndex)
                    .thenComparing(d -> !matches.get(d.matchIndex).first().id().equals(d.notification.player())));
            heldFound.clear();
            return all;
        }

        /** @return whether that was the wave's last send */
        synchronized boolean settled() {
            settledCount++;
            return settledCount == 2 * players;
        }

        synchronized WaveFigures figures() {
            return new WaveFigures(matches.size(), players, Latencies.ofNanos(phase1, phase1Count),
                    Latencies.ofNanos(phase2, phase2Count), Duration.between(start, last), sends, retries, rateLimited,
                    failures, Duration.ofNanos(limiterWaitNanos));
        }
    }

    /**
     * Builds a dispatcher. {@code sink}, {@code clock}, {@code scheduler} and
     * {@code keepUndeliveredIn} are required; each option may be set once.
     */
    public static final class Builder {
        private @Nullable NotificationSink sink;
        private @Nullable InstantSource clock;
        private @Nullable Scheduler scheduler;
        private @Nullable RateLimiter limiter;
        private @Nullable Batching batching;
        private @Nullable RetryPolicy retry;
        private @Nullable DispatchListener listener;
        private @Nullable Consumer<? super Notification> keepPending;
        private boolean wholePhaseOneFirst;

        private Builder() {
        }

        /**
         * Phase 2 of a wave starts only when every "match found" of the wave is settled (sent,
         * or given up and kept): no player gets his details before every other player of the
         * wave has learnt that he has a match. Costs phase 2 the time of the slowest phase-1
         * send. Default: off, each player's details follow his own "match found".
         */
        public Builder detailsAfterEveryMatchFound() {
            this.wholePhaseOneFirst = true;
            return this;
        }

        /** Where the notifications go. Required. */
        public Builder sink(NotificationSink sink) {
            this.sink = once(this.sink, sink, "sink");
            return this;
        }

        /** The time source for latencies and deadlines. Required. */
        public Builder clock(InstantSource clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /** Runs the delayed sends and retries. Required. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = once(this.scheduler, scheduler, "scheduler");
            return this;
        }

        /** Paces every send, both phases. Default: {@link RateLimiter#unlimited()}. */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = once(this.limiter, limiter, "rateLimiter");
            return this;
        }

        /** When each match's details may start. Default: {@link Batching#none()}. */
        public Builder batching(Batching batching) {
            this.batching = once(this.batching, batching, "batching");
            return this;
        }

        /** How failed sends are retried. Default: {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = once(this.retry, retry, "retryPolicy");
            return this;
        }

        /** Hears figures and final failures. Default: {@link DispatchListener#NONE}. */
        public Builder listener(DispatchListener listener) {
            this.listener = once(this.listener, listener, "listener");
            return this;
        }

        /**
         * Where notifications that failed for good are kept, normally {@code mailboxes::publish}.
         * Required: the dispatcher never drops a notification.
         */
        public Builder keepUndeliveredIn(Consumer<? super Notification> store) {
            this.keepPending = once(this.keepPending, store, "keepUndeliveredIn");
            return this;
        }

        /** @throws IllegalStateException naming the first required option left unset */
        public TwoPhaseDispatcher build() {
            return new TwoPhaseDispatcher(this);
        }

        private static <T> T once(@Nullable T current, T value, String option) {
            Objects.requireNonNull(value, option);
            if (current != null) {
                throw new IllegalStateException(option + " is already set");
            }
            return value;
        }
    }

    private static <T> T required(@Nullable T value, String option) {
        if (value == null) {
            throw new IllegalStateException(option + " is required but was not set");
        }
        return value;
    }
}
