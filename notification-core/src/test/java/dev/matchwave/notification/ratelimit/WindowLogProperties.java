package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link WindowLog#earliest} against brute force: allowed, and nothing earlier is. */
class WindowLogProperties {

    private static final long WINDOW = 1_000;

    /** The clock moves on by {@code advance}, then someone asks for a time at or after now + {@code ahead}. */
    record Ask(int advance, int ahead) {
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        Arbitrary<Integer> advance = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 1_500));
        Arbitrary<Integer> ahead = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 4_000));
        return Combinators.combine(advance, ahead).as(Ask::new).list().ofMaxSize(60);
    }

    @Property(tries = 500)
    void earliestIsAllowedAndNothingBeforeItIs(@ForAll @IntRange(min = 1, max = 6) int limit,
                                              @ForAll("asks") List<Ask> asks) {
        WindowLog log = new WindowLog(limit, WINDOW);
        List<Long> booked = new ArrayList<>();
        long now = 0;
        for (Ask ask : asks) {
            now += ask.advance();
            log.forgetBefore(now);
            long notBefore = now + ask.ahead();

            long t = log.earliest(notBefore);

            assertThat(t).isGreaterThanOrEqualTo(notBefore);
            assertThat(allowed(booked, t, limit)).as("t = %d allowed", t).isTrue();
            // The earliest allowed time is notBefore or the end of some booked time's window.
            for (long candidate : candidates(booked, notBefore, t)) {
                assertThat(allowed(booked, candidate, limit)).as("%d before %d allowed", candidate, t).isFalse();
            }
            log.book(t, notBefore);
            booked.add(t);
        }
    }

    private static List<Long> candidates(List<Long> booked, long notBefore, long before) {
        List<Long> candidates = new ArrayList<>();
        if (notBefore < before) {
            candidates.add(notBefore);
        }
        for (long at : booked) {
            if (at + WINDOW > notBefore && at + WINDOW < before) {
                candidates.add(at + WINDOW);
            }
        }
        return candidates;
    }

    /** Whether one more admission at t keeps every window [s, s + WINDOW) at or under the limit. */
    private static boolean allowed(List<Long> booked, long t, int limit) {
        List<Long> with = new ArrayList<>(booked);
        with.add(t);
        for (long start : with) {
            for (long s : new long[] {start, start - WINDOW + 1}) {
                long count = with.stream().filter(x -> x >= s && x < s + WINDOW).count();
                if (count > limit) {
                    return false;
                }
            }
        }
        return true;
    }
}
