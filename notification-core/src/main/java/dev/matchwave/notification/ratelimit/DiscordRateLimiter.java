package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Discord's limits as developers/topics/rate-limits describes them:
 * <ul>
 * <li>a global bucket shared by every route that counts toward it (interaction endpoints do
 * not), kept as a sliding window: Discord does not say how it counts, and a schedule that
 * respects every window of a second respects any way of counting them;</li>
 * <li>per-route buckets, keyed by the {@code X-RateLimit-Bucket} id (or the route until one is
 * seen) and the major parameter, with the limit and window the headers report;</li>
 * <li>a 429 holds back the global bucket (flag {@code global}) or the route's bucket for
 * {@code retry_after}; a response with {@code Remaining: 0} holds the route back until reset.</li>
 * </ul>
 * A request waits for whichever of its buckets admits it last; a request held back by its own
 * route does not hold back requests booked after it on other routes.
 *
 * <p>Thread-safe: every method locks this object.
 */
final class DiscordRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private final DiscordLimits limits;
    private final InstantSource clock;
    private final long headroom;
    private final WindowLog global;
    private long globalBlockedUntil = Long.MIN_VALUE;
    /** Route template to the bucket id Discord reported for it. */
    private final Map<String, String> bucketOfRoute = new HashMap<>();
    /** Bucket id (or route template) to the limit its headers reported. */
    private final Map<String, RouteLimit> learnt = new HashMap<>();
    /** Bucket id (or route template) and major parameter to the bookings on that bucket. */
    private final Map<String, RouteBucket> buckets = new HashMap<>();
    /** Route templates whose answers carry no rate-limit headers: no per-route limit, the global one only. */
    private final Set<String> withoutRouteLimit = new HashSet<>();
    private int reservationsSinceSweep;

    DiscordRateLimiter(DiscordLimits limits, InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.headroom = limits.headroom().toNanos();
        this.global = new WindowLog(limits.globalLimit(), limits.globalWindow().toNanos() + headroom);
    }

    private record RouteLimit(int limit, long window) {
    }

    private static final class RouteBucket {
        WindowLog log;
        long blockedUntil = Long.MIN_VALUE;

        RouteBucket(WindowLog log) {
            this.log = log;
        }
    }

    @Override
    public synchronized Reservation reserve(Route route) {
        long now = Nanos.now(clock);
        global.forgetBefore(now);
        if (withoutRouteLimit.contains(route.name())) {
            if (!route.globallyLimited()) {
                return Reservation.ofNanos(0);
            }
            long probe = Math.max(now, globalBlockedUntil);
            long t = global.earliest(probe);
            global.book(t, probe);
            return Reservation.ofNanos(t - now);
        }
        RouteBucket bucket = bucket(route);
        bucket.log.forgetBefore(now);
        long t = Math.max(now, bucket.blockedUntil);
        if (route.globallyLimited()) {
            t = Math.max(t, globalBlockedUntil);
        }
        // Ask each log in turn until both admit the same time. Each log is booked with the
        // smallest probe it answered that time for, which keeps its fast path (WindowLog#earliest).
        long routeProbe;
        long globalProbe = t;
        boolean fromGlobal = false;
        while (true) {
            routeProbe = t;
            long byRoute = bucket.log.earliest(t);
            if (!route.globallyLimited()) {
                t = byRoute;
                break;
            }
            if (fromGlobal && byRoute == t) {
                break;
            }
            globalProbe = byRoute;
            t = global.earliest(byRoute);
            if (t == byRoute) {
                break;
            }
            fromGlobal = true;
        }
        bucket.log.book(t, routeProbe);
        if (route.globallyLimited()) {
            global.book(t, globalProbe);
        }
        if (++reservationsSinceSweep >= SWEEP_EVERY) {
            sweep(now);
        }
        return Reservation.ofNanos(t - now);
    }

    @Override
    public synchronized void onResponse(Route route, RateLimitHeaders headers) {
        long now = Nanos.now(clock);
        withoutRouteLimit.remove(route.name());
        headers.bucket().ifPresent(id -> learnBucket(route, id));
        String id = bucketId(route);
        long resetAfter = headers.resetAfter().toNanos();
        RouteLimit before = learnt.get(id);
        // The first response of a window reports the whole window; later ones less of it.
        long window = Math.max(resetAfter, before == null ? 0 : before.window());
        learnt.put(id, new RouteLimit(headers.limit(), Math.max(window, 1)));
        RouteBucket bucket = bucket(route);
        if (headers.remaining() == 0) {
            bucket.blockedUntil = Math.max(bucket.blockedUntil, now + resetAfter + headroom);
        }
    }

    /**
     * Without headers Discord says the route has no bucket of its own (docs/discord.md: per-route
     * limits are read from the headers, never hard-coded): the assumed limit, a guess until the
     * first answer, must not hold it to 5 per 5 s for good.
     */
    @Override
    public synchronized void onResponseWithoutLimit(Route route) {
        withoutRouteLimit.add(route.name());
    }

    @Override
    public synchronized void onRateLimited(Route route, Duration retryAfter, boolean global) {
        long until = Nanos.plus(Nanos.now(clock), retryAfter.plusNanos(headroom));
        if (global) {
            globalBlockedUntil = Math.max(globalBlockedUntil, until);
        } else {
            RouteBucket bucket = bucket(route);
            bucket.blockedUntil = Math.max(bucket.blockedUntil, until);
        }
    }

    /**
     * Discord names the route's bucket: the route's bookings move there, merged with those of
     * other routes in the same bucket, so that no booking is forgotten on the way.
     */
    private void learnBucket(Route route, String id) {
        String before = bucketOfRoute.put(route.name(), id);
        String from = before != null ? before : route.name();
        if (from.equals(id)) {
            return;
        }
        RouteLimit limit = learnt.get(from);
        if (limit != null) {
            learnt.putIfAbsent(id, limit);
        }
        String prefix = from + " ";
        List<String> moving = buckets.keySet().stream()
                .filter(key -> key.equals(from) || key.startsWith(prefix))
                .toList();
        for (String key : moving) {
            RouteBucket moved = buckets.remove(key);
            String target = id + key.substring(from.length());
            buckets.merge(target, moved, (here, there) -> {
                here.log = here.log.union(there.log);
                here.blockedUntil = Math.max(here.blockedUntil, there.blockedUntil);
                return here;
            });
        }
    }

    private String bucketId(Route route) {
        return bucketOfRoute.getOrDefault(route.name(), route.name());
    }

    /** The route's bucket, made or remade to the limit last learnt for it. */
    private RouteBucket bucket(Route route) {
        String id = bucketId(route);
        RouteLimit known = learnt.get(id);
        int limit = known != null ? known.limit() : limits.assumedRouteLimit();
        long window = (known != null ? known.window() : limits.assumedRouteWindow().toNanos()) + headroom;
        String key = route.majorParameter().isEmpty() ? id : id + " " + route.majorParameter();
        RouteBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new RouteBucket(new WindowLog(limit, window));
            buckets.put(key, bucket);
        } else if (bucket.log.limit() != limit || bucket.log.window() != window) {
            bucket.log = bucket.log.withRule(limit, window);
        }
        return bucket;
    }

    /** Forgets the buckets with nothing booked and nothing held back: one per channel or token otherwise. */
    private void sweep(long now) {
        reservationsSinceSweep = 0;
        for (Iterator<RouteBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            RouteBucket bucket = it.next();
            bucket.log.forgetBefore(now);
            if (bucket.log.isEmpty() && bucket.blockedUntil <= now) {
                it.remove();
            }
        }
    }

    /** How many per-route buckets are held (for tests: they must not pile up). */
    synchronized int bucketCount() {
        return buckets.size();
    }

    @Override
    public String toString() {
        return "RateLimiter.discord(" + limits + ")";
    }
}
