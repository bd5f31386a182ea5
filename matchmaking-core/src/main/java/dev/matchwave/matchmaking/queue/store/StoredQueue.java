package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a {@link QueueStore} holds, read at start-up. Immutable.
 *
 * @param entries  the queue, in join order (by {@link StoredEntry#sequence()})
 * @param inMatch  players in a match that the queue made or was told of, not yet released
 * @param joins    each player's recent joins (the join-limit log), oldest first
 * @param lastWave the number of the last wave started, 0 before the first
 */
public record StoredQueue(List<StoredEntry> entries, Set<PlayerId> inMatch, Map<PlayerId, List<Instant>> joins,
                          long lastWave) {

    public static final StoredQueue EMPTY = new StoredQueue(List.of(), Set.of(), Map.of(), 0);

    public StoredQueue {
        entries = entries.stream().sorted(Comparator.comparingLong(StoredEntry::sequence)).toList();
        inMatch = Set.copyOf(Objects.requireNonNull(inMatch, "inMatch"));
        joins = joins.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().sorted().toList()));
        if (lastWave < 0) {
            throw new IllegalArgumentException("lastWave must not be negative, got " + lastWave);
        }
    }
}
