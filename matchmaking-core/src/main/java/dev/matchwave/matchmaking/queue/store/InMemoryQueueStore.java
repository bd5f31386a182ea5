package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link QueueStore} in memory: the default of a {@link dev.matchwave.matchmaking.queue.QueueService},
 * and, kept across services, a stand-in for a database in tests (a service built over it again
 * restores what the last one stored, as after a restart).
 *
 * <p>Thread-safe (one monitor); never blocks except on that monitor. {@link #commitWave} runs
 * its work outside the monitor and stores the commit after it.
 */
public final class InMemoryQueueStore implements QueueStore {

    private final Map<PlayerId, StoredEntry> entries = new LinkedHashMap<>();
    private final Set<PlayerId> inMatch = new HashSet<>();
    private final Map<PlayerId, List<Instant>> joins = new HashMap<>();
    private long lastWave;

    @Override
    public synchronized StoredQueue load(Instant joinsSince) {
        Map<PlayerId, List<Instant>> recent = new HashMap<>();
        joins.forEach((player, times) -> {
            List<Instant> kept = times.stream().filter(t -> !t.isBefore(joinsSince)).toList();
            if (!kept.isEmpty()) {
                recent.put(player, kept);
            }
        });
        return new StoredQueue(List.copyOf(entries.values()), inMatch, recent, lastWave);
    }

    @Override
    public synchronized void add(StoredEntry entry, Instant forgetJoinsBefore) {
        PlayerId player = entry.player().id();
        if (entries.containsKey(player)) {
            throw StoreException.duplicate("player " + player + " is queued already");
        }
        if (inMatch.contains(player)) {
            throw StoreException.duplicate("player " + player + " is in a match");
        }
        StoredEntry micros = new StoredEntry(entry.player(), entry.sequence(),
                entry.deadline().truncatedTo(ChronoUnit.MICROS), entry.contact());
        entries.put(player, micros);
        List<Instant> log = joins.computeIfAbsent(player, p -> new ArrayList<>());
        log.removeIf(t -> t.isBefore(forgetJoinsBefore));
        log.add(entry.player().joinedAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public synchronized boolean attach(EntryKey key, String contact) {
        Objects.requireNonNull(contact, "contact");
        StoredEntry entry = entries.get(key.player());
        if (entry == null || entry.sequence() != key.sequence()) {
            return false;
        }
        entries.put(key.player(), entry.withContact(contact));
        return true;
    }

    @Override
    public synchronized boolean remove(EntryKey key) {
        StoredEntry entry = entries.get(key.player());
        if (entry == null || entry.sequence() != key.sequence()) {
            return false;
        }
        entries.remove(key.player());
        return true;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized void markInMatch(PlayerId player) {
        entries.remove(player);
        inMatch.add(player);
    }

    @Override
    public synchronized void release(PlayerId player) {
        inMatch.remove(player);
    }

    @Override
    public synchronized void startWave(WaveStart start) {
        start.expired().forEach(this::remove);
        for (EntryKey key : start.waited()) {
            StoredEntry entry = entries.get(key.player());
            if (entry != null && entry.sequence() == key.sequence()) {
                entries.put(key.player(), entry.withWaitCycles(entry.player().waitCycles() + 1));
            }
        }
        lastWave = Math.max(lastWave, start.number());
    }

    @Override
    public WaveCommit commitWave(Supplier<WaveCommit> work) {
        WaveCommit commit = Objects.requireNonNull(work.get(), "the wave's work returned null");
        synchronized (this) {
            for (EntryKey key : commit.matched()) {
                remove(key);
                inMatch.add(key.player());
            }
        }
        return commit;
    }
}
