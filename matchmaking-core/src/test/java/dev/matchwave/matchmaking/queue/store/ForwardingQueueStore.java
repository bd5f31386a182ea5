package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A store that hands every call to an {@link InMemoryQueueStore}: tests override the calls they
 * want to hold, fail or crash, and read {@link #delegate} for what was really stored.
 */
public class ForwardingQueueStore implements QueueStore {

    public final InMemoryQueueStore delegate = new InMemoryQueueStore();

    @Override
    public StoredQueue load(Instant joinsSince) {
        return delegate.load(joinsSince);
    }

    @Override
    public void add(StoredEntry entry, Instant forgetJoinsBefore) {
        delegate.add(entry, forgetJoinsBefore);
    }

    @Override
    public Map<PlayerId, RuntimeException> addAll(List<StoredEntry> entries, Instant forgetJoinsBefore) {
        return QueueStore.super.addAll(entries, forgetJoinsBefore);
    }

    @Override
    public boolean attach(EntryKey key, String contact) {
        return delegate.attach(key, contact);
    }

    @Override
    public boolean remove(EntryKey key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public void markInMatch(PlayerId player) {
        delegate.markInMatch(player);
    }

    @Override
    public void release(PlayerId player) {
        delegate.release(player);
    }

    @Override
    public void startWave(WaveStart start) {
        delegate.startWave(start);
    }

    @Override
    public WaveCommit commitWave(Supplier<WaveCommit> work) {
        return delegate.commitWave(work);
    }
}
