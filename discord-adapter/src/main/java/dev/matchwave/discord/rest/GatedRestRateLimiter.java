package dev.matchwave.discord.rest;

import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.matchmaking.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * JDA's REST rate limiter with a {@link RestRequestGate} in front: each request first asks the
 * gate when it may go, waits that long (on a scheduler, never on a thread of its own), then
 * joins JDA's own limiter, which still keeps one request at a time per bucket and obeys 429s.
 * Every answer is shown to the gate, so a Discord-model limiter learns the buckets. With a
 * {@link SendWindow} (the factory's default), a request on the global budget is counted again
 * when JDA really sends it, since a bucket's backlog may leave later than the gate booked it, and
 * such sends are spaced evenly, so that delays after the send cannot bunch a burst into one of
 * Discord's seconds.
 *
 * <p>Order: requests wait in two lanes, interaction routes (exempt from the global limit) and
 * the rest. Within a lane a request never goes before one queued earlier, so a bucket's
 * requests keep their order; across lanes nothing waits, so an interaction edit (phase 1) is
 * never held up behind direct messages (phase 2).
 *
 * <p>Background requests ({@link RestRequest#background()}: rank roles) wait in a third lane, of
 * lower priority: one is booked with the gate only when no other request on the global budget
 * waits for it and fewer than {@code backgroundShare} requests on the global budget were booked
 * within the last second (or are booked ahead), and only one at a time waits for its booked time.
 * So a mass re-rank uses at most that share of the budget, leaves the rest free for a wave's
 * messages at any moment, and never books ahead of them: a message booked after a background
 * request is not ordered behind it. A stop cancels background requests not yet handed to JDA
 * (a graceful stop paces only the player-facing ones).
 *
 * <p>Requests of the durable record ({@link RecordLane}: the match message in a player's DM
 * while his live view is an interaction message) wait in a lane of their own, below every other
 * request on the global budget and above background work: one is booked with the gate only when
 * no other request on the global budget waits, and only one at a time is booked ahead of its
 * time. So a backlog of records (a wave's DMs and their edits) never stands in front of what a
 * player needs now: a "match found" that must go by DM waits at most for one record. A graceful
 * stop books the records still waiting like any other request; a hard stop cancels them.
 *
 * <p>Plug it in with {@code new RestConfig().setRateLimiterFactory(GatedRestRateLimiter.factory(gate, ticker))}.
 *
 * <p>Thread-safe; {@link #enqueue} never blocks.
 */
public final class GatedRestRateLimiter implements RestRateLimiter {

    private final RestRateLimiter delegate;
    private final RestRequestGate gate;
    private final Ticker ticker;
    private final Scheduler scheduler;
    private final @Nullable SendWindow sendWindow;
    private final Set<Work> waiting = new LinkedHashSet<>();
    /** Requests of the record ({@link RecordLane}) not booked yet, oldest first. */
    private final ArrayDeque<Work> records = new ArrayDeque<>();
    /** The request of the record booked and waiting for its time, if any (at most one). */
    private @Nullable Work recordBooked;
    /** Background requests not booked yet, oldest first. */
    private final ArrayDeque<Work> background = new ArrayDeque<>();
    /** The booked times of requests on the global budget within the last second or ahead, in booking order. */
    private final ArrayDeque<Long> globalBookings = new ArrayDeque<>();
    private final int backgroundShare;
    private int foregroundWaiting;
    private @Nullable Work backgroundBooked;
    /**
     * The background request handed to JDA and not answered yet: the next one is booked only
     * once it is (or after {@link #BACKGROUND_ANSWER_WAIT}), so a busy JDA that sends late can
     * never bunch background requests into one route's window (a 429 seen under load).
     */
    private @Nullable Work backgroundInFlight;
    private boolean backgroundPumpScheduled;
    private long interactionLaneFree;
    private long globalLaneFree;
    private boolean stopped;
    private @Nullable Runnable stopWhenDrained;

    /**
     * @param delegate  JDA's limiter that the requests join once the gate lets them go
     * @param gate      decides when each request may go
     * @param ticker    the time the gate reasons in
     * @param scheduler runs the delayed hand-overs (JDA's rate-limit scheduler in production)
     */
    public GatedRestRateLimiter(RestRateLimiter delegate, RestRequestGate gate, Ticker ticker, Scheduler scheduler) {
        this(delegate, gate, ticker, scheduler, null);
    }

    /**
     * @param sendWindow checks every request on the global budget again when JDA sends it
     *                   (null: no such check)
     */
    public GatedRestRateLimiter(RestRateLimiter delegate, RestRequestGate gate, Ticker ticker, Scheduler scheduler,
                                @Nullable SendWindow sendWindow) {
        this(delegate, gate, ticker, scheduler, sendWindow, DEFAULT_BACKGROUND_SHARE);
    }

    /**
     * @param backgroundShare the most requests on the global budget, in any second, at which a
     *                        background request may still be booked, at least 1
     */
    public GatedRestRateLimiter(RestRateLimiter delegate, RestRequestGate gate, Ticker ticker, Scheduler scheduler,
                                @Nullable SendWindow sendWindow, int backgroundShare) {
        if (backgroundShare < 1) {
            throw new IllegalArgumentException("backgroundShare must be at least 1, got " + backgroundShare);
        }
        this.backgroundShare = backgroundShare;
        this.sendWindow = sendWindow;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        long now = ticker.read();
        this.interactionLaneFree = now;
        this.globalLaneFree = now;
    }

    /**
     * Background requests are booked only while fewer than this many requests on the global
     * budget fall in one second: of the gate's 45, at least 15 stay free for a burst of
     * player-facing requests at any moment, and the dispatcher's 40 a second, smooth, never
     * waits for a slot (30 background requests of the last second leave the window as its
     * requests come in).
     */
    public static final int DEFAULT_BACKGROUND_SHARE = 30;

    /** The factory for {@code RestConfig#setRateLimiterFactory}: JDA's sequential limiter behind the gate. */
    public static Function<RateLimitConfig, RestRateLimiter> factory(RestRequestGate gate, Ticker ticker) {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(ticker, "ticker");
        return config -> new GatedRestRateLimiter(new SequentialRestRateLimiter(config), gate, ticker,
                Scheduler.forScheduledExecutorService(config.getScheduler()),
                SendWindow.forGlobalLimit(RestRequestGate.GATE_LIMITS.globalLimit(), ticker));
    }

    /** How a JDA route looks to the gate. */
    public static RestRequest describe(Route.CompiledRoute route) {
        Route base = route.getBaseRoute();
        return new RestRequest(base.getMethod().name(), base.getRoute(), route.getMajorParameters(),
                base.isInteractionBucket());
    }

    /** {@link #enqueue}'s mark of a request that joined the record lane. */
    private static final long TO_RECORDS = Long.MIN_VALUE + 1;

    @Override
    public void enqueue(Work task) {
        RestRequest request = describe(task.getRoute());
        Work observed = new ObservedWork(task, request, gate, request.interaction() ? null : sendWindow);
        boolean record = !request.interaction() && !request.background() && RecordLane.marked();
        long now = ticker.read();
        long wait;
        synchronized (this) {
            if (stopped && stopWhenDrained == null) {
                // Stopped for good: JDA's limiter decides what it does with late requests.
                wait = 0;
            } else if (record && !stopped) {
                records.addLast(observed);
                wait = TO_RECORDS;
            } else if (request.background()) {
                if (stopped) {
                    wait = -1; // a graceful stop sends no more background work
                } else {
                    background.addLast(observed);
                    wait = Long.MIN_VALUE;
                }
            } else {
                long due = now + Math.max(0, gate.reserve(request, now));
                if (request.interaction()) {
                    due = Math.max(due, interactionLaneFree);
                    interactionLaneFree = due;
                } else {
                    due = Math.max(due, globalLaneFree);
                    globalLaneFree = due;
                    forgetBookingsBefore(now);
                    globalBookings.addLast(due);
                }
                wait = due - now;
                if (wait > 0) {
                    waiting.add(observed);
                    if (!request.interaction()) {
                        foregroundWaiting++;
                    }
                }
            }
        }
        if (wait == TO_RECORDS) {
            pumpRecords();
            return;
        }
        if (wait == Long.MIN_VALUE) {
            pumpBackground();
            return;
        }
        if (wait == -1 && request.background()) {
            observed.cancel();
            return;
        }
        if (wait <= 0) {
            delegate.enqueue(observed);
            return;
        }
        scheduler.schedule(() -> handOver(observed), Duration.ofNanos(wait));
    }

    /**
     * Under this: books a request of a lower lane (the record, background work) with the gate
     * from now, not behind the global lane, counts it in the last second's bookings, and keeps
     * it among the waiting when it must wait.
     *
     * @return how long it waits, zero or less to go at once
     */
    private long bookNow(Work work, long now) {
        long due = now + Math.max(0, gate.reserve(describe(work.getRoute()), now));
        globalBookings.addLast(due);
        long wait = due - now;
        if (wait > 0) {
            waiting.add(work);
        }
        return wait;
    }

    /**
     * Books the oldest requests of the record while no other request on the global budget
     * waits: those the gate lets go at once are handed to JDA, and the first that must wait is
     * kept as the one booked ahead; the next is booked when it is handed over.
     */
    private void pumpRecords() {
        while (true) {
            Work work;
            long wait;
            synchronized (this) {
                if (records.isEmpty() || recordBooked != null || foregroundWaiting > 0 || stopped) {
                    break;
                }
                work = records.pollFirst();
                long now = ticker.read();
                forgetBookingsBefore(now);
                wait = bookNow(work, now);
                if (wait > 0) {
                    recordBooked = work;
                }
            }
            if (wait > 0) {
                scheduler.schedule(() -> handOver(work), Duration.ofNanos(wait));
                return;
            }
            delegate.enqueue(work);
        }
        pumpBackground();
    }

    /**
     * Books the oldest background request if the global budget has room for it (see the class
     * comment), hands it to JDA when its time comes, and goes on; or comes back when room may be
     * there (a player-facing request handed over, a booking leaving the last second).
     */
    private void pumpBackground() {
        while (true) {
            Work work;
            long wait;
            synchronized (this) {
                if (background.isEmpty() || backgroundBooked != null || backgroundInFlight != null
                        || foregroundWaiting > 0 || !records.isEmpty() || recordBooked != null || stopped) {
                    return;
                }
                long now = ticker.read();
                long second = ONE_SECOND;
                forgetBookingsBefore(now);
                if (globalBookings.size() >= backgroundShare) {
                    if (!backgroundPumpScheduled) {
                        backgroundPumpScheduled = true;
                        long until = Math.max(1, globalBookings.peekFirst() + second - now);
                        scheduler.schedule(() -> {
                            synchronized (this) {
                                backgroundPumpScheduled = false;
                            }
                            pumpBackground();
                        }, Duration.ofNanos(until));
                    }
                    return;
                }
                work = background.pollFirst();
                wait = bookNow(work, now);
                if (wait > 0) {
                    backgroundBooked = work;
                }
            }
            if (wait > 0) {
                scheduler.schedule(() -> handOver(work), Duration.ofNanos(wait));
                return;
            }
            delegate.enqueue(inFlight(work));
            return; // the next one once this one is answered
        }
    }

    /** The longest a background request holds back the next one when JDA never answers it (cancelled, skipped). */
    static final Duration BACKGROUND_ANSWER_WAIT = Duration.ofSeconds(2);

    /** {@code work}, handed to JDA as the background request in flight. */
    private Work inFlight(Work work) {
        Work sent = new AnsweredBackground(work);
        synchronized (this) {
            backgroundInFlight = sent;
        }
        scheduler.schedule(() -> answered(sent), BACKGROUND_ANSWER_WAIT);
        return sent;
    }

    private void answered(Work sent) {
        synchronized (this) {
            if (backgroundInFlight != sent) {
                return;
            }
            backgroundInFlight = null;
        }
        pumpBackground();
    }

    /** A background request that lets the next one go once JDA has its answer. */
    private final class AnsweredBackground implements Work {
        private final Work inner;

        AnsweredBackground(Work inner) {
            this.inner = inner;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return inner.getRoute();
        }

        @Override
        public JDA getJDA() {
            return inner.getJDA();
        }

        @Override
        public okhttp3.@Nullable Response execute() {
            try {
                return inner.execute();
            } finally {
                answered(this); // answered, or failed: either way the route heard from it
            }
        }

        @Override
        public boolean isSkipped() {
            return inner.isSkipped();
        }

        @Override
        public boolean isDone() {
            return inner.isDone();
        }

        @Override
        public boolean isPriority() {
            return inner.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return inner.isCancelled();
        }

        @Override
        public void cancel() {
            inner.cancel();
            answered(this);
        }
    }

    private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();

    /** Under this: drops the bookings older than a second (kept in booking order, nearly time order). */
    private void forgetBookingsBefore(long now) {
        while (!globalBookings.isEmpty() && globalBookings.peekFirst() <= now - ONE_SECOND) {
            globalBookings.pollFirst();
        }
    }

    private void handOver(Work work) {
        Runnable stopNow = null;
        boolean isBackground = false;
        synchronized (this) {
            if (!waiting.remove(work)) {
                return; // cancelled by a hard stop meanwhile
            }
            if (work == backgroundBooked) {
                backgroundBooked = null;
                isBackground = true;
            } else if (work == recordBooked) {
                recordBooked = null;
            } else if (!describe(work.getRoute()).interaction()) {
                foregroundWaiting--;
            }
            if (waiting.isEmpty() && stopWhenDrained != null) {
                stopNow = stopWhenDrained;
                stopWhenDrained = null;
            }
        }
        delegate.enqueue(isBackground ? inFlight(work) : work);
        if (stopNow != null) {
            stopNow.run();
        }
        pumpRecords(); // and then the background
    }

    /** Bookings on the global budget still remembered for the background share (tests: none older than a second). */
    synchronized int bookingsKept() {
        return globalBookings.size();
    }

    /** Background requests not handed to JDA yet (booked or not). */
    public synchronized int backgroundWaiting() {
        return background.size() + (backgroundBooked == null ? 0 : 1);
    }

    /** Requests of the record not handed to JDA yet (booked or not). */
    public synchronized int recordsWaiting() {
        return records.size() + (recordBooked == null ? 0 : 1);
    }

    /** Requests waiting for the gate, not yet handed to JDA's limiter (records and background work not booked yet excluded). */
    public synchronized int waiting() {
        return waiting.size();
    }

    /**
     * A graceful stop ({@code shutdown} false, JDA's {@code shutdown()}) keeps pacing: the
     * requests still waiting for the gate go at their time, and JDA's limiter is stopped once the
     * last of them is handed over (releasing them all at once would break the global limit at
     * the very end). A hard stop ({@code shutdownNow()}) cancels them.
     */
    @Override
    public void stop(boolean shutdown, Runnable callback) {
        List<Work> cancelled = new ArrayList<>();
        List<Work> nowDue = new ArrayList<>();
        java.util.Map<Work, Long> later = new java.util.LinkedHashMap<>();
        boolean stopNow;
        synchronized (this) {
            stopped = true;
            cancelled.addAll(background);
            background.clear();
            if (backgroundBooked != null && waiting.remove(backgroundBooked)) {
                cancelled.add(backgroundBooked);
            }
            backgroundBooked = null;
            if (shutdown) {
                cancelled.addAll(records);
                records.clear();
                recordBooked = null;
                cancelled.addAll(waiting);
                waiting.clear();
                foregroundWaiting = 0;
                stopWhenDrained = null;
                stopNow = true;
            } else {
                // The record still goes, paced: booked now like any other request on the global budget.
                long now = ticker.read();
                for (Work work : records) {
                    long due = Math.max(now + Math.max(0, gate.reserve(describe(work.getRoute()), now)), globalLaneFree);
                    globalLaneFree = due;
                    if (due > now) {
                        waiting.add(work);
                        foregroundWaiting++;
                        later.put(work, due - now);
                    } else {
                        nowDue.add(work);
                    }
                }
                records.clear();
                stopNow = waiting.isEmpty();
                if (!stopNow) {
                    stopWhenDrained = () -> delegate.stop(false, callback);
                }
            }
        }
        cancelled.forEach(Work::cancel);
        nowDue.forEach(delegate::enqueue);
        later.forEach((work, wait) -> scheduler.schedule(() -> handOver(work), Duration.ofNanos(wait)));
        if (stopNow) {
            delegate.stop(shutdown, callback);
        }
    }

    @Override
    public boolean isStopped() {
        return delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
        List<Work> cancelled = new ArrayList<>();
        synchronized (this) {
            background.removeIf(work -> {
                if (work.isPriority() || work.isCancelled()) {
                    return false;
                }
                cancelled.add(work);
                return true;
            });
            records.removeIf(work -> {
                if (work.isPriority() || work.isCancelled()) {
                    return false;
                }
                cancelled.add(work);
                return true;
            });
            waiting.removeIf(work -> {
                if (work.isPriority() || work.isCancelled()) {
                    return false;
                }
                cancelled.add(work);
                return true;
            });
            if (backgroundBooked != null && !waiting.contains(backgroundBooked)) {
                backgroundBooked = null;
            }
            if (recordBooked != null && !waiting.contains(recordBooked)) {
                recordBooked = null;
            }
            foregroundWaiting = (int) waiting.stream()
                    .filter(w -> w != backgroundBooked && w != recordBooked && !describe(w.getRoute()).interaction())
                    .count();
        }
        cancelled.forEach(Work::cancel);
        pumpRecords();
        return cancelled.size() + delegate.cancelRequests();
    }

    /** A request that shows Discord's answer to the gate. */
    private static final class ObservedWork implements Work {
        private final Work work;
        private final RestRequest request;
        private final RestRequestGate gate;
        private final @Nullable SendWindow sendWindow;

        ObservedWork(Work work, RestRequest request, RestRequestGate gate, @Nullable SendWindow sendWindow) {
            this.work = work;
            this.request = request;
            this.gate = gate;
            this.sendWindow = sendWindow;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public okhttp3.@Nullable Response execute() {
            if (sendWindow != null && !work.isSkipped()) {
                try {
                    sendWindow.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            okhttp3.Response response = work.execute();
            if (response != null) {
                gate.observe(request, read(response));
            }
            return response;
        }

        @Override
        public boolean isSkipped() {
            return work.isSkipped();
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }

        @Override
        public boolean isPriority() {
            return work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public void cancel() {
            work.cancel();
        }

        @Override
        public String toString() {
            return "ObservedWork[" + request.label() + "]";
        }
    }

    /** The rate-limit headers of an answer; a malformed header counts as absent. */
    static RestResponse read(okhttp3.Response response) {
        return new RestResponse(
                response.code(),
                Optional.ofNullable(response.header(HASH_HEADER)),
                integer(response.header(LIMIT_HEADER)),
                integer(response.header(REMAINING_HEADER)),
                seconds(response.header(RESET_AFTER_HEADER)),
                seconds(response.header(RETRY_AFTER_HEADER)),
                Boolean.parseBoolean(response.header(GLOBAL_HEADER)),
                Optional.ofNullable(response.header(SCOPE_HEADER)),
                response.header("Via") != null);
    }

    private static OptionalInt integer(@Nullable String header) {
        if (header == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Duration> seconds(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
