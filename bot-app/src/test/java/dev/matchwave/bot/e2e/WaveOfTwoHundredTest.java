package dev.matchwave.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.bot.ladder.WaveObserver;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.MessageEvent;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.emulator.recording.RunFigures;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One wave of 200 players over Discord, as the reference ladder's busiest evenings: every
 * player sees "match found" before any player's match details arrive (phase 1 before phase 2),
 * Discord never answers 429, and what the bot measured of the wave agrees with what the
 * emulator recorded.
 */
@Tag("stress")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveOfTwoHundredTest {

    private static final int PLAYERS = 200;
    /** How far the emulator's recording may stray from the bot's own measure (two clocks, two threads). */
    private static final Duration TOLERANCE = Duration.ofMillis(250);

    private final CompletableFuture<WaveFigures> notified = new CompletableFuture<>();
    private LadderBotHarness bot;

    @BeforeAll
    void start() {
        // Waves once an hour, the ladder's clock a few seconds past the hour: no wave comes by
        // itself during the test, which runs the one it needs. The clock still ticks in real time,
        // as the rate limits need.
        Instant now = Instant.now();
        Instant pastTheHour = Instant.ofEpochSecond(now.getEpochSecond() / 3600 * 3600 + 5);
        Clock ladderClock = Clock.offset(Clock.systemUTC(), Duration.between(now, pastTheHour));
        bot = LadderBotHarness.start(LadderBotHarness.options()
                .waveInterval(Duration.ofHours(1))
                .clock(ladderClock)
                .poolSize(10)
                .waveObserver(new WaveObserver() {
                    @Override
                    public void waveNotified(Wave wave, WaveFigures figures) {
                        notified.complete(figures);
                    }
                }));
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    /** Non-interaction requests per second of the emulator's clock, with the 429s among them: "12:34:56 48 (2)". */
    private String perSecond(long mark) {
        Map<Long, int[]> seconds = new java.util.TreeMap<>();
        for (RequestRecord r : bot.discord().recording().since(mark)) {
            if (!r.route().contains("interaction")) {
                int[] counts = seconds.computeIfAbsent(r.at().getEpochSecond(), k -> new int[2]);
                counts[0]++;
                counts[1] += r.rateLimited() ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder();
        seconds.forEach((second, counts) -> out.append(second % 60).append(':').append(counts[0])
                .append(counts[1] > 0 ? "(" + counts[1] + ")" : "").append(' '));
        return out.toString();
    }

    /** The tokens edited more than once, with their edits' times: what a failing count needs. */
    private static String editsPerToken(List<RequestRecord> edits) {
        Map<String, List<Instant>> byToken = new java.util.TreeMap<>();
        edits.forEach(r -> byToken.computeIfAbsent(r.path().split("/")[3], k -> new ArrayList<>()).add(r.at()));
        StringBuilder out = new StringBuilder(byToken.size() + " tokens");
        byToken.forEach((token, times) -> {
            if (times.size() > 1) {
                out.append("; ").append(token, 0, Math.min(12, token.length())).append("... ").append(times);
            }
        });
        return out.toString();
    }

    @Test
    void twoHundredPlayersSeeMatchFoundBeforeAnyDetailsWithNo429() throws Exception {
        List<EmulatedUser> users = IntStream.range(0, PLAYERS).mapToObj(i -> bot.newUser()).toList();
        Set<String> joinTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService players = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> joined = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                EmulatedUser user = users.get(i);
                Side side = i % 2 == 0 ? Side.BW : Side.SC2;
                joined.add(CompletableFuture.runAsync(() -> {
                    bot.join(user, bot.readyQuickly(user, side));
                    joinTokens.add(user.interactions().getLast().token());
                }, players));
            }
            CompletableFuture.allOf(joined.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            players.shutdownNow();
        }
        assertThat(bot.ladder().queue().size()).isEqualTo(PLAYERS);

        long mark = bot.discord().recording().mark();
        int eventsBefore = bot.discord().messageEvents().size();
        Instant waveAt = Instant.now();
        Wave wave = bot.ladder().queue().runWave();
        assertThat(wave.pairs()).hasSize(PLAYERS / 2);
        for (EmulatedUser user : users) {
            assertThat(bot.openMatchOf(user).state()).isEqualTo(MatchState.FOUND);
        }
        // The players confirm as their "match found" comes, as players do (20 s later the
        // unconfirmed would be reminded, by direct message: another 200 global requests).
        ExecutorService confirming = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> confirmed = new ArrayList<>();
            for (EmulatedUser user : users) {
                confirmed.add(CompletableFuture.runAsync(
                        () -> user.press(bot.awaitMatchFound(user), "Confirm").awaitCallback(Duration.ofSeconds(30)),
                        confirming));
            }
            CompletableFuture.allOf(confirmed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            confirming.shutdownNow();
        }
        WaveFigures figures = notified.get(60, TimeUnit.SECONDS);
        Duration settled = Duration.between(waveAt, Instant.now());

        // Order: every "match found" (phase 1) before the first details message (phase 2).
        List<MessageEvent> events = bot.discord().messageEvents();
        events = events.subList(eventsBefore, events.size());
        Map<Long, MessageEvent> firstFound = new HashMap<>();
        long firstDetails = Long.MAX_VALUE;
        MessageEvent firstDetailsEvent = null;
        Set<Long> detailsUsers = new HashSet<>();
        Map<Long, Long> userOfChannel = new HashMap<>();
        users.forEach(u -> userOfChannel.put(u.directMessageChannelId(), u.id()));
        Map<Long, Long> userOfMessage = new HashMap<>();
        for (EmulatedUser user : users) {
            for (SeenMessage message : user.messages()) {
                userOfMessage.put(message.id(), user.id());
            }
        }
        int foundEdits = 0;
        for (MessageEvent event : events) {
            SeenMessage message = event.message();
            if (message.shows("Match found") && event.kind() == MessageEvent.Kind.EDITED && message.ephemeral()
                    && !firstFound.containsKey(userOfMessage.get(message.id()))) {
                foundEdits++;
                Long user = userOfMessage.get(message.id());
                assertThat(user).as("a match found on a player's own message").isNotNull();
                firstFound.putIfAbsent(user, event);
            } else if (event.kind() == MessageEvent.Kind.CREATED && userOfChannel.containsKey(message.channelId())) {
                // A new message in a player's DM: phase 2 (the match message).
                if (event.position() < firstDetails) {
                    firstDetailsEvent = event;
                }
                firstDetails = Math.min(firstDetails, event.position());
                detailsUsers.add(userOfChannel.getOrDefault(message.channelId(), 0L));
            }
        }
        assertThat(firstFound).as("every player saw match found").hasSize(PLAYERS);
        long lastFound = firstFound.values().stream().mapToLong(MessageEvent::position).max().orElseThrow();
        assertThat(detailsUsers).as("every player got his match message").hasSize(PLAYERS);
        MessageEvent lastFoundEvent = firstFound.values().stream().max(java.util.Comparator.comparingLong(
                MessageEvent::position)).orElseThrow();
        MessageEvent firstDetailsSeen = firstDetailsEvent;
        assertThat(lastFound).as(() -> "the last match found comes before the first details; last match found: "
                + lastFoundEvent + "; first message created in a player's DM: " + firstDetailsSeen)
                .isLessThan(firstDetails);

        // Rate limits: none hit, in the wave or before.
        RunFigures run = bot.discord().recording().figuresSince(mark);
        assertThat(run.rateLimited()).as(() -> run.summary() + "\nglobal requests per second: " + perSecond(mark))
                .isZero();
        assertThat(bot.discord().recording().figures().rateLimited()).isZero();
        assertThat(bot.discord().invalidRequests()).isZero();

        // The bot's figures agree with the recording.
        assertThat(figures.players()).isEqualTo(PLAYERS);
        assertThat(figures.matches()).isEqualTo(PLAYERS / 2);
        assertThat(figures.rateLimited()).isZero();
        assertThat(figures.failures()).isZero();
        List<RequestRecord> phase1 = bot.discord().recording().since(mark).stream()
                .filter(r -> r.method().equals("PATCH") && r.route().startsWith("PATCH /webhooks/")
                        && joinTokens.stream().anyMatch(r.path()::contains))
                .toList();
        // Each searching message is edited into "match found" once by the wave; later edits of the
        // same message are refreshes (the opponent's confirmation), through the same writer.
        Map<String, Instant> foundAt = new HashMap<>();
        for (RequestRecord edit : phase1) {
            joinTokens.stream().filter(edit.path()::contains).findFirst()
                    .ifPresent(token -> foundAt.merge(token, edit.at(), (a, b) -> a.isBefore(b) ? a : b));
        }
        assertThat(foundAt).as(() -> "every searching message edited into match found; edits per token: "
                + editsPerToken(phase1)).hasSize(PLAYERS);
        assertThat(foundEdits).isEqualTo(PLAYERS);
        Instant firstEdit = foundAt.values().stream().min(Instant::compareTo).orElseThrow();
        Instant lastEdit = foundAt.values().stream().max(Instant::compareTo).orElseThrow();
        Duration recordedSpread = Duration.between(firstEdit, lastEdit);
        assertThat(recordedSpread).as("the recorded phase 1 spread fits in the logged phase 1 max %s",
                figures.phase1().max()).isLessThanOrEqualTo(figures.phase1().max().plus(TOLERANCE));
        System.out.printf("wave of %d: phase 1 p50 %d ms max %d ms (recorded spread %d ms), phase 2 p50 %d ms max %d ms,"
                        + " settled in %d ms; %s%n", PLAYERS, figures.phase1().p50().toMillis(),
                figures.phase1().max().toMillis(), recordedSpread.toMillis(), figures.phase2().p50().toMillis(),
                figures.phase2().max().toMillis(), settled.toMillis(), run.summary());
    }
}
