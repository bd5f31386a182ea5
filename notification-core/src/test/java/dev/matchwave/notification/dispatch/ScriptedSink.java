package dev.matchwave.notification.dispatch;

import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A sink on virtual time that answers as its script says and logs every request. "Match
 * found" takes an interaction route, everything else the player's DM channel.
 */
final class ScriptedSink implements NotificationSink {

    /** What to answer to the n-th try (from 1) of a notification, and after how long. */
    interface Script {
        Answer answer(Notification notification, int attempt);
    }

    record Answer(SendResult result, Duration latency) {
        static Answer ok(Duration latency) {
            return new Answer(SendResult.sent(), latency);
        }
    }

    /** One request as the sink saw it. */
    record Request(Instant at, Notification notification, Route route, int attempt, SendResult result, Instant answeredAt) {
    }

    private final ManualClock clock;
    private final Script script;
    private final Map<Notification, Integer> attempts = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    ScriptedSink(ManualClock clock, Script script) {
        this.clock = clock;
        this.script = script;
    }

    /** Accepts everything after 50 ms. */
    static ScriptedSink accepting(ManualClock clock) {
        return new ScriptedSink(clock, (n, attempt) -> Answer.ok(Duration.ofMillis(50)));
    }

    @Override
    public Route route(Notification notification) {
        return notification instanceof MatchFound
                ? Route.interactionEdit("token-" + notification.player())
                : Route.channelMessage("dm-" + notification.player());
    }

    @Override
    public synchronized CompletionStage<SendResult> send(Notification notification, Route route) {
        int attempt = attempts.merge(notification, 1, Integer::sum);
        Answer answer = script.answer(notification, attempt);
        Instant now = clock.instant();
        requests.add(new Request(now, notification, route, attempt, answer.result(), now.plus(answer.latency())));
        CompletableFuture<SendResult> response = new CompletableFuture<>();
        clock.schedule(() -> response.complete(answer.result()), answer.latency());
        return response;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** "+0.050 MatchDetails 3": when (seconds after {@code start}), what, to whom. */
    synchronized List<String> log(Instant start) {
        return requests.stream()
                .map(r -> String.format(java.util.Locale.ROOT, "+%.3f %s %s", Duration.between(start, r.at()).toNanos() / 1e9,
                        r.notification().getClass().getSimpleName(), r.notification().player()))
                .toList();
    }
}
