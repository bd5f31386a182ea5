package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The window rule of {@link RateLimiter}, for every implementation and any sequence of reservations. */
class RateLimiterContractProperties {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** Some time passes, then a burst of reservations; the caller either waits each out or books ahead. */
    record Step(int pauseMillis, int reservations, boolean waits) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 50),
                        Arbitraries.integers().between(51, 2_500)),
                Arbitraries.integers().between(1, 25),
                Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMaxSize(30);
    }

    @Property(tries = 400)
    void noWindowOfOneSecondEverAdmitsMoreThanTheLimit(@ForAll LimiterKind kind,
                                                       @ForAll @IntRange(min = 1, max = 12) int limit,
                                                       @ForAll("steps") List<Step> steps) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(limit, SECOND, log.clock);
        for (Step step : steps) {
            log.clock.advance(Duration.ofMillis(step.pauseMillis()));
            for (int i = 0; i < step.reservations(); i++) {
                if (step.waits()) {
                    log.acquire(limiter, Route.ANY);
                } else {
                    log.reserve(limiter, Route.ANY);
                }
            }
        }

        assertThat(EventLog.densestWindow(log.admissions(), SECOND)).isLessThanOrEqualTo(kind.slidingBound(limit));
        if (kind.isLimited()) {
            assertThat(EventLog.densestAlignedWindow(log.admissions(), SECOND)).isLessThanOrEqualTo(limit);
        }
        assertThat(log.admissions()).isSorted();
    }

    @Property(tries = 200)
    void noAdmissionFallsInsideTheRetryAfterOfA429(@ForAll LimiterKind kind,
                                                  @ForAll @IntRange(min = 1, max = 10) int limit,
                                                  @ForAll @IntRange(min = 0, max = 20) int before,
                                                  @ForAll @IntRange(min = 1, max = 3_000) int retryAfterMillis,
                                                  @ForAll @IntRange(min = 1, max = 20) int after) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(limit, SECOND, log.clock);
        for (int i = 0; i < before; i++) {
            log.reserve(limiter, Route.ANY);
        }
        var refusedAt = log.clock.instant();
        limiter.onRateLimited(Route.ANY, Duration.ofMillis(retryAfterMillis), false);
        int booked = log.admissions().size();
        for (int i = 0; i < after; i++) {
            log.reserve(limiter, Route.ANY);
        }

        if (kind.honoursRetryAfter()) {
            assertThat(log.admissions().subList(booked, booked + after))
                    .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(refusedAt.plusMillis(retryAfterMillis)));
        }
    }

    /** Some time passes, a burst of reservations, and perhaps a 429 that holds everything back. */
    record HeldStep(int pauseMillis, int reservations, int retryAfterMillis) {
    }

    @Provide
    Arbitrary<List<HeldStep>> heldSteps() {
        return Combinators.combine(Arbitraries.integers().between(0, 1_500), Arbitraries.integers().between(0, 15),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 3_000)))
                .as(HeldStep::new).list().ofMaxSize(20);
    }

    /**
     * The hold-back of a 429 ({@link RateLimiter#holdingBack}) and the window rule together:
     * nothing is admitted inside a hold, and the requests held back do not go together when it
     * ends (each limiter books from the end of the hold).
     */
    @Property(tries = 300)
    void theWindowRuleHoldsAcrossTheHoldOfA429(@ForAll LimiterKind kind,
                                               @ForAll @IntRange(min = 1, max = 10) int limit,
                                               @ForAll("heldSteps") List<HeldStep> steps) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(limit, SECOND, log.clock);
        List<java.time.Instant> holdEnds = new java.util.ArrayList<>();
        List<Integer> bookedAtHold = new java.util.ArrayList<>();
        for (HeldStep step : steps) {
            log.clock.advance(Duration.ofMillis(step.pauseMillis()));
            if (step.retryAfterMillis() > 0) {
                limiter.onRateLimited(Route.ANY, Duration.ofMillis(step.retryAfterMillis()), true);
                holdEnds.add(log.clock.instant().plusMillis(step.retryAfterMillis()));
                bookedAtHold.add(log.admissions().size());
            }
            for (int i = 0; i < step.reservations(); i++) {
                log.reserve(limiter, Route.ANY);
            }
        }

        assertThat(EventLog.densestWindow(log.admissions(), SECOND)).isLessThanOrEqualTo(kind.slidingBound(limit));
        if (kind.honoursRetryAfter()) {
            for (int h = 0; h < holdEnds.size(); h++) {
                java.time.Instant end = holdEnds.get(h);
                assertThat(log.admissions().subList(bookedAtHold.get(h), log.admissions().size()))
                        .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(end));
            }
        }
    }
}
