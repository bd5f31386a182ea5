package dev.matchwave.emulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.emulator.ratelimit.RateLimitDecision.Allowed;
import dev.matchwave.emulator.ratelimit.RateLimitDecision.BucketState;
import dev.matchwave.emulator.ratelimit.RateLimitDecision.Limited;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The limiter under random traffic on three routes (one per channel, one without a resource,
 * one interaction route) with the clock moving: what it lets through never exceeds the global
 * budget in a second nor a bucket's limit in its window, the headers tell the truth about what
 * is left, a refusal says exactly how long to wait, and waiting that long is enough.
 */
class RouteLimiterProperties {

    private static final int GLOBAL = 4;
    private static final BucketLimit ROUTE = new BucketLimit(3, Duration.ofMillis(900));
    private static final BucketLimit INTERACTION = new BucketLimit(2, Duration.ofMillis(500));
    private static final RateLimits LIMITS = new RateLimits(GLOBAL, ROUTE, INTERACTION, Map.of(), 1_000_000,
            Duration.ofMinutes(10), Duration.ofMinutes(1));
    private static final List<String> ROUTES = List.of("POST /channels/{channel_id}/messages", "GET /users/@me",
            "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}");

    record Sent(Instant at, LimitedRoute route, RateLimitDecision decision) {
    }

    static final class Model {
        final RouteLimiter limiter = new RouteLimiter(LIMITS);
        final List<Sent> sent = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00.123Z");

        Model request(int route, int major) {
            boolean interaction = route == 2;
            String majors = switch (route) {
                case 0 -> "channel_id=" + major;
                case 2 -> "interaction_token=t" + major;
                default -> "";
            };
            LimitedRoute request = new LimitedRoute(ROUTES.get(route), majors, interaction);
            RateLimitDecision decision = limiter.decide(request, now);
            sent.add(new Sent(now, request, decision));
            check(sent.get(sent.size() - 1));
            return this;
        }

        Model advance(int millis) {
            now = now.plusMillis(millis);
            return this;
        }

        private long allowedGlobalInSecondOf(Instant at) {
            long second = Math.floorDiv(at.toEpochMilli(), 1000);
            return sent.stream().filter(s -> s.decision instanceof Allowed && !s.route.interaction())
                    .filter(s -> Math.floorDiv(s.at.toEpochMilli(), 1000) == second).count();
        }

        private long allowedInWindow(Sent last, BucketState state, BucketLimit limit) {
            Instant windowStart = state.resetAt().minus(limit.window());
            return sent.stream().filter(s -> s.decision instanceof Allowed && s.route.equals(last.route))
                    .filter(s -> !s.at.isBefore(windowStart)).count();
        }

        private void check(Sent last) {
            assertThat(allowedGlobalInSecondOf(last.at)).as("non-interaction requests let through this second")
                    .isLessThanOrEqualTo(GLOBAL);
            BucketLimit limit = last.route.interaction() ? INTERACTION : last.route.majorParameters().isEmpty() ? null : ROUTE;
            switch (last.decision) {
                case Allowed allowed -> {
                    assertThat(allowed.state().isPresent()).as("a bucket exactly when the route has one")
                            .isEqualTo(limit != null);
                    allowed.state().ifPresent(state -> {
                        assertThat(state.remaining()).isBetween(0, limit.requests() - 1);
                        assertThat(allowedInWindow(last, state, limit)).as("Remaining tells what is left")
                                .isEqualTo(limit.requests() - state.remaining());
                        assertThat(state.resetAfter()).isPositive().isLessThanOrEqualTo(limit.window());
                        assertThat(allowed.headers()).containsEntry("X-RateLimit-Remaining",
                                Integer.toString(state.remaining()));
                    });
                }
                case Limited limited -> {
                    assertThat(limited.retryAfter()).isPositive();
                    if (limited.global()) {
                        assertThat(last.route.interaction()).as("interaction routes are exempt").isFalse();
                        assertThat(allowedGlobalInSecondOf(last.at)).isEqualTo(GLOBAL);
                        assertThat(last.at.plus(limited.retryAfter()).toEpochMilli() % 1000).isZero();
                        assertThat(limited.headers()).containsEntry("X-RateLimit-Global", "true")
                                .containsEntry("X-RateLimit-Scope", "global");
                    } else {
                        BucketState state = limited.state().orElseThrow();
                        assertThat(allowedInWindow(last, state, limit)).isEqualTo(limit.requests());
                        assertThat(last.at.plus(limited.retryAfter())).isEqualTo(state.resetAt());
                        assertThat(limited.headers()).containsEntry("X-RateLimit-Scope", "user")
                                .doesNotContainKey("X-RateLimit-Global");
                    }
                    assertThat(limited.headers()).containsKeys("Via", "Retry-After");
                }
                case RateLimitDecision.Banned banned -> throw new AssertionError("no invalid requests here: " + banned);
            }
        }

