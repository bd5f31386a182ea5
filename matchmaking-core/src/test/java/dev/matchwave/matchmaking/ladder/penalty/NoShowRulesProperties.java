package dev.matchwave.matchmaking.ladder.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The no-show rule over any sequence of timeouts and any valid configuration: bars start exactly
 * when the count is reached within the window (never earlier, never later), their lengths follow
 * {@code cooldown * growth^repeat} capped at the maximum, and the service over a store gives the
 * same bars as the rule applied to the whole history.
 */
class NoShowRulesProperties {

    private static final PlayerId PLAYER = PlayerId.of(7);
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Provide
    Arbitrary<NoShowRules> rules() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 5);
        Arbitrary<Long> windowMinutes = Arbitraries.longs().between(1, 3 * 24 * 60);
        Arbitrary<Long> cooldownMinutes = Arbitraries.longs().between(1, 24 * 60);
        Arbitrary<Double> growth = Arbitraries.of(1.0, 1.5, 2.0, 3.0);
        Arbitrary<Integer> capFactor = Arbitraries.integers().between(1, 64);
        Arbitrary<Integer> memoryFactor = Arbitraries.integers().between(1, 20);
        return Combinators.combine(count, windowMinutes, cooldownMinutes, growth, capFactor, memoryFactor)
                .as((n, window, cooldown, g, cap, memory) -> new NoShowRules(n, Duration.ofMinutes(window),
                        Duration.ofMinutes(cooldown), g, Duration.ofMinutes(cooldown * cap),
                        Duration.ofMinutes(window * memory)));
    }

    /** Strictly increasing timeouts: gaps of one second to two days. */
    @Provide
    Arbitrary<List<Instant>> timeouts() {
        return Arbitraries.longs().between(1, 2 * 24 * 3600).list().ofMaxSize(40).map(gaps -> {
            List<Instant> at = new ArrayList<>();
            Instant t = T0;
            for (long gap : gaps) {
                t = t.plusSeconds(gap);
                at.add(t);
            }
            return at;
        });
    }

    /** The rule applied at each timeout with the whole history, as a reference. */
    private static List<QueueBar> barsOf(NoShowRules rules, List<Instant> timeouts) {
        List<QueueBar> bars = new ArrayList<>();
        for (int i = 0; i < timeouts.size(); i++) {
            rules.barAfter(PLAYER, timeouts.get(i), timeouts.subList(0, i + 1), List.copyOf(bars)).ifPresent(bars::add);
        }
        return bars;
    }

    @Property
    void barsStartExactlyWhenTheCountIsReachedWithinTheWindow(@ForAll("rules") NoShowRules rules,
                                                             @ForAll("timeouts") List<Instant> timeouts) {
        List<QueueBar> bars = barsOf(rules, timeouts);
        Instant lastBarStart = Instant.MIN;
        int b = 0;
        for (Instant t : timeouts) {
            Instant since = lastBarStart;
            Instant windowStart = t.minus(rules.window());
            long inWindow = timeouts.stream()
                    .filter(x -> x.isAfter(since) && x.isAfter(windowStart) && !x.isAfter(t)).count();
            boolean due = inWindow >= rules.count();
            boolean started = b < bars.size() && bars.get(b).from().equals(t);
            assertThat(started).as("a bar at %s (%s timeouts counted, rule %s)", t, inWindow, rules.spec())
                    .isEqualTo(due);
            if (started) {
                assertThat(bars.get(b).timeouts()).isEqualTo(rules.count()); // never more: it starts at once
                lastBarStart = t;
                b++;
            }
        }
        assertThat(b).as("every bar starts at a timeout").isEqualTo(bars.size());
        if (timeouts.size() < rules.count()) {
            assertThat(bars).isEmpty();
        }
    }

    @Property
    void cooldownsGrowWithRepeatsWithinMemoryUpToTheCap(@ForAll("rules") NoShowRules rules,
                                                        @ForAll("timeouts") List<Instant> timeouts) {
        List<QueueBar> bars = barsOf(rules, timeouts);
        for (int i = 0; i < bars.size(); i++) {
            QueueBar bar = bars.get(i);
            Instant memoryStart = bar.from().minus(rules.memory());
            int repeats = (int) bars.subList(0, i).stream().filter(e -> e.from().isAfter(memoryStart)).count();
            assertThat(bar.repeat()).isEqualTo(repeats);
            double expected = Math.min(rules.maxCooldown().toMillis(),
                    rules.cooldown().toMillis() * Math.pow(rules.growth(), repeats));
            Duration length = Duration.between(bar.from(), bar.until());
            assertThat((double) length.toMillis()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
            assertThat(length).isBetween(rules.cooldown(), rules.maxCooldown());
            if (i > 0 && repeats == i) {
                Duration before = Duration.between(bars.get(i - 1).from(), bars.get(i - 1).until());
                assertThat(length).as("a repeat never shortens the wait").isGreaterThanOrEqualTo(before);
            }
        }
    }

    @Property
    void theServiceOverAStoreGivesTheBarsOfTheWholeHistory(@ForAll("rules") NoShowRules rules,
                                                          @ForAll("timeouts") List<Instant> timeouts) {
        InMemoryLadderStore store = new InMemoryLadderStore();
        store.players().register(PLAYER, 3, T0);
        ManualClock clock = new ManualClock(T0);
        NoShowPenalties penalties = new NoShowPenalties(store.noShows(), rules, clock);
        List<QueueBar> started = new ArrayList<>();
        for (int i = 0; i < timeouts.size(); i++) {
            clock.advanceTo(timeouts.get(i));
            penalties.timedOut(PLAYER, MatchId.of(i + 1), timeouts.get(i)).ifPresent(started::add);
            // The same timeout again (a timer fired twice) changes nothing.
            assertThat(penalties.timedOut(PLAYER, MatchId.of(i + 1), timeouts.get(i))).isEmpty();
            Optional<QueueBar> inForce = penalties.barOf(PLAYER);
            assertThat(penalties.guard().refusal(PLAYER).isPresent()).isEqualTo(inForce.isPresent());
        }
        assertThat(started).isEqualTo(barsOf(rules, timeouts));
    }

    @Property
    void theSpecReadsBackAsTheSameRules(@ForAll("rules") NoShowRules rules) {
        assertThat(NoShowRules.parse(rules.spec())).isEqualTo(rules);
    }

    @Example
    void theReferenceIsThreeInADayThirtyMinutesDoublingUpToAWeek() {
        NoShowRules rules = NoShowRules.REFERENCE;
        assertThat(rules.spec()).isEqualTo("3/24h/30m/x2/7d/30d");
        assertThat(rules.cooldown(0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.cooldown(1)).isEqualTo(Duration.ofHours(1));
        assertThat(rules.cooldown(3)).isEqualTo(Duration.ofHours(4));
        assertThat(rules.cooldown(20)).isEqualTo(Duration.ofDays(7));
        assertThat(rules.cooldown(10_000)).isEqualTo(Duration.ofDays(7));
        List<Instant> two = List.of(T0, T0.plusSeconds(3600));
        assertThat(barsOf(rules, two)).isEmpty();
        List<Instant> threeSpread = List.of(T0, T0.plusSeconds(3600), T0.plus(Duration.ofHours(24)));
        assertThat(barsOf(rules, threeSpread)).as("the first fell out of the 24 h window").isEmpty();
        List<Instant> three = List.of(T0, T0.plusSeconds(3600), T0.plus(Duration.ofHours(23)));
        assertThat(barsOf(rules, three)).singleElement().satisfies(bar -> {
            assertThat(bar.from()).isEqualTo(T0.plus(Duration.ofHours(23)));
            assertThat(bar.until()).isEqualTo(T0.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30)));
        });
    }

    @Example
    void badSpecsNameThePartThatIsWrong() {
        assertThatThrownBy(() -> NoShowRules.parse("3/24h/30m/x2/7d")).hasMessageContaining("not of the form COUNT/WINDOW");
        assertThatThrownBy(() -> NoShowRules.parse("3/24x/30m/x2/7d/30d")).hasMessageContaining("window '24x'");
        assertThatThrownBy(() -> NoShowRules.parse("0/24h/30m/x2/7d/30d")).hasMessageContaining("count must be");
        assertThatThrownBy(() -> NoShowRules.parse("3/24h/30m/x0.5/7d/30d")).hasMessageContaining("growth");
        assertThatThrownBy(() -> NoShowRules.parse("3/24h/30m/x2/10m/30d")).hasMessageContaining("maxCooldown");
        assertThatThrownBy(() -> NoShowRules.parse("3/24h/30m/x2/7d/1h")).hasMessageContaining("memory");
    }
}
