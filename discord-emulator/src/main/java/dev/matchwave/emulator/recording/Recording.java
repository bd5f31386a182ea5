package dev.matchwave.emulator.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every REST request the emulator answered, in arrival order.
 *
 * <p>A run's figures: take {@link #mark()} when it starts and {@link #figuresSince(long)} when
 * it ends, or {@link #figures()} for everything.
 *
 * <p>A mark agrees with what users see: the emulator handles each request and records it as one
 * step ({@link #handled}), and {@link #mark()} waits for the steps under way. So a request whose
 * effect a scripted user saw before the mark was taken is recorded before the mark, never after
 * it. Thread-safe; requests are handled side by side, and only {@code mark()} waits (for the
 * requests being handled at that instant, microseconds).
 */
public final class Recording {

    private final List<RequestRecord> records = new ArrayList<>();
    /** Read side: a request being handled and recorded. Write side: a mark. */
    private final ReadWriteLock marking = new ReentrantReadWriteLock();

    /** Adds a request; called by the emulator. */
    public synchronized RequestRecord add(Instant at, String method, String route, String path, Optional<String> bucket,
                                          int status, boolean interaction, boolean known, Map<String, String> headers) {
        RequestRecord record = new RequestRecord(records.size(), at, method, route, path, bucket, status, interaction,
                known, headers);
        records.add(record);
        return record;
    }

    /**
     * Handles one request and records it as a single step for {@link #mark()}: {@code handling}
     * changes what users see and ends by calling {@link #add} (the emulator's request path).
     */
    public <T> T handled(Supplier<T> handling) {
        Objects.requireNonNull(handling, "handling");
        marking.readLock().lock();
        try {
            return handling.get();
        } finally {
            marking.readLock().unlock();
        }
    }

    /** Every request so far. */
    public synchronized List<RequestRecord> requests() {
        return List.copyOf(records);
    }

    /** The requests that match. */
    public synchronized List<RequestRecord> requests(Predicate<RequestRecord> filter) {
        Objects.requireNonNull(filter, "filter");
        return records.stream().filter(filter).toList();
    }

    /**
     * The position the next request will have: a run starts here. Waits for the requests being
     * handled to be recorded first, so everything a user has seen so far lies before the mark.
     */
    public long mark() {
        return afterHandled(() -> {
            synchronized (this) {
                return (long) records.size();
            }
        });
    }

    /** {@code read}, once the requests being handled are recorded (none is half done meanwhile). */
    private <T> T afterHandled(Supplier<T> read) {
        marking.writeLock().lock();
        try {
            return read.get();
        } finally {
            marking.writeLock().unlock();
        }
    }

    /** The requests from a {@link #mark()} on. */
    public synchronized List<RequestRecord> since(long mark) {
        if (mark < 0 || mark > records.size()) {
            throw new IllegalArgumentException("mark must be between 0 and " + records.size() + ", got " + mark);
        }
        return List.copyOf(records.subList((int) mark, records.size()));
    }

    /**
     * The figures of every request so far. Waits, as {@link #mark()} does, for the requests being
     * handled to be recorded: a user who has seen a request's effect finds it counted (the
     * emulator example read 3 of its 4 requests once, the last one's edit seen but not yet
     * recorded).
     */
    public RunFigures figures() {
        return afterHandled(() -> RunFigures.of(requests()));
    }

    /** The figures of the requests from a {@link #mark()} on; waits as {@link #figures()} does. */
    public RunFigures figuresSince(long mark) {
        return afterHandled(() -> RunFigures.of(since(mark)));
    }
}
