package dev.matchwave.emulator.ratelimit;

import dev.matchwave.emulator.ratelimit.RateLimitDecision.Allowed;
import dev.matchwave.emulator.ratelimit.RateLimitDecision.Banned;
import dev.matchwave.emulator.ratelimit.RateLimitDecision.BucketState;
import dev.matchwave.emulator.ratelimit.RateLimitDecision.Limited;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, request by request, whether Discord would let it through: the Cloudflare ban first,
 * then the global budget (fixed one-second windows; interaction routes exempt), then the
 * route's bucket (a fixed window that starts with its first request). A request that goes is
 * counted in both; a refused one in neither. Then {@link #observe} counts the invalid answers.
 *
 * <p>Time comes from the caller, so a test drives it with any clock. Thread-safe (one lock);
 * never blocks.
 */
public final class RouteLimiter {

    private static final int PRUNE_AT = 4096;

    private final RateLimits limits;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final ArrayDeque<Instant> invalid = new ArrayDeque<>();
    private long globalSecond = Long.MIN_VALUE;
    private int globalCount;
    private Instant bannedUntil = Instant.MIN;

    public RouteLimiter(RateLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits this decides by. */
    public RateLimits limits() {
        return limits;
    }

    /** Decides for one request at {@code now}; a request that may go is counted. */
    public synchronized RateLimitDecision decide(LimitedRoute request, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        if (now.isBefore(bannedUntil)) {
            return new Banned(Duration.between(now, bannedUntil));
        }
        Optional<BucketLimit> limit = limits.bucketOf(request);
        Window window = limit.map(l -> window(request, l, now)).orElse(null);
        if (!request.interaction()) {
            long second = Math.floorDiv(now.toEpochMilli(), 1000);
            if (second != globalSecond) {
                globalSecond = second;
                globalCount = 0;
            }
            if (globalCount >= limits.globalPerSecond()) {
                Duration untilNextSecond = Duration.ofMillis((second + 1) * 1000 - now.toEpochMilli());
                return new Limited(RateLimitScope.GLOBAL, untilNextSecond, Optional.empty());
            }
        }
        if (window != null && window.count >= window.limit.requests()) {
            BucketState state = window.state(now);
            return new Limited(RateLimitScope.USER, state.resetAfter().isZero() ? Duration.ofMillis(1) : state.resetAfter(),
                    Optional.of(state));
        }
        if (!request.interaction()) {
            globalCount++;
        }
        if (window == null) {
            return new Allowed(Optional.empty());
        }
        window.count++;
        return new Allowed(Optional.of(window.state(now)));
    }

    /**
     * Counts an answer toward the invalid-request limit: 401, 403, and 429 unless its scope is
     * shared. Reaching the limit within the window starts a ban.
     *
     * @param status  the HTTP status sent
     * @param scope   the 429's scope, if it was one
     */
    public synchronized void observe(int status, Optional<RateLimitScope> scope, Instant now) {
        boolean invalidRequest = status == 401 || status == 403
                || (status == 429 && scope.map(s -> s != RateLimitScope.SHARED).orElse(true));
        if (!invalidRequest) {
            return;
        }
        invalid.addLast(now);
        prune(now);
        if (invalid.size() >= limits.invalidRequestLimit()) {
            bannedUntil = now.plus(limits.banDuration());
            invalid.clear();
        }
    }

    /** Invalid requests within the window ending now. */
    public synchronized int invalidRequests(Instant now) {
        prune(now);
        return invalid.size();
    }

    /** Whether requests are banned at {@code now}. */
    public synchronized boolean banned(Instant now) {
        return now.isBefore(bannedUntil);
    }

    /** The X-RateLimit-Bucket value of a route: stable, opaque, 32 hex digits like Discord's. */
    public static String hashOf(String route) {
        return UUID.nameUUIDFromBytes(route.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(limits.invalidRequestWindow());
        while (!invalid.isEmpty() && !invalid.peekFirst().isAfter(horizon)) {
            invalid.removeFirst();
        }
    }

    private Window window(LimitedRoute request, BucketLimit limit, Instant now) {
        String hash = hashes.computeIfAbsent(request.route(), RouteLimiter::hashOf);
        String key = hash + ":" + request.majorParameters();
        if (windows.size() >= PRUNE_AT) {
            windows.values().removeIf(w -> !now.isBefore(w.resetAt));
        }
        Window window = windows.computeIfAbsent(key, k -> new Window(hash, request.majorParameters(), limit));
        window.roll(now);
        return window;
    }

    private static final class Window {
        final String hash;
        final String major;
        final BucketLimit limit;
        Instant resetAt = Instant.MIN;
        int count;

        Window(String hash, String major, BucketLimit limit) {
            this.hash = hash;
            this.major = major;
            this.limit = limit;
        }

        void roll(Instant now) {
            if (!now.isBefore(resetAt)) {
                resetAt = now.plus(limit.window());
                count = 0;
            }
        }

        BucketState state(Instant now) {
            return new BucketState(hash, major, limit.requests(), Math.max(0, limit.requests() - count), resetAt, now);
        }
    }
}
