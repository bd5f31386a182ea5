package dev.matchwave.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The gate in front of JDA's limiter, on virtual time: no request is sent anywhere. */
class GatedRestRateLimiterTest {

    private final ManualClock clock = ManualClock.atEpochSecond(1_000);
    private final RecordingLimiter jda = new RecordingLimiter();
    private final ScriptedGate gate = new ScriptedGate();
    private final GatedRestRateLimiter limiter = new GatedRestRateLimiter(jda, gate, Ticker.of(clock), clock);

    /** A direct message; the name is its channel id, so it shows in the route's major parameters. */
    private static FakeWork dm(String name) {
        return new FakeWork(Route.Messages.SEND_MESSAGE.compile(name));
    }

    /** An interaction edit; the name is its (short) token. */
    private static FakeWork edit(String name) {
        return new FakeWork(Route.Interactions.EDIT_FOLLOWUP.compile("1", name, "@original"));
    }

    /** "channel_id=a" is request a. */
    private static String nameOf(RestRequest request) {
        return request.majorParameters().substring(request.majorParameters().indexOf('=') + 1);
    }

    @Test
    void describesRoutes() {
        RestRequest send = GatedRestRateLimiter.describe(Route.Messages.SEND_MESSAGE.compile("555"));
        assertThat(send.interaction()).isFalse();
        assertThat(send).isEqualTo(new RestRequest("POST", "channels/{channel_id}/messages", "channel_id=555", false));
        assertThat(send.label()).isEqualTo("POST/channels/{channel_id}/messages");
        RestRequest edit = GatedRestRateLimiter.describe(
                Route.Interactions.EDIT_FOLLOWUP.compile("1", "tok", "@original"));
        assertThat(edit.interaction()).isTrue();
        assertThat(edit.method()).isEqualTo("PATCH");
    }

    /** Adding a rank role; the name is the guild id, so it shows in the route's major parameters. */
    private static FakeWork role(String name) {
        return new FakeWork(Route.Guilds.ADD_MEMBER_ROLE.compile(name, "7", "9"));
    }

    @Test
    void memberRoleRoutesAreBackgroundWork() {
        assertThat(GatedRestRateLimiter.describe(Route.Guilds.ADD_MEMBER_ROLE.compile("1", "2", "3")).background()).isTrue();
        assertThat(GatedRestRateLimiter.describe(Route.Guilds.REMOVE_MEMBER_ROLE.compile("1", "2", "3")).background())
                .isTrue();
        assertThat(GatedRestRateLimiter.describe(Route.Guilds.MODIFY_MEMBER.compile("1", "2")).background()).isTrue();
        assertThat(GatedRestRateLimiter.describe(Route.Messages.SEND_MESSAGE.compile("1")).background()).isFalse();
    }

    @Test
    void backgroundWorkWaitsWhileAPlayerFacingRequestWaits() {
        gate.waits.put("a", Duration.ofMillis(100));
        limiter.enqueue(dm("a"));
        limiter.enqueue(role("r"));
        assertThat(jda.names()).isEmpty();
        assertThat(gate.asked).as("the role change is not even booked").hasSize(1);
        assertThat(limiter.backgroundWaiting()).isEqualTo(1);

        clock.advance(Duration.ofMillis(100));
        assertThat(jda.names()).containsExactly("a", "r");
        assertThat(limiter.backgroundWaiting()).isZero();
    }

