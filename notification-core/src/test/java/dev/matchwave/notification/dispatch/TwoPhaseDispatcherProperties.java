package dev.matchwave.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.mailbox.MailboxConfig;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the sink answers (successes, 429s, retryable and permanent failures, any latency)
 * and whatever the limiter: every notification ends delivered once or reported and kept
 * pending, details never go out before their player's "match found" is settled, and the
 * figures add up.
 */
class TwoPhaseDispatcherProperties {

    enum Kind { OK, RATE_LIMITED, RETRYABLE, PERMANENT }

    enum Limiter { UNLIMITED, DISCORD, SMOOTH }

    record Outcome(Kind kind, int latencyMillis, int retryAfterMillis, boolean global) {
        ScriptedSink.Answer answer() {
            Duration retryAfter = Duration.ofMillis(retryAfterMillis);
            SendResult result = switch (kind) {
                case OK -> SendResult.sent();
                case RATE_LIMITED -> SendResult.rateLimited(retryAfter, global);
                case RETRYABLE -> SendResult.retryableFailure("502", global ? Optional.of(retryAfter) : Optional.empty());
                case PERMANENT -> SendResult.permanentFailure("403");
            };
            return new ScriptedSink.Answer(result, Duration.ofMillis(latencyMillis));
        }
    }

    @Provide
    Arbitrary<List<Outcome>> outcomes() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(Kind.OK)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.RATE_LIMITED)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.RETRYABLE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.PERMANENT)));
        return Combinators.combine(kind, Arbitraries.integers().between(0, 300), Arbitraries.integers().between(0, 20_000),
                Arbitraries.of(true, false)).as(Outcome::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void everyNotificationEndsOnceAndDetailsNeverOvertakeTheirMatchFound(
            @ForAll @IntRange(min = 1, max = 12) int matches, @ForAll Limiter limiterKind,
            @ForAll("outcomes") List<Outcome> outcomes) {
        ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
        int[] next = new int[1];
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> outcomes.get(next[0]++ % outcomes.size()).answer());
        Mailboxes mailboxes = new Mailboxes(MailboxConfig.defaults(), clock, MailboxListener.NONE);
        List<Undelivered> undelivered = new ArrayList<>();
        Map<Notification, Instant> gaveUpAt = new HashMap<>();
        RateLimiter limiter = switch (limiterKind) {
            case UNLIMITED -> RateLimiter.unlimited();
            case DISCORD -> RateLimiter.discord(DiscordLimits.defaults().withGlobalLimit(4), clock);
            case SMOOTH -> RateLimiter.smooth(10, Duration.ofSeconds(1), clock);
        };
        TwoPhaseDispatcher dispatcher = TwoPhaseDispatcher.builder().sink(sink).clock(clock).scheduler(clock)
                .rateLimiter(limiter)
                .retryPolicy(new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .listener(new DispatchListener() {
                    @Override
                    public void undelivered(Undelivered u) {
                        undelivered.add(u);
                        gaveUpAt.put(u.notification(), clock.instant());
                    }
                })
                .keepUndeliveredIn(mailboxes::publish)
                .build();

        CompletableFuture<WaveFigures> done = dispatcher.dispatch(TwoPhaseDispatcherTest.wave(matches));
        for (int i = 0; i < 5_000 && !done.isDone(); i++) {
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(done).isDone();
        WaveFigures figures = done.join();
        List<ScriptedSink.Request> requests = sink.requests();
        int players = 2 * matches;
        for (long p = 1; p <= players; p++) {
            PlayerId player = PlayerId.of(p);
            List<ScriptedSink.Request> found = requests.stream()
                    .filter(r -> r.notification().player().equals(player) && r.notification() instanceof MatchFound).toList();
            List<ScriptedSink.Request> details = requests.stream()
                    .filter(r -> r.notification().player().equals(player) && r.notification() instanceof MatchDetails).toList();
            for (List<ScriptedSink.Request> tries : List.of(found, details)) {
                assertThat(tries).isNotEmpty();
                long successes = tries.stream().filter(r -> r.result() instanceof SendResult.Sent).count();
                boolean reported = undelivered.stream().anyMatch(u -> u.notification().equals(tries.getFirst().notification()));
                assertThat(successes + (reported ? 1 : 0)).as("player %s: delivered once or reported", player).isEqualTo(1);
                assertThat(tries.getLast().result() instanceof SendResult.Sent).isEqualTo(!reported);
            }
            Instant foundSettled = gaveUpAt.getOrDefault(found.getLast().notification(), found.getLast().answeredAt());
            assertThat(details.getFirst().at()).as("player %s's details after his match found", player)
                    .isAfterOrEqualTo(foundSettled);
            long pending = mailboxes.pending(player).size();
            assertThat(pending).isEqualTo(undelivered.stream().filter(u -> u.notification().player().equals(player)).count());
        }
        assertThat(figures.failures()).isEqualTo(undelivered.size());
        assertThat(figures.sends()).isEqualTo(requests.size());
        assertThat(figures.retries()).isEqualTo(requests.size() - requests.stream().filter(r -> r.attempt() == 1).count());
        assertThat(figures.rateLimited())
                .isEqualTo(requests.stream().filter(r -> r.result() instanceof SendResult.RateLimited).count());
        assertThat(figures.phase1().count() + figures.phase2().count() + figures.failures()).isEqualTo(2 * players);
    }
}
