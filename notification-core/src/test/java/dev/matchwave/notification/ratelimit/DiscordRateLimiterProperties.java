package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The Discord model keeps the global and the per-route windows over any mix of routes and feedback. */
class DiscordRateLimiterProperties {

    private static final int GLOBAL = 5;
    private static final int PER_ROUTE = 2;
    private static final Duration ROUTE_WINDOW = Duration.ofSeconds(3);

    private static final List<Route> ROUTES = List.of(Route.channelMessage("a"), Route.channelMessage("b"),
            Route.channelMessage("c"), Route.openDm(), Route.interactionEdit("x"), Route.interactionEdit("y"));

    /** Time passes, then one request on a route, perhaps followed by a 429 for it. */
    record Op(int pauseMillis, int route, int retryAfterMillis, boolean global) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> pause = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 1_200));
        Arbitrary<Integer> retryAfter = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4_000)));
        return Combinators.combine(pause, Arbitraries.integers().between(0, ROUTES.size() - 1), retryAfter,
                Arbitraries.of(true, false)).as(Op::new).list().ofMaxSize(80);
    }

    @Property(tries = 400)
    void globalAndRouteWindowsHoldAndNothingGoesInsideARetryAfter(@ForAll("ops") List<Op> ops) {
        EventLog log = new EventLog();
        RateLimiter limiter = RateLimiter.discord(
                new DiscordLimits(GLOBAL, Duration.ofSeconds(1), Duration.ZERO, PER_ROUTE, ROUTE_WINDOW), log.clock);
        List<Instant> global = new ArrayList<>();
        Map<Route, List<Instant>> perRoute = new HashMap<>();
        Instant globalHeldUntil = Instant.MIN;
        Map<Route, Instant> routeHeldUntil = new HashMap<>();

        for (Op op : ops) {
            log.clock.advance(Duration.ofMillis(op.pauseMillis()));
            Route route = ROUTES.get(op.route());
            Instant admitted = log.clock.instant().plus(limiter.reserve(route).delay());

            if (route.globallyLimited()) {
                global.add(admitted);
                assertThat(admitted).isAfterOrEqualTo(globalHeldUntil);
            }
            assertThat(admitted).isAfterOrEqualTo(routeHeldUntil.getOrDefault(route, Instant.MIN));
            perRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(admitted);

            if (op.retryAfterMillis() > 0) {
                Duration retryAfter = Duration.ofMillis(op.retryAfterMillis());
                limiter.onRateLimited(route, retryAfter, op.global());
                Instant until = log.clock.instant().plus(retryAfter);
                if (op.global()) {
                    globalHeldUntil = until.isAfter(globalHeldUntil) ? until : globalHeldUntil;
                } else {
                    routeHeldUntil.merge(route, until, (x, y) -> x.isAfter(y) ? x : y);
                }
            }
        }

        assertThat(EventLog.densestWindow(global, Duration.ofSeconds(1))).isLessThanOrEqualTo(GLOBAL);
        perRoute.forEach((route, admissions) ->
                assertThat(EventLog.densestWindow(admissions, ROUTE_WINDOW)).as(route.toString())
                        .isLessThanOrEqualTo(PER_ROUTE));
    }
}
