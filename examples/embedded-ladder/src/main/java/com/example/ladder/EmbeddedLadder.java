package com.example.ladder;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.QueueConfig;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.matchmaking.queue.WaveReceipt;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ladder inside a bot of your own: players join a {@link QueueService}, a wave pairs them
 * optimally, and a {@link TwoPhaseDispatcher} tells every matched player "match found" before
 * anyone gets his match details, paced by a rate limiter, through {@link ChatSink}, a sink of
 * this bot's own.
 *
 * <p>Time is a {@link ManualClock} here so that the example runs in an instant and its test is
 * exact; a real bot passes {@code InstantSource.system()} and
 * {@code Scheduler.forScheduledExecutorService(executor)} instead.
 */
public final class EmbeddedLadder implements AutoCloseable {

    /** What one wave did: its pairs, the dispatcher's figures, who is still queued. */
    public record WaveReport(List<Pair> pairs, WaveFigures figures, int stillQueued) {
    }

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final ChatSink chat = new ChatSink();
    private final AtomicLong matchIds = new AtomicLong();
    private final List<CompletableFuture<WaveFigures>> dispatched = new ArrayList<>();
    private final List<Pair> lastPairs = new ArrayList<>();
    private final List<Notification> undelivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final QueueService queue;
    private final TwoPhaseDispatcher dispatcher;

    public EmbeddedLadder() {
        // Ten sends a second at most: the pace of this bot's chat platform.
        dispatcher = TwoPhaseDispatcher.builder()
                .sink(chat)
                .clock(clock)
                .scheduler(clock)
                .rateLimiter(RateLimiter.smooth(10, Duration.ofSeconds(1), clock))
                // What could not be delivered after the retries: a real bot keeps it for later
                // (the player's mailbox, shown when he next talks to the bot).
                .keepUndeliveredIn(undelivered::add)
                .build();
        // Everybody in one pool; a rating window of 100 that grows by 50 each wave waited.
        queue = QueueService.builder(SinglePoolRules.defaults(), Pairers.optimal())
                .clock(clock)
                .scheduler(clock)
                .config(QueueConfig.builder().waveInterval(Duration.ofSeconds(30)).build())
                .onWave(this::createMatches)
                .build();
        queue.start();
    }

    /** A player joins with his rating; the answer is the queue's own ("You are queued", a refusal). */
    public JoinResult join(long player, int rating) {
        return queue.join(PlayerId.of(player), List.of(SinglePoolRules.seat(rating)), Preferences.NONE);
    }

    /** Runs the next wave and delivers what it owes; returns what happened. */
    public WaveReport nextWave() {
        lastPairs.clear();
        clock.advanceTo(queue.status().nextWave());
        clock.advance(Duration.ofSeconds(5)); // time for the paced sends
        WaveFigures figures = dispatched.isEmpty() ? null : dispatched.remove(0).join();
        return new WaveReport(List.copyOf(lastPairs), figures, queue.size());
    }

    /** What the dispatcher gave up on. */
    public List<Notification> undelivered() {
        return List.copyOf(undelivered);
    }

    /** What each player saw, in order. */
    public Map<PlayerId, List<String>> transcripts() {
        return chat.transcripts();
    }

    /**
     * Called by the queue during a wave: creates the matches (a real bot writes them to its
     * database here) and hands them to the dispatcher.
     */
    private WaveReceipt createMatches(Wave wave) {
        List<MatchInfo> matches = new ArrayList<>();
        for (Pair pair : wave.pairs()) {
            matches.add(new MatchInfo(matchIds.incrementAndGet(),
                    new Participant(pair.first().id(), "player " + pair.first().id().value(), SinglePoolRules.SIDE),
                    new Participant(pair.second().id(), "player " + pair.second().id().value(), SinglePoolRules.SIDE),
                    "Fighting Spirit", "EUC", "lobby-" + matchIds.get()));
        }
        lastPairs.addAll(wave.pairs());
        dispatched.add(dispatcher.dispatch(matches));
        return WaveReceipt.allCreated();
    }

    @Override
    public void close() {
        queue.close();
    }

    public static void main(String[] args) {
        try (EmbeddedLadder ladder = new EmbeddedLadder()) {
            int[] ratings = {1500, 1530, 1910, 1870, 2400};
            for (int i = 0; i < ratings.length; i++) {
                System.out.println("player " + (i + 1) + ": " + ladder.join(i + 1, ratings[i]).message());
            }
            WaveReport wave = ladder.nextWave();
            wave.pairs().forEach(pair -> System.out.println("paired " + pair.first().id().value() + " with "
                    + pair.second().id().value()));
            System.out.println(wave.stillQueued() + " still queued; " + wave.figures().sends() + " sends, "
                    + wave.figures().rateLimited() + " rate-limited");
            ladder.transcripts().forEach((player, lines) -> lines.forEach(line ->
                    System.out.println("  to " + player.value() + ": " + line)));
        }
    }
}
