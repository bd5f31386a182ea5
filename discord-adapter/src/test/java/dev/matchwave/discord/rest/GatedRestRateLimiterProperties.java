package dev.matchwave.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GatedRestRateLimiterProperties {

    /** One step: queue a request on a lane with the gate's wait, then let some time pass. */
    record Step(boolean interaction, int waitMillis, int thenAdvanceMillis) {}

    /**
     * Whatever the gate says: no request reaches JDA before its reserved time, each lane keeps
     * its order, and after enough time every request has arrived exactly once.
     */
    @Property(tries = 300)
    void neverEarlyNeverOutOfOrderNeverLost(@ForAll("steps") List<Step> steps) {
        ManualClock clock = ManualClock.atEpochSecond(0);
        List<String> arrived = new ArrayList<>();
        Map<String, Long> arrivedAt = new HashMap<>();
        RestRateLimiter jda = new RestRateLimiter() {
            @Override
            public void enqueue(Work task) {
                String id = task.getRoute().getMajorParameters();
                arrived.add(id);
                arrivedAt.put(id, clock.instant().toEpochMilli());
            }

            @Override
            public void stop(boolean shutdown, Runnable callback) {
                callback.run();
            }

            @Override
            public boolean isStopped() {
                return false;
            }

            @Override
            public int cancelRequests() {
                return 0;
            }
        };
        Map<String, Long> reservedFor = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        RestRequestGate gate = (request, now) -> Duration.ofMillis(waits.get(request.majorParameters())).toNanos();
        GatedRestRateLimiter limiter = new GatedRestRateLimiter(jda, gate, Ticker.of(clock), clock);

        List<String> interactionOrder = new ArrayList<>();
        List<String> globalOrder = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Route.CompiledRoute route = step.interaction()
                    ? Route.Interactions.EDIT_FOLLOWUP.compile("1", "t" + i, "@original")
                    : Route.Messages.SEND_MESSAGE.compile("c" + i);
            String id = route.getMajorParameters();
            waits.put(id, step.waitMillis());
            reservedFor.put(id, clock.instant().toEpochMilli() + step.waitMillis());
            (step.interaction() ? interactionOrder : globalOrder).add(id);
            limiter.enqueue(work(route));
            clock.advance(Duration.ofMillis(step.thenAdvanceMillis()));
        }
        clock.advance(Duration.ofHours(1));

        assertThat(arrived).hasSize(steps.size()).doesNotHaveDuplicates();
        assertThat(arrived.stream().filter(interactionOrder::contains).toList()).isEqualTo(interactionOrder);
        assertThat(arrived.stream().filter(globalOrder::contains).toList()).isEqualTo(globalOrder);
        reservedFor.forEach((id, due) -> assertThat(arrivedAt.get(id)).as(id).isGreaterThanOrEqualTo(due));
        assertThat(limiter.waiting()).isZero();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 50)).as(Step::new);
        return step.list().ofMaxSize(25);
    }

    private static RestRateLimiter.Work work(Route.CompiledRoute route) {
        return new RestRateLimiter.Work() {
            @Override
            public Route.CompiledRoute getRoute() {
                return route;
            }

            @Override
            public JDA getJDA() {
                throw new UnsupportedOperationException();
            }

            @Override
            public okhttp3.Response execute() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isSkipped() {
                return false;
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isPriority() {
                return false;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void cancel() {
            }
        };
    }
}
