package dev.matchwave.notification.simulation;

import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.RateLimitHeaders;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An in-process Discord that enforces the documented limits (developers/topics/rate-limits)
 * and answers after a fixed latency:
 * <ul>
 * <li>"match found" is an edit of the player's interaction response
 * ({@code PATCH /webhooks/{application.id}/{interaction.token}/messages/@original}): exempt from
 * the global limit (developers/interactions/receiving-and-responding);</li>
 * <li>anything else is a message in the player's DM channel
 * ({@code POST /channels/{channel.id}/messages}): it counts toward the global limit, and the
 * channel allows {@code channelLimit} messages per {@code channelWindow}, a window that starts
 * with the first message and is reported in {@code X-RateLimit-*} headers;</li>
 * <li>the global limit admits {@code globalLimit} requests in any window of {@code globalWindow}
 * (Discord does not say how it counts; a sliding window is the strictest reading);</li>
 * <li>a request over a limit gets a 429 with {@code retry_after}: the time until the limit
 * admits it, and {@code global} set when the global limit refused it. Refused requests do not
 * use up the limit.</li>
 * </ul>
 * A request is counted the moment it is sent; its answer comes {@code latency} later.
 *
 * <p>Thread-safe (every method locks this object), but made for one virtual-time thread.
 */
public final class DiscordModel implements NotificationSink {

    /** The bucket id the model reports for DM channel messages. */
    public static final String CHANNEL_MESSAGE_BUCKET = "model-channel-messages";

    private final Limits limits;
    private final boolean tokensLive;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Duration latency;
    private final ArrayDeque<Instant> globalWindow = new ArrayDeque<>();
    private final Map<String, ChannelWindow> channels = new HashMap<>();
    private long requests;
    private long rateLimited;
    private long globalRateLimited;

    /**
     * The limits the model enforces.
     *
     * @param globalLimit                   requests per {@code globalWindow} (Discord: 50 per second)
     * @param globalWindow                  the global window
     * @param channelLimit                  messages per channel per {@code channelWindow} (a DM channel: 5 per 5 s)
     * @param channelWindow                 the channel window
     * @param interactionsCountTowardGlobal what field reports describe and the documentation
     *                                      denies: interaction edits counted globally too.
     *                                      False for the documented Discord.
     */
    public record Limits(int globalLimit, Duration globalWindow, int channelLimit, Duration channelWindow,
                         boolean interactionsCountTowardGlobal) {

        public Limits {
            if (globalLimit < 1) {
                throw new IllegalArgumentException("globalLimit must be at least 1, got " + globalLimit);
            }
            if (channelLimit < 1) {
                throw new IllegalArgumentException("channelLimit must be at least 1, got " + channelLimit);
            }
            positive(globalWindow, "globalWindow");
            positive(channelWindow, "channelWindow");
        }

        /** The documented limits with the given global limit per second. */
        public static Limits documented(int globalLimit) {
            return new Limits(globalLimit, Duration.ofSeconds(1), 5, Duration.ofSeconds(5), false);
        }

        private static void positive(Duration value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, got " + value);
            }
        }
    }

    private static final class ChannelWindow {
        Instant resetAt = Instant.MIN;
        int used;
    }

    public DiscordModel(Limits limits, InstantSource clock, Scheduler scheduler, Duration latency) {
        this(limits, clock, scheduler, latency, true);
    }

    /**
     * @param tokensLive whether the players' interaction tokens still live at the wave: when not
     *                   (they waited longer than a token's 15 minutes), "match found" can only be a
     *                   DM too, and every request of the wave counts toward the global limit
     */
    public DiscordModel(Limits limits, InstantSource clock, Scheduler scheduler, Duration latency,
                        boolean tokensLive) {
        this.tokensLive = tokensLive;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.latency = Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
    }

    /** The interaction token of a player's "Searching..." message, made up from his id. */
    public static String interactionToken(Notification notification) {
        return "interaction-token-" + notification.player();
    }

    /** The player's DM channel id, made up from his id. */
    public static String dmChannel(Notification notification) {
        return "dm-" + notification.player();
    }

    @Override
    public Route route(Notification notification) {
        return notification instanceof MatchFound && tokensLive
                ? Route.interactionEdit(interactionToken(notification))
                : Route.channelMessage(dmChannel(notification));
    }

    @Override
    public synchronized CompletionStage<SendResult> send(Notification notification, Route route) {
        Instant now = clock.instant();
        requests++;
        SendResult answer = answer(route, now);
        if (answer instanceof SendResult.RateLimited limited) {
            rateLimited++;
            if (limited.global()) {
                globalRateLimited++;
            }
        }
        CompletableFuture<SendResult> response = new CompletableFuture<>();
        scheduler.schedule(() -> response.complete(answer), latency);
        return response;
    }

    private SendResult answer(Route route, Instant now) {
        boolean global = route.globallyLimited() || limits.interactionsCountTowardGlobal();
        if (global) {
            Instant horizon = now.minus(limits.globalWindow());
            while (!globalWindow.isEmpty() && !globalWindow.peekFirst().isAfter(horizon)) {
                globalWindow.pollFirst();
            }
            if (globalWindow.size() >= limits.globalLimit()) {
                // The oldest request of the window leaves it at oldest + window.
                Instant admits = globalWindow.peekFirst().plus(limits.globalWindow());
                return SendResult.rateLimited(Duration.between(now, admits), true);
            }
        }
        Optional<RateLimitHeaders> headers = Optional.empty();
        if (route.isChannelMessage()) {
            ChannelWindow channel = channels.computeIfAbsent(route.majorParameter(), c -> new ChannelWindow());
            if (!now.isBefore(channel.resetAt)) {
                channel.resetAt = now.plus(limits.channelWindow());
                channel.used = 0;
            }
            if (channel.used >= limits.channelLimit()) {
                return SendResult.rateLimited(Duration.between(now, channel.resetAt), false);
            }
            channel.used++;
            headers = Optional.of(new RateLimitHeaders(Optional.of(CHANNEL_MESSAGE_BUCKET), limits.channelLimit(),
                    limits.channelLimit() - channel.used, Duration.between(now, channel.resetAt)));
        }
        if (global) {
            globalWindow.addLast(now);
        }
        return headers.map(SendResult::sent).orElseGet(SendResult::sent);
    }

    /** Requests received, refused ones included. */
    public synchronized long requests() {
        return requests;
    }

    /** Requests answered with a 429. */
    public synchronized long rateLimited() {
        return rateLimited;
    }

    /** Requests refused by the global limit. */
    public synchronized long globalRateLimited() {
        return globalRateLimited;
    }
}