    @Test
    void backgroundWorkTakesOnlyItsShareOfEachSecond() {
        GatedRestRateLimiter shared = new GatedRestRateLimiter(jda, gate, Ticker.of(clock), clock, null, 3);
        for (int i = 0; i < 8; i++) {
            shared.enqueue(role("r" + i));
        }
        assertThat(jda.names()).containsExactly("r0", "r1", "r2");
        clock.advance(Duration.ofMillis(999));
        assertThat(jda.names()).hasSize(3);
        clock.advance(Duration.ofMillis(1));
        assertThat(jda.names()).hasSize(6);
        // A player-facing request is never held back by the share: it is the share that yields.
        shared.enqueue(dm("m"));
        assertThat(jda.names()).hasSize(7).endsWith("m");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "m", "r6", "r7");
    }

    @Test
    void aBackgroundRequestGoesOnlyOnceTheOneBeforeItIsAnswered() {
        // A busy JDA sends late: two role changes handed over back to back could reach Discord
        // inside one window of their route although booked a window apart (a 429 seen under load).
        jda.answerBackground = false;
        limiter.enqueue(role("r"));
        limiter.enqueue(role("s"));
        limiter.enqueue(role("t"));
        assertThat(jda.names()).containsExactly("r");

        jda.works.get(0).execute(); // Discord answered r
        assertThat(jda.names()).containsExactly("r", "s");

        // An answer that never comes (the request was dropped) holds the next one back 2 s at most.
        clock.advance(GatedRestRateLimiter.BACKGROUND_ANSWER_WAIT.minusMillis(1));
        assertThat(jda.names()).containsExactly("r", "s");
        clock.advance(Duration.ofMillis(1));
        assertThat(jda.names()).containsExactly("r", "s", "t");
    }

    @Test
    void withoutBackgroundWorkTheBookingsOfPastSecondsAreForgotten() {
        GatedRestRateLimiter shared = new GatedRestRateLimiter(jda, gate, Ticker.of(clock), clock, null, 3);
        for (int i = 0; i < 1000; i++) {
            shared.enqueue(dm("m" + i));
            clock.advance(Duration.ofMillis(100));
        }
        // A long-running bot with no rank roles keeps only the last second's bookings.
        assertThat(shared.bookingsKept()).isLessThanOrEqualTo(11);
    }

    @Test
    void aMessageBookedAfterABackgroundRequestIsNotOrderedBehindIt() {
        gate.waits.put("r", Duration.ofMillis(500)); // the role route's own bucket is full
        limiter.enqueue(role("r"));
        limiter.enqueue(role("s"));
        limiter.enqueue(dm("b"));
        assertThat(jda.names()).containsExactly("b");
        clock.advance(Duration.ofMillis(500));
        assertThat(jda.names()).containsExactly("b", "r", "s");
    }

    @Test
    void aStopCancelsBackgroundWorkInsteadOfPacingIt() {
        gate.waits.put("a", Duration.ofMillis(100));
        FakeWork message = dm("a");
        FakeWork first = role("r");
        FakeWork second = role("s");
        limiter.enqueue(message);
        limiter.enqueue(first);
        limiter.enqueue(second);
        limiter.stop(false, () -> { });
        assertThat(first.cancelled).isTrue();
        assertThat(second.cancelled).isTrue();
        assertThat(message.cancelled).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(jda.names()).containsExactly("a");
        assertThat(jda.stopped).isTrue();
    }

    /** Queues {@code work} as the record ({@link RecordLane}), as the messenger does for a DM record. */
    private static void asRecord(GatedRestRateLimiter limiter, FakeWork work) {
        RecordLane.queue(() -> limiter.enqueue(work));
    }

    /** Two requests a second on the global budget, as a sliding window. */
    private GatedRestRateLimiter twoASecond() {
        return new GatedRestRateLimiter(jda, RestRequestGate.of(
                dev.matchwave.notification.ratelimit.RateLimiter.slidingWindow(2, Duration.ofSeconds(1), clock)),
                Ticker.of(clock), clock);
    }

    @Test
    void aRequestOfTheRecordGoesAtOnceWhenTheBudgetHasRoom() {
        asRecord(limiter, dm("r"));
        assertThat(jda.names()).containsExactly("r");
        assertThat(limiter.recordsWaiting()).isZero();
    }

    @Test
    void aBacklogOfTheRecordNeverStandsBeforeWhatAPlayerNeedsNow() {
        GatedRestRateLimiter paced = twoASecond();
        for (int i = 0; i < 6; i++) {
            asRecord(paced, dm("r" + i));
        }
        assertThat(jda.names()).containsExactly("r0", "r1");
        assertThat(paced.recordsWaiting()).as("one booked for the next second, three not booked").isEqualTo(4);

        paced.enqueue(dm("found")); // a "match found" that must go by DM
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).as("behind at most the one record booked ahead")
                .containsExactly("r0", "r1", "r2", "found");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).containsExactly("r0", "r1", "r2", "found", "r3", "r4");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).endsWith("r5");
        assertThat(paced.recordsWaiting()).isZero();
    }

    @Test
    void withoutTheMarkTheSameBacklogWouldHoldItUp() {
        GatedRestRateLimiter paced = twoASecond();
        for (int i = 0; i < 6; i++) {
            paced.enqueue(dm("r" + i));
        }
        paced.enqueue(dm("found"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(jda.names()).doesNotContain("found");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).endsWith("found");
    }

    @Test
    void theRecordWaitsWhileAnotherRequestOnTheGlobalBudgetWaitsAndBackgroundWorkWaitsForTheRecord() {
        gate.waits.put("a", Duration.ofMillis(100));
        limiter.enqueue(dm("a"));
        asRecord(limiter, dm("r"));
        limiter.enqueue(role("g"));
        asRecord(limiter, edit("e")); // an interaction route is never the record's: it goes at once
        assertThat(jda.names()).containsExactly("e");
        assertThat(gate.asked).as("the record and the role change not even booked").hasSize(2);

        clock.advance(Duration.ofMillis(100));
        assertThat(jda.names()).containsExactly("e", "a", "r", "g");
    }

    @Test
    void aGracefulStopStillSendsTheRecordPacedAndAHardStopCancelsIt() {
        GatedRestRateLimiter paced = twoASecond();
        for (int i = 0; i < 5; i++) {
            asRecord(paced, dm("r" + i));
        }
        List<String> callbacks = new ArrayList<>();
        paced.stop(false, () -> callbacks.add("stopped"));
        assertThat(jda.names()).containsExactly("r0", "r1");
        assertThat(jda.stopped).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(jda.names()).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(callbacks).containsExactly("stopped");

        RecordingLimiter other = new RecordingLimiter();
        GatedRestRateLimiter hard = new GatedRestRateLimiter(other, RestRequestGate.of(
                dev.matchwave.notification.ratelimit.RateLimiter.slidingWindow(1, Duration.ofSeconds(1), clock)),
                Ticker.of(clock), clock);
        FakeWork first = dm("h0");
        FakeWork booked = dm("h1");
        FakeWork queued = dm("h2");
        asRecord(hard, first);
        asRecord(hard, booked);
        asRecord(hard, queued);
        hard.stop(true, () -> { });
        assertThat(booked.cancelled).isTrue();
        assertThat(queued.cancelled).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(other.names()).containsExactly("h0");
    }

    @Test
    void theMarkIsTheQueueingThreadsAndOnlyWhileItQueues() {
        RecordLane.queue(() -> {
            assertThat(RecordLane.marked()).isTrue();
            RecordLane.queue(() -> assertThat(RecordLane.marked()).isTrue());
            assertThat(RecordLane.marked()).as("a nested mark leaves the outer one").isTrue();
        });
        assertThat(RecordLane.marked()).isFalse();
    }

    @Test
    void aRequestTheGateLetsGoJoinsJdaAtOnce() {
        limiter.enqueue(dm("a"));
        assertThat(jda.names()).containsExactly("a");
        assertThat(gate.asked).containsExactly("POST/channels/{channel_id}/messages a@1000.000");
    }

    @Test
    void aRequestWaitsAsLongAsTheGateSays() {
        gate.waits.put("a", Duration.ofMillis(100));
        limiter.enqueue(dm("a"));
        assertThat(jda.names()).isEmpty();
        assertThat(limiter.waiting()).isEqualTo(1);
        clock.advance(Duration.ofMillis(99));
        assertThat(jda.names()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(jda.names()).containsExactly("a");
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void withinALaneNothingOvertakes() {
        gate.waits.put("a", Duration.ofMillis(100));
        limiter.enqueue(dm("a"));
        limiter.enqueue(dm("b")); // the gate lets b go at once, but a was first
        assertThat(jda.names()).isEmpty();
        clock.advance(Duration.ofMillis(100));
        assertThat(jda.names()).containsExactly("a", "b");
    }

    @Test
    void interactionsDoNotWaitBehindTheGlobalLane() {
        gate.waits.put("dm", Duration.ofSeconds(1));
        limiter.enqueue(dm("dm"));
        limiter.enqueue(edit("edit"));
        assertThat(jda.names()).containsExactly("edit");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).containsExactly("edit", "dm");
    }

    @Test
    void requestsOnTheGlobalBudgetAreCountedAgainWhenJdaSendsThem() {
        List<Duration> pauses = new ArrayList<>();
        SendWindow window = new SendWindow(1, Duration.ofSeconds(1), Ticker.of(clock), pause -> {
            pauses.add(pause);
            clock.advance(pause);
        });
        GatedRestRateLimiter checked = new GatedRestRateLimiter(jda, gate, Ticker.of(clock), clock, window);
        checked.enqueue(dm("a"));
        checked.enqueue(dm("b"));
        checked.enqueue(edit("t"));
        assertThat(jda.names()).as("the gate let all three go").containsExactly("a", "b", "t");

        jda.works.get(0).execute();
        jda.works.get(2).execute();
        assertThat(pauses).as("the first send and an interaction edit go at once").isEmpty();
        jda.works.get(1).execute();
        assertThat(pauses).as("the second send waits out the window").containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void answersAreShownToTheGateAndItsObservers() {
        List<String> seen = new ArrayList<>();
        GatedRestRateLimiter observed = new GatedRestRateLimiter(jda,
                gate.observedBy((request, response) -> seen.add(request.label() + " " + response.status())),
                Ticker.of(clock), clock);
        FakeWork work = dm("a");
        work.response = response(429, Map.of(
                "X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "1.250", "Retry-After", "2", "X-RateLimit-Global", "true",
                "X-RateLimit-Scope", "global", "Via", "1.1 google"));
        observed.enqueue(work);
        jda.works.get(0).execute();

        assertThat(gate.observed).containsExactly(new RestResponse(429, Optional.of("abcd"), OptionalInt.of(5),
                OptionalInt.of(0), Optional.of(Duration.ofMillis(1250)), Optional.of(Duration.ofSeconds(2)), true,
                Optional.of("global"), true));
        assertThat(gate.observed.get(0).rateLimited()).isTrue();
        assertThat(seen).containsExactly("POST/channels/{channel_id}/messages 429");
    }

    @Test
    void missingOrBadHeadersCountAsAbsent() {
        RestResponse read = GatedRestRateLimiter.read(response(200, Map.of(
                "X-RateLimit-Limit", "many", "X-RateLimit-Reset-After", "-1", "Retry-After", "NaN")));
        assertThat(read).isEqualTo(new RestResponse(200, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), false));
        assertThat(read.rateLimited()).isFalse();
    }

    @Test
    void aSkippedRequestIsNotObserved() {
        FakeWork work = dm("a");
        work.response = null;
        limiter.enqueue(work);
        assertThat(jda.works.get(0).execute()).isNull();
        assertThat(gate.observed).isEmpty();
    }

    @Test
    void aGracefulStopKeepsPacingAndStopsJdaAfterTheLastHandOver() {
        gate.waits.put("a", Duration.ofSeconds(5));
        gate.waits.put("b", Duration.ofSeconds(1));
        limiter.enqueue(dm("a"));
        limiter.enqueue(dm("b"));
        List<String> callbacks = new ArrayList<>();
        limiter.stop(false, () -> callbacks.add("stopped"));
        assertThat(jda.names()).as("nothing released at once").isEmpty();
        assertThat(jda.stopped).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(jda.names()).containsExactly("a", "b");
        assertThat(jda.stopped).isTrue();
        assertThat(callbacks).containsExactly("stopped");
        assertThat(limiter.isStopped()).isTrue();
    }

    @Test
    void aGracefulStopWithNothingWaitingStopsJdaAtOnce() {
        List<String> callbacks = new ArrayList<>();
        limiter.stop(false, () -> callbacks.add("stopped"));
        assertThat(jda.stopped).isTrue();
        assertThat(callbacks).containsExactly("stopped");
    }

    @Test
    void aHardStopCancelsTheWaitingRequests() {
        gate.waits.put("a", Duration.ofSeconds(5));
        FakeWork a = dm("a");
        limiter.enqueue(a);
        limiter.stop(true, () -> { });
        assertThat(a.isCancelled()).isTrue();
        assertThat(jda.stopped).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(jda.names()).as("never handed over").isEmpty();
    }

    @Test
    void cancellingDropsWaitingRequestsButNotPriorityOnes() {
        gate.waits.put("a", Duration.ofSeconds(1));
        FakeWork a = dm("a");
        FakeWork b = dm("b");
        b.priority = true;
        limiter.enqueue(a);
        limiter.enqueue(b);
        assertThat(limiter.cancelRequests()).isEqualTo(1);
        assertThat(a.cancelled).isTrue();
        assertThat(b.cancelled).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(jda.names()).containsExactly("b");
    }

    @Test
    void theFactoryWrapsJdasOwnLimiter() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            RestRateLimiter built = GatedRestRateLimiter.factory(RestRequestGate.unlimited(), Ticker.system())
                    .apply(new RestRateLimiter.RateLimitConfig(scheduler, RestRateLimiter.GlobalRateLimit.create(), true));
            assertThat(built).isInstanceOf(GatedRestRateLimiter.class);
            assertThat(built.isStopped()).isFalse();
            built.stop(true, () -> { });
            assertThat(built.isStopped()).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Response response(int code, Map<String, String> headers) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/").build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message("status " + code);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** A gate that waits as told per request name (via the route's major parameters), and records. */
    private final class ScriptedGate implements RestRequestGate {
        final Map<String, Duration> waits = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<RestResponse> observed = new ArrayList<>();

        @Override
        public long reserve(RestRequest request, long nowNanos) {
            asked.add(request.label() + " " + nameOf(request) + "@"
                    + String.format(Locale.ROOT, "%.3f", nowNanos / 1e9));
            return waits.getOrDefault(nameOf(request), Duration.ZERO).toNanos();
        }

        @Override
        public void observe(RestRequest request, RestResponse response) {
            observed.add(response);
        }
    }

    /** JDA's side, recording what it was given. */
    private static final class RecordingLimiter implements RestRateLimiter {
        final List<Work> works = new ArrayList<>();
        boolean stopped;
        /** False: background requests are only recorded, their answers never come (a busy JDA). */
        boolean answerBackground = true;

        List<String> names() {
            return works.stream().map(w -> nameOf(GatedRestRateLimiter.describe(w.getRoute()))).toList();
        }

        /** Records each request; a background one is also sent at once (its answer lets the next one go). */
        @Override
        public void enqueue(Work task) {
            works.add(task);
            if (answerBackground && GatedRestRateLimiter.describe(task.getRoute()).background()) {
                task.execute();
            }
        }

        @Override
        public void stop(boolean shutdown, Runnable callback) {
            stopped = true;
            callback.run();
        }

        @Override
        public boolean isStopped() {
            return stopped;
        }

        @Override
        public int cancelRequests() {
            return 0;
        }
    }

    /** A request that does nothing but say what it is. */
    private static final class FakeWork implements RestRateLimiter.Work {
        final Route.CompiledRoute route;
        @Nullable Response response;
        boolean priority;
        boolean cancelled;

        FakeWork(Route.CompiledRoute route) {
            this.route = route;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return route;
        }

        @Override
        public JDA getJDA() {
            throw new UnsupportedOperationException("no JDA in this test");
        }

        @Override
        public @Nullable Response execute() {
            return response;
        }

        @Override
        public boolean isSkipped() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isPriority() {
            return priority;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
