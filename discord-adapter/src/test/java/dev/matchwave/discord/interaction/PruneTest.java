package dev.matchwave.discord.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /prune over a fake DM history: every page read, deletes paced, no JDA, virtual time. */
class PruneTest {

    static final long BOT = 77;
    static final long ALICE = 11;
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** A DM channel of messages with ids 1..n (older ids first); records pages and deletes. */
    static final class FakeHistory implements Prune.History {
        final List<Prune.Sent> messages = new ArrayList<>();
        final List<String> pages = new ArrayList<>();
        final List<Long> deleted = new ArrayList<>();
        Set<Long> refused = Set.of();

        @Override
        public List<Prune.Sent> before(OptionalLong before, int limit) {
            pages.add(before.isPresent() ? "before " + before.getAsLong() : "latest");
            return messages.stream()
                    .filter(m -> before.isEmpty() || m.messageId() < before.getAsLong())
                    .sorted(Comparator.comparingLong(Prune.Sent::messageId).reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public void delete(long messageId) {
            if (refused.contains(messageId)) {
                throw new IllegalStateException("10008 Unknown Message");
            }
            deleted.add(messageId);
            messages.removeIf(m -> m.messageId() == messageId);
        }
    }

    private final ManualClock clock = ManualClock.atEpochSecond(NOW.getEpochSecond());
    private final List<Duration> pauses = new ArrayList<>();
    private final Prune.Pause pause = duration -> {
        pauses.add(duration);
        clock.advance(duration);
    };

    /** 250 messages, one a minute up to now: odd ids the bot's, even ids Alice's. */
    private static FakeHistory history(int count) {
        FakeHistory history = new FakeHistory();
        for (int id = 1; id <= count; id++) {
            history.messages.add(new Prune.Sent(id, id % 2 == 1 ? BOT : ALICE,
                    NOW.minus(Duration.ofMinutes(count - id))));
        }
        return history;
    }

    @Test
    void walksTheWholeHistoryAndDeletesTheBotsOldMessagesPaced() {
        FakeHistory history = history(250);
        Prune.Result result = Prune.run(history, BOT, NOW, clock, pause);

        assertThat(history.pages).containsExactly("latest", "before 151", "before 51");
        // Older than 3 h: ids 1..69 (message 70 is exactly 180 minutes old and stays); the bot's are the odd ones.
        List<Long> expected = new ArrayList<>();
        for (long id = 69; id >= 1; id -= 2) {
            expected.add(id);
        }
        assertThat(history.deleted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result).isEqualTo(new Prune.Result(250, 35, 0, 0));
        assertThat(pauses).hasSize(34).allMatch(Prune.PACE::equals);
        assertThat(Prune.answer(result)).isEqualTo("Deleted 35 messages of mine older than 3 hours.");
        assertThat(history.messages).noneMatch(m -> m.authorId() == BOT
                && m.createdAt().isBefore(NOW.minus(Prune.AGE)));
    }

    @Test
    void aFullLastPageAsksOnceMoreAndAnEmptyChannelIsQuick() {
        FakeHistory history = history(200);
        Prune.run(history, BOT, NOW, clock, pause);
        assertThat(history.pages).containsExactly("latest", "before 101", "before 1");

        FakeHistory empty = new FakeHistory();
        Prune.Result none = Prune.run(empty, BOT, NOW, clock, pause);
        assertThat(none).isEqualTo(new Prune.Result(0, 0, 0, 0));
        assertThat(Prune.answer(none)).contains("Nothing to delete");
    }

    @Test
    void aRefusedDeleteIsSkippedAndCounted() {
        FakeHistory history = history(10);
        history.messages.replaceAll(m -> new Prune.Sent(m.messageId(), m.authorId(), NOW.minus(Duration.ofHours(4))));
        history.refused = Set.of(3L);
        Prune.Result result = Prune.run(history, BOT, NOW, clock, pause);
        assertThat(result).isEqualTo(new Prune.Result(10, 4, 1, 0));
        assertThat(Prune.answer(result)).isEqualTo(
                "Deleted 4 messages of mine older than 3 hours. 1 message could not be deleted.");
    }

    @Test
    void theDeletesStopBeforeTheInteractionTokenDies() {
        FakeHistory history = new FakeHistory();
        for (int id = 1; id <= 4_000; id++) {
            history.messages.add(new Prune.Sent(id, BOT, NOW.minus(Duration.ofDays(2))));
        }
        Prune.Result result = Prune.run(history, BOT, NOW, clock, pause);
        // 13 minutes at one delete per 250 ms: 3,120 deletes, then the answer.
        long allowed = Prune.TIME_BUDGET.dividedBy(Prune.PACE) + 1;
        assertThat(result.deleted()).isEqualTo(allowed);
        assertThat(result.left()).isEqualTo(4_000 - allowed);
        assertThat(history.pages).hasSize(41);
        assertThat(Prune.answer(result)).endsWith("more to delete: run /prune again.");
    }
}