        @Override
        public String toString() {
            return "Model[" + sent.size() + " requests]";
        }
    }

    static final class Request implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 2))
                    .as((route, major) -> Transformer.mutate("request " + ROUTES.get(route) + " #" + major,
                            model -> model.request(route, major)));
        }
    }

    static final class Advance implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(1, 700)
                    .map(ms -> Transformer.mutate("advance " + ms + " ms", model -> model.advance(ms)));
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> traffic() {
        return ActionChain.startWith(Model::new)
                .withAction(6, new Request())
                .withAction(2, new Advance())
                .withMaxTransformations(60);
    }

    @Property(tries = 300)
    void theLimitsHoldAndTheHeadersTellTheTruth(@ForAll("traffic") ActionChain<Model> chain) {
        chain.run();
    }

    /** Waiting the retry_after of a refusal is enough, when nothing else happens meanwhile. */
    @Property(tries = 200)
    void waitingRetryAfterIsEnough(@ForAll @IntRange(min = 0, max = 2) int route,
                                   @ForAll @IntRange(min = 1, max = 12) int burst,
                                   @ForAll @IntRange(min = 0, max = 999) int startMillis) {
        Model model = new Model().advance(startMillis);
        for (int i = 0; i < burst; i++) {
            model.request(route, 1);
        }
        Optional<Limited> refused = model.sent.stream().map(Sent::decision).filter(Limited.class::isInstance)
                .map(Limited.class::cast).reduce((a, b) -> b);
        refused.ifPresent(limited -> {
            model.advance((int) limited.retryAfter().toMillis());
            model.request(route, 1);
            assertThat(model.sent.get(model.sent.size() - 1).decision()).isInstanceOf(Allowed.class);
        });
    }

    @Property(tries = 100)
    void invalidRequestsBanOnceTheyReachTheLimit(@ForAll @IntRange(min = 1, max = 20) int limit,
                                                 @ForAll @IntRange(min = 0, max = 40) int invalid) {
        RouteLimiter limiter = new RouteLimiter(RateLimits.generous()
                .withInvalidRequests(limit, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        LimitedRoute route = new LimitedRoute("GET /users/@me", "", false);
        for (int i = 0; i < invalid && !limiter.banned(now); i++) {
            limiter.observe(i % 2 == 0 ? 401 : 403, Optional.empty(), now);
        }
        // A 429 of scope shared never counts.
        limiter.observe(429, Optional.of(RateLimitScope.SHARED), now);
        boolean banned = invalid >= limit;
        assertThat(limiter.banned(now)).isEqualTo(banned);
        assertThat(limiter.decide(route, now)).isInstanceOf(banned ? RateLimitDecision.Banned.class : Allowed.class);
        assertThat(limiter.decide(route, now.plus(Duration.ofMinutes(1)))).isInstanceOf(Allowed.class);
    }
}
