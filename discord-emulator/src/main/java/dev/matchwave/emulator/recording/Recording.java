package dev.matchwave.emulator.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every REST request the emulator answered, in arrival order.
 *
 * <p>A run's figures: take {@link #mark()} when it starts and {@link #figuresSince(long)} when
 * it ends, or {@link #figures()} for everything. Thread-safe; nothing blocks.
 */
public final class Recording {

    private final List<RequestRecord> records = new ArrayList<>();

    /** Adds a request; called by the emulator. */
    public synchronized RequestRecord add(Instant at, String method, String route, String path, Optional<String> bucket,
                                          int status, boolean interaction, boolean known, Map<String, String> headers) {
        RequestRecord record = new RequestRecord(records.size(), at, method, route, path, bucket, status, interaction,
                known, headers);
        records.add(record);
        return record;
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

    /** The position the next request will have: a run starts here. */
    public synchronized long mark() {
        return records.size();
    }

    /** The requests from a {@link #mark()} on. */
    public synchronized List<RequestRecord> since(long mark) {
        if (mark < 0 || mark > records.size()) {
            throw new IllegalArgumentException("mark must be between 0 and " + records.size() + ", got " + mark);
        }
        return List.copyOf(records.subList((int) mark, records.size()));
    }

    /** The figures of every request so far. */
    public RunFigures figures() {
        return RunFigures.of(requests());
    }

    /** The figures of the requests from a {@link #mark()} on. */
    public RunFigures figuresSince(long mark) {
        return RunFigures.of(since(mark));
    }
}
