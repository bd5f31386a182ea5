package dev.matchwave.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.persistence.TestDatabases;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationOutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");
    private NotificationOutbox outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox = new NotificationOutbox(TestDatabases.emptyStore().database());
    }

    @Test
    void pendingMessagesComeOldestFirstUntilDelivered() {
        OutboxMessage a = outbox.add(PlayerId.of(1), "match_found", "{\"match\":1}", Optional.empty(), T0);
        OutboxMessage b = outbox.add(PlayerId.of(2), "match_found", "{\"match\":1}", Optional.empty(), T0);
        OutboxMessage c = outbox.add(PlayerId.of(1), "match_details", "{\"match\":1}", Optional.empty(), T0);

        assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
        assertThat(outbox.pending(10)).containsExactly(a, b, c);
        assertThat(outbox.pendingFor(PlayerId.of(1), 10)).containsExactly(a, c);

        outbox.markDelivered(a.id(), T0.plusSeconds(1));
        outbox.markDelivered(a.id(), T0.plusSeconds(9));
        outbox.markFailed(b.id(), "429 Too Many Requests");

        assertThat(outbox.pending(10)).extracting(OutboxMessage::id).containsExactly(b.id(), c.id());
        assertThat(outbox.pending(1).get(0).attempts()).isEqualTo(1);
        assertThat(outbox.pending(1).get(0).lastError()).contains("429 Too Many Requests");
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.pruneDelivered(T0.plusSeconds(5))).isEqualTo(1);
        assertThat(outbox.pruneDelivered(T0.plusSeconds(5))).isZero();
    }

    @Test
    void aDedupeKeyMakesAddingIdempotent() {
        OutboxMessage first = outbox.add(PlayerId.of(1), "match_found", "one", Optional.of("found-1-1"), T0);
        OutboxMessage again = outbox.add(PlayerId.of(1), "match_found", "two", Optional.of("found-1-1"),
                T0.plusSeconds(1));

        assertThat(again).isEqualTo(first);
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void aBatchSkipsKeysAlreadyInTheOutboxAndIsMarkedDeliveredByKey() {
        outbox.add(PlayerId.of(1), "match_found", "", Optional.of("found:1:1"), T0);
        java.util.Set<String> added = outbox.addAll(java.util.List.of(
                new NotificationOutbox.Entry(PlayerId.of(1), "match_found", "", "found:1:1"),
                new NotificationOutbox.Entry(PlayerId.of(2), "match_found", "", "found:1:2"),
                new NotificationOutbox.Entry(PlayerId.of(2), "match_details", "", "details:1:2")), T0);

        assertThat(added).containsExactlyInAnyOrder("found:1:2", "details:1:2");
        assertThat(outbox.pending(10)).extracting(m -> m.dedupeKey().orElseThrow())
                .containsExactly("found:1:1", "found:1:2", "details:1:2");
        assertThat(outbox.markDelivered(java.util.List.of("found:1:1", "details:1:2", "no-such-key"), T0)).isEqualTo(2);
        assertThat(outbox.markDelivered(java.util.List.of("found:1:1"), T0.plusSeconds(1))).as("marked once").isZero();
        assertThat(outbox.pending(10)).extracting(m -> m.dedupeKey().orElseThrow()).containsExactly("found:1:2");
        assertThat(outbox.addAll(java.util.List.of(new NotificationOutbox.Entry(PlayerId.of(1), "match_found", "",
                "found:1:1")), T0)).as("a delivered key is not owed again").isEmpty();
    }

    @Test
    void unknownIdsAndBlankKindsAreDomainErrors() {
        assertThatThrownBy(() -> outbox.markDelivered(404, T0))
                .isInstanceOf(StoreException.class)
                .hasMessage("notification 404 is not in the outbox");
        assertThatThrownBy(() -> outbox.add(PlayerId.of(1), " ", "x", Optional.empty(), T0))
                .isInstanceOf(StoreException.class)
                .hasMessage("notification kind must not be blank");
    }
}
