package dev.matchwave.discord.rest;

import dev.matchwave.discord.timing.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The last check before a request on the global budget leaves: at most {@code permits} sends
 * start in any window of {@code window}, and (optionally) no two closer than a spacing, counted
 * when JDA really sends them.
 *
 * <p>Why a second check: the {@link RestRequestGate} books each request when it is queued, but
 * JDA's limiter keeps one request at a time per bucket, so a bucket's backlog (opening DM
 * channels, one shared route) goes out later than booked, and together with requests on time it
 * can exceed the global limit in some second (a global 429 in about one run in four of the
 * offline demo's first 200-player wave). Counting at the send closes that gap; it rarely waits,
 * since the gate has already spread the requests.
 *
 * <p>Thread-safe: {@link #admit} decides under the window's lock and never blocks;
 * {@link #acquire} pauses outside it.
 */
final class SendWindow {

    /** How a caller waits: {@code Thread::sleep} in production, a fake clock's advance in tests. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final Pause pause;
    private final ArrayDeque<Long> sends = new ArrayDeque<>();
    private final long spacingNanos;

    /**
     * @param permits sends allowed in any window, at least 1
     * @param window  the window, positive
     */
    public SendWindow(int permits, Duration window, Ticker ticker, Pause pause) {
        this(permits, window, Duration.ZERO, ticker, pause);
    }

    /**
     * @param spacing the least time between two sends, zero or more: sends paced evenly rather
     *                than in bursts, so that delays after the send (JDA's threads, the network,
     *                the server's own queue) can push only a few more into one of the server's
     *                windows than it is meant to hold
     */
    public SendWindow(int permits, Duration window, Duration spacing, Ticker ticker, Pause pause) {
        Objects.requireNonNull(spacing, "spacing");
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing must not be negative, got " + spacing);
        }
        this.spacingNanos = spacing.toNanos();
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        Objects.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * The least time between two sends on the global budget: (1 s + 200 ms) / 50. Sends this far
     * apart that arrive up to 200 ms later than they left (JDA's threads, the network, Discord's
     * own queue, a busy host) still fall at most 50 into any second of arrivals.
     */
    static final Duration GLOBAL_SPACING = Duration.ofMillis(24);

    /**
     * The window of the gate's global limit, its sends spaced evenly ({@link #GLOBAL_SPACING}, or
     * {@code 1 s / perSecond} if that is longer), paused with {@code Thread.sleep}. In bursts (45
     * sends at once, the next 45 a second later) the local Discord counted up to 57 requests in
     * one second of arrivals: the first burst's tail arrived late, the next burst on time. Spaced
     * at 1/45 s, the busiest second held 49 on a quiet machine and 53 beside a CPU burner; at
     * 24 ms, 44 and 45.
     */
    public static SendWindow forGlobalLimit(int perSecond, Ticker ticker) {
        Duration even = Duration.ofSeconds(1).dividedBy(perSecond);
        return new SendWindow(perSecond, Duration.ofSeconds(1),
                even.compareTo(GLOBAL_SPACING) > 0 ? even : GLOBAL_SPACING, ticker, Thread::sleep);
    }

    /**
     * Records a send now if it fits.
     *
     * @return zero if the send was recorded, else how long until it may fit (nothing recorded)
     */
    public synchronized Duration admit() {
        long now = ticker.read();
        while (!sends.isEmpty() && now - sends.peekFirst() >= windowNanos) {
            sends.pollFirst();
        }
        long spacedUntil = sends.isEmpty() ? now : sends.peekLast() + spacingNanos;
        if (sends.size() < permits && spacedUntil <= now) {
            sends.addLast(now);
            return Duration.ZERO;
        }
        long windowUntil = sends.size() < permits ? now : sends.peekFirst() + windowNanos;
        return Duration.ofNanos(Math.max(1, Math.max(windowUntil, spacedUntil) - now));
    }

    /** Waits until a send fits, then records it. */
    public void acquire() throws InterruptedException {
        for (Duration wait = admit(); !wait.isZero(); wait = admit()) {
            pause.pause(wait);
        }
    }

    /** Sends recorded in the window ending now. */
    public synchronized int inWindow() {
        long now = ticker.read();
        return (int) sends.stream().filter(at -> now - at < windowNanos).count();
    }
}
