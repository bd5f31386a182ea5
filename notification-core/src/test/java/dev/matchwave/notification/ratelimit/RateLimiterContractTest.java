package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract of {@link RateLimiter}, run against every implementation. */
class RateLimiterContractTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void acquiringBackToBackFollowsTheExpectedLog(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(4, SECOND, log.clock);
        for (int i = 0; i < 6; i++) {
            log.acquire(limiter, Route.ANY);
        }
        log.sleep(SECOND);
        log.acquire(limiter, Route.ANY);
        log.acquire(limiter, Route.ANY);

        assertThat(log.events()).containsExactlyElementsOf(kind.expectedAcquireLog());
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void reservationsBookAheadWithoutAnyoneWaiting(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(4, SECOND, log.clock);
        for (int i = 0; i < 6; i++) {
            log.reserve(limiter, Route.ANY);
        }

        assertThat(log.events()).containsExactlyElementsOf(kind.expectedBookingLog());
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void aFreshLimiterAdmitsTheFirstRequestAtOnce(LimiterKind kind) {
        EventLog log = new EventLog();
        log.clock.advance(Duration.ofMillis(123_456));

        assertThat(kind.create(1, Duration.ofHours(1), log.clock).reserve(Route.ANY).isImmediate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void laterReservationsAreNeverAdmittedBeforeEarlierOnes(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(3, SECOND, log.clock);
        for (int i = 0; i < 40; i++) {
            log.reserve(limiter, Route.ANY);
            log.clock.advance(Duration.ofMillis(i % 7 * 45));
        }

        assertThat(log.admissions()).isSorted();
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void aRateLimitedAnswerHoldsLaterRequestsBackForRetryAfter(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(100, SECOND, log.clock);
        log.acquire(limiter, Route.ANY);
        limiter.onRateLimited(Route.ANY, Duration.ofMillis(2_500), true);
        log.acquire(limiter, Route.ANY);

        assertThat(log.events()).containsExactlyElementsOf(kind.honoursRetryAfter()
                ? List.of("R0.00", "R2.50")
                : List.of("R0.00", "R0.00"));
    }

    @org.junit.jupiter.api.Test
    void theHoldBackWrapsALimiterOfOnesOwnAndPassesTheAnswersOn() {
        EventLog log = new EventLog();
        List<String> heard = new java.util.ArrayList<>();
        RateLimiter own = new RateLimiter() {
            @Override
            public Reservation reserve(Route route) {
                return Reservation.IMMEDIATE;
            }

            @Override
            public void onRateLimited(Route route, Duration retryAfter, boolean global) {
                heard.add(route.name() + " " + retryAfter.toMillis() + (global ? " global" : ""));
            }
        };
        RateLimiter held = RateLimiter.holdingBack(own, log.clock);
        log.acquire(held, Route.ANY);
        held.onRateLimited(Route.ANY, Duration.ofMillis(1_250), true);
        log.acquire(held, Route.ANY);
        log.acquire(held, Route.ANY);

        assertThat(log.events()).as("the third comes after the hold, at once").containsExactly("R0.00", "R1.25", "R0.00");
        assertThat(heard).containsExactly("* 1250 global");
        assertThat(held).hasToString(own.toString());
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void headersThatLeaveRoomChangeNothingForLimitersWithoutRoutes(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(2, SECOND, log.clock);
        limiter.onResponse(Route.ANY, new RateLimitHeaders(java.util.Optional.empty(), 1000, 999, SECOND));
        log.reserve(limiter, Route.ANY);
        log.reserve(limiter, Route.ANY);
        log.reserve(limiter, Route.ANY);

        assertThat(log.events().get(2)).isEqualTo(kind.isLimited() ? "R1.00" : "R0.00");
    }

    @ParameterizedTest
    @EnumSource(value = LimiterKind.class, names = "UNLIMITED", mode = EnumSource.Mode.EXCLUDE)
    void badSettingsFailNamingTheOption(LimiterKind kind) {
        EventLog log = new EventLog();
        assertThatThrownBy(() -> kind.create(0, SECOND, log.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(permits|globalLimit) must be at least 1, got 0");
        assertThatThrownBy(() -> kind.create(5, Duration.ZERO, log.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(window|globalWindow) must be positive, got PT0S");
    }

    @ParameterizedTest
    @EnumSource(LimiterKind.class)
    void theFixedWindowIsTheOnlyOneThatLetsTwiceTheLimitThroughAcrossABoundary(LimiterKind kind) {
        EventLog log = new EventLog();
        RateLimiter limiter = kind.create(4, SECOND, log.clock);
        log.clock.advance(Duration.ofMillis(900));
        for (int i = 0; i < 8; i++) {
            log.reserve(limiter, Route.ANY);
        }
        int densest = EventLog.densestWindow(log.admissions(), SECOND);

        if (kind == LimiterKind.FIXED_WINDOW) {
            assertThat(densest).isEqualTo(8);
        } else if (kind.isLimited()) {
            assertThat(densest).isLessThanOrEqualTo(4);
        }
        assertThat(log.admissions()).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00.900Z")));
    }
}
