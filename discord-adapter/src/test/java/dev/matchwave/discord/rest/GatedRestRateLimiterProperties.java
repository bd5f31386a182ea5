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
        RestRateLimiter jda = recording(clock, (id, at) -> {
            arrived.add(id);
            arrivedAt.put(id, at);
        });
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

    /** A request of the three lanes: an interaction edit, a player-facing DM, a DM of the record. */
    enum Lane { INTERACTION, NOW, RECORD }

    record LaneStep(Lane lane, int thenAdvanceMillis) {}

    /**
     * With a budget of 3 a second and the record among the requests: never more than 3 in any
     * second, each lane keeps its order, nothing is lost, and no request of the record queued
     * after a player-facing request reaches JDA before it.
     */
    @Property(tries = 300)
    void theRecordYieldsAndTheBudgetHolds(@ForAll("laneSteps") List<LaneStep> steps) {
        ManualClock clock = ManualClock.atEpochSecond(0);
        List<String> arrived = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        RestRateLimiter jda = recording(clock, (id, at) -> {
            arrived.add(id);
            times.add(at);
        });
        GatedRestRateLimiter limiter = new GatedRestRateLimiter(jda, RestRequestGate.of(
                dev.matchwave.notification.ratelimit.RateLimiter.slidingWindow(3, Duration.ofSeconds(1), clock)),
                Ticker.of(clock), clock);
        Map<Lane, List<String>> order = new java.util.EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            order.put(lane, new ArrayList<>());
        }
        List<String> queued = new ArrayList<>();
        Map<String, Long> recordsSentBefore = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            LaneStep step = steps.get(i);
            Route.CompiledRoute route = step.lane() == Lane.INTERACTION
                    ? Route.Interactions.EDIT_FOLLOWUP.compile("1", "t" + i, "@original")
                    : Route.Messages.SEND_MESSAGE.compile("c" + i);
            String id = route.getMajorParameters();
            order.get(step.lane()).add(id);
            queued.add(id);
            if (step.lane() == Lane.NOW) {
                recordsSentBefore.put(id, arrived.stream().filter(order.get(Lane.RECORD)::contains).count());
            }
            if (step.lane() == Lane.RECORD) {
                RecordLane.queue(() -> limiter.enqueue(work(route)));
            } else {
                limiter.enqueue(work(route));
            }
            clock.advance(Duration.ofMillis(step.thenAdvanceMillis()));
        }
        clock.advance(Duration.ofHours(1));

        assertThat(arrived).hasSize(steps.size()).doesNotHaveDuplicates();
        for (Lane lane : Lane.values()) {
            assertThat(arrived.stream().filter(order.get(lane)::contains).toList()).as(lane.name()).isEqualTo(order.get(lane));
        }
        for (int i = 0; i < times.size(); i++) {
            long from = times.get(i);
            assertThat(times.stream().filter(t -> t >= from && t < from + 1000).count()).as("requests in the second from " + from)
                    .isLessThanOrEqualTo(3);
        }
        for (String now : order.get(Lane.NOW)) {
            for (String record : order.get(Lane.RECORD)) {
                if (queued.indexOf(record) > queued.indexOf(now)) {
                    assertThat(arrived.indexOf(record)).as(record + " queued after " + now).isGreaterThan(arrived.indexOf(now));
                }
            }
        }
        // A backlog of the record holds a player-facing request up by one record at most.
        recordsSentBefore.forEach((now, sent) -> assertThat(arrived.subList(0, arrived.indexOf(now)).stream()
                .filter(order.get(Lane.RECORD)::contains).count()).as("records before " + now).isLessThanOrEqualTo(sent + 1));
        assertThat(limiter.waiting()).isZero();
        assertThat(limiter.recordsWaiting()).isZero();
    }

    @Provide
    Arbitrary<List<LaneStep>> laneSteps() {
        return Combinators.combine(Arbitraries.of(Lane.class), Arbitraries.integers().between(0, 300))
                .as(LaneStep::new).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 50)).as(Step::new);
        return step.list().ofMaxSize(25);
    }

    /** JDA's side: tells {@code arrived} of each request handed over (its major parameters, the time in ms). */
    private static RestRateLimiter recording(ManualClock clock, java.util.function.BiConsumer<String, Long> arrived) {
        return new RestRateLimiter() {
            @Override
            public void enqueue(Work task) {
                arrived.accept(task.getRoute().getMajorParameters(), clock.instant().toEpochMilli());
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
