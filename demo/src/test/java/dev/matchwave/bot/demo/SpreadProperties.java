package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Spread's percentiles against a sort-and-count oracle. */
class SpreadProperties {

    @Property(tries = 500)
    void percentilesAgreeWithTheDefinition(@ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 5_000_000_000L) Long> nanos) {
        Spread spread = Spread.of(nanos.stream().map(Duration::ofNanos).toList());

        assertThat(spread.count()).isEqualTo(nanos.size());
        assertThat(spread.p50().toNanos()).isEqualTo(oracle(nanos, 50));
        assertThat(spread.p95().toNanos()).isEqualTo(oracle(nanos, 95));
        assertThat(spread.max().toNanos()).isEqualTo(nanos.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Property(tries = 300)
    void nearestRankIsTheSmallestValueCoveringThePercent(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = -1000, max = 1000) Long> values,
            @ForAll @IntRange(min = 1, max = 100) int percent) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();

        assertThat(Spread.nearestRank(sorted, percent)).isEqualTo(oracle(values, percent));
    }

    @Property(tries = 200)
    void theOrderOfTheDurationsDoesNotMatter(@ForAll @Size(min = 1, max = 100) List<@LongRange(min = 0, max = 1_000_000) Long> nanos) {
        List<Long> reversed = new ArrayList<>(nanos);
        java.util.Collections.reverse(reversed);

        assertThat(Spread.of(reversed.stream().map(Duration::ofNanos).toList()))
                .isEqualTo(Spread.of(nanos.stream().map(Duration::ofNanos).toList()));
    }

    /**
     * By the definition, not the rank formula: the smallest value v with at least p% of the
     * values at or below it, i.e. 100 * count(x <= v) >= p * n.
     */
    private static long oracle(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        for (long candidate : sorted) {
            long atOrBelow = sorted.stream().filter(x -> x <= candidate).count();
            if (100 * atOrBelow >= (long) percent * n) {
                return candidate;
            }
        }
        throw new AssertionError("no value covers " + percent + "%");
    }
}
