package com.example.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * This bot's own way to reach a player: one chat line per notification, kept per player. A
 * real sink calls its platform's API here and maps the answer onto a {@link SendResult}
 * (sent, rate-limited with its retry-after, or failed). Thread-safe: the dispatcher may send
 * from several threads.
 */
final class ChatSink implements NotificationSink {

    private final Map<PlayerId, List<String>> lines = new LinkedHashMap<>();

    @Override
    public Route route(Notification notification) {
        // One chat per player: its own rate-limit bucket, under the platform's global limit.
        return Route.channelMessage(Long.toString(notification.player().value()));
    }

    @Override
    public CompletionStage<SendResult> send(Notification notification, Route route) {
        String line = switch (notification) {
            case MatchFound found -> "Match found against player " + found.opponent().value() + "!";
            case MatchDetails details -> "Match #" + details.match().matchId() + " on " + details.match().map()
                    + ", server " + details.match().server() + ", lobby " + details.match().channel();
            default -> notification.toString();
        };
        synchronized (lines) {
            lines.computeIfAbsent(notification.player(), p -> new ArrayList<>()).add(line);
        }
        return CompletableFuture.completedFuture(SendResult.sent());
    }

    Map<PlayerId, List<String>> transcripts() {
        synchronized (lines) {
            Map<PlayerId, List<String>> copy = new LinkedHashMap<>();
            lines.forEach((player, list) -> copy.put(player, List.copyOf(list)));
            return copy;
        }
    }
}
