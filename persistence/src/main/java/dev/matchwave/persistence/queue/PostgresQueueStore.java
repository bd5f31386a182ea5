package dev.matchwave.persistence.queue;

import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_ENTRIES;
import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_IN_MATCH;
import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_JOINS;
import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_STATE;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.QueueEntriesRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@link QueueStore} on PostgreSQL: tables {@code queue_entries}, {@code queue_joins},
 * {@code queue_in_match} and {@code queue_state} (migration V2).
 *
 * <p>Every method is one transaction. {@link #commitWave} is one transaction shared with the
 * wave listener: the match repository's writes made on the wave's thread while the listener
 * runs join it ({@code Sql.writeShared}), so the wave's matches and its players' leaving the
 * queue commit together or not at all. The {@link WaveFence} runs last inside it.
 *
 * <p>A second entry of one player is refused by the primary key ({@code DUPLICATE}), whatever
 * the callers do. Instants are kept to the microsecond. Thread-safe; every method blocks on
 * the database.
 */
public final class PostgresQueueStore implements QueueStore {

    private static final Condition THE_ROW = QUEUE_STATE.ID.eq(1);

    private final DSLContext dsl;
    private final WaveFence fence;

    public PostgresQueueStore(Database database) {
        this(database, WaveFence.NONE);
    }

    /** @param fence checked inside every wave's transaction, just before it commits */
    public PostgresQueueStore(Database database, WaveFence fence) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
        this.fence = Objects.requireNonNull(fence, "fence");
    }

    @Override
    public StoredQueue load(Instant joinsSince) {
        Objects.requireNonNull(joinsSince, "joinsSince");
        return Sql.readConsistent(dsl, "read the queue", db -> {
            List<StoredEntry> entries = db.selectFrom(QUEUE_ENTRIES).orderBy(QUEUE_ENTRIES.SEQUENCE)
                    .fetch(PostgresQueueStore::entry);
            Set<PlayerId> inMatch = new HashSet<>(db.select(QUEUE_IN_MATCH.PLAYER_ID).from(QUEUE_IN_MATCH)
                    .fetch(r -> PlayerId.of(r.value1())));
            Map<PlayerId, List<Instant>> joins = new HashMap<>();
            db.select(QUEUE_JOINS.PLAYER_ID, QUEUE_JOINS.JOINED_AT).from(QUEUE_JOINS)
                    .where(QUEUE_JOINS.JOINED_AT.ge(micros(joinsSince)))
                    .orderBy(QUEUE_JOINS.PLAYER_ID, QUEUE_JOINS.JOINED_AT)
                    .forEach(r -> joins.computeIfAbsent(PlayerId.of(r.value1()), p -> new ArrayList<>()).add(r.value2()));
            Long lastWave = db.select(QUEUE_STATE.LAST_WAVE).from(QUEUE_STATE).where(THE_ROW).fetchOne(QUEUE_STATE.LAST_WAVE);
            return new StoredQueue(entries, inMatch, joins, lastWave == null ? 0 : lastWave);
        });
    }

    @Override
    public void add(StoredEntry entry, Instant forgetJoinsBefore) {
        Objects.requireNonNull(entry, "entry");
        PlayerId player = entry.player().id();
        Sql.write(dsl, "queue player " + player, tx -> {
            if (tx.fetchExists(QUEUE_IN_MATCH, QUEUE_IN_MATCH.PLAYER_ID.eq(player.value()))) {
                throw StoreException.duplicate("player " + player + " is in a match");
            }
            int inserted = tx.insertInto(QUEUE_ENTRIES).set(row(tx, entry)).onConflictDoNothing().execute();
            if (inserted == 0) {
                throw StoreException.duplicate("player " + player + " is queued already");
            }
            tx.deleteFrom(QUEUE_JOINS).where(QUEUE_JOINS.PLAYER_ID.eq(player.value()),
                    QUEUE_JOINS.JOINED_AT.lt(micros(forgetJoinsBefore))).execute();
            tx.insertInto(QUEUE_JOINS, QUEUE_JOINS.PLAYER_ID, QUEUE_JOINS.JOINED_AT)
                    .values(player.value(), micros(entry.player().joinedAt())).execute();
            return null;
        });
    }

    /**
     * One transaction of four statements whatever the number of entries: who of them is in a
     * match, one insert of the others' entries (a player queued already is skipped by his primary
     * key), and the join log of those stored. When it fails, none is stored and each is named
     * with the failure.
     */
    @Override
    public Map<PlayerId, RuntimeException> addAll(List<StoredEntry> entries, Instant forgetJoinsBefore) {
        Objects.requireNonNull(forgetJoinsBefore, "forgetJoinsBefore");
        List<StoredEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = batch.stream().map(e -> e.player().id().value()).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("one player twice in a batch of joins: " + ids);
        }
        Set<Long> stored;
        try {
            stored = insertAll(batch, ids, forgetJoinsBefore);
        } catch (RuntimeException e) {
            Map<PlayerId, RuntimeException> failed = new HashMap<>();
            ids.forEach(id -> failed.put(PlayerId.of(id), e));
            return failed;
        }
        Map<PlayerId, RuntimeException> failed = new HashMap<>();
        for (long id : ids) {
            if (!stored.contains(id)) {
                failed.put(PlayerId.of(id), StoreException.duplicate("player " + id + " is queued already or in a match"));
            }
        }
        return failed;
    }

    /** The batch's transaction: the players whose entries it stored. */
    private Set<Long> insertAll(List<StoredEntry> batch, List<Long> ids, Instant forgetJoinsBefore) {
        return Sql.write(dsl, "queue " + batch.size() + " players", tx -> {
            Set<Long> inMatch = new HashSet<>(tx.select(QUEUE_IN_MATCH.PLAYER_ID).from(QUEUE_IN_MATCH)
                    .where(QUEUE_IN_MATCH.PLAYER_ID.in(ids)).fetch(QUEUE_IN_MATCH.PLAYER_ID));
            List<StoredEntry> candidates = batch.stream().filter(e -> !inMatch.contains(e.player().id().value())).toList();
            Set<Long> stored = new HashSet<>();
            if (!candidates.isEmpty()) {
                var insert = tx.insertInto(QUEUE_ENTRIES).set(row(tx, candidates.get(0)));
                for (StoredEntry entry : candidates.subList(1, candidates.size())) {
                    insert = insert.newRecord().set(row(tx, entry));
                }
                stored.addAll(insert.onConflictDoNothing().returning(QUEUE_ENTRIES.PLAYER_ID).fetch()
                        .getValues(QUEUE_ENTRIES.PLAYER_ID));
            }
            if (!stored.isEmpty()) {
                tx.deleteFrom(QUEUE_JOINS).where(QUEUE_JOINS.PLAYER_ID.in(stored),
                        QUEUE_JOINS.JOINED_AT.lt(micros(forgetJoinsBefore))).execute();
                var log = tx.insertInto(QUEUE_JOINS, QUEUE_JOINS.PLAYER_ID, QUEUE_JOINS.JOINED_AT);
                for (StoredEntry entry : batch) {
                    if (stored.contains(entry.player().id().value())) {
                        log = log.values(entry.player().id().value(), micros(entry.player().joinedAt()));
                    }
                }
                log.execute();
            }
            return stored;
        });
    }

    @Override
    public boolean attach(EntryKey key, String contact) {
        Objects.requireNonNull(contact, "contact");
        return Sql.write(dsl, "attach a contact to the entry of player " + key.player(), tx ->
                tx.update(QUEUE_ENTRIES).set(QUEUE_ENTRIES.CONTACT, contact).where(is(key)).execute() == 1);
    }

    @Override
    public boolean remove(EntryKey key) {
        return Sql.write(dsl, "remove the entry of player " + key.player(), tx ->
                tx.deleteFrom(QUEUE_ENTRIES).where(is(key)).execute() == 1);
    }

    @Override
    public void removeAll() {
        Sql.write(dsl, "empty the queue", tx -> tx.deleteFrom(QUEUE_ENTRIES).execute());
    }

    @Override
    public void markInMatch(PlayerId player) {
        Sql.write(dsl, "mark player " + player + " in a match", tx -> {
            tx.deleteFrom(QUEUE_ENTRIES).where(QUEUE_ENTRIES.PLAYER_ID.eq(player.value())).execute();
            return tx.insertInto(QUEUE_IN_MATCH, QUEUE_IN_MATCH.PLAYER_ID).values(player.value())
                    .onConflictDoNothing().execute();
        });
    }

    @Override
    public void release(PlayerId player) {
        Sql.write(dsl, "release player " + player, tx ->
                tx.deleteFrom(QUEUE_IN_MATCH).where(QUEUE_IN_MATCH.PLAYER_ID.eq(player.value())).execute());
    }

    @Override
    public void startWave(WaveStart start) {
        Sql.write(dsl, "start wave " + start.number(), tx -> {
            if (!start.expired().isEmpty()) {
                tx.deleteFrom(QUEUE_ENTRIES).where(anyOf(start.expired())).execute();
            }
            if (!start.waited().isEmpty()) {
                tx.update(QUEUE_ENTRIES).set(QUEUE_ENTRIES.WAIT_CYCLES, QUEUE_ENTRIES.WAIT_CYCLES.plus(1))
                        .where(anyOf(start.waited())).execute();
            }
            return tx.insertInto(QUEUE_STATE, QUEUE_STATE.ID, QUEUE_STATE.LAST_WAVE).values(1, start.number())
                    .onConflict(QUEUE_STATE.ID).doUpdate()
                    .set(QUEUE_STATE.LAST_WAVE, DSL.greatest(QUEUE_STATE.LAST_WAVE, DSL.excluded(QUEUE_STATE.LAST_WAVE)))
                    .execute();
        });
    }

    @Override
    public WaveCommit commitWave(Supplier<WaveCommit> work) {
        Objects.requireNonNull(work, "work");
        return Sql.writeShared(dsl, "commit a wave", tx -> {
            WaveCommit commit = Objects.requireNonNull(work.get(), "the wave's work returned null");
            if (!commit.matched().isEmpty()) {
                tx.deleteFrom(QUEUE_ENTRIES).where(anyOf(commit.matched())).execute();
                Long[] players = commit.matched().stream().map(k -> k.player().value()).toArray(Long[]::new);
                tx.insertInto(QUEUE_IN_MATCH, QUEUE_IN_MATCH.PLAYER_ID)
                        .select(DSL.select(DSL.field("p", Long.class))
                                .from(DSL.unnest(DSL.val(players)).as("u", "p")))
                        .onConflictDoNothing().execute();
            }
            fence.check(tx);
            return commit;
        });
    }

    // ---------------------------------------------------------------- rows

    /** The entries {@code keys}, by player and sequence: one statement, two arrays. */
    private static Condition anyOf(List<EntryKey> keys) {
        Long[] players = new Long[keys.size()];
        Long[] sequences = new Long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            players[i] = keys.get(i).player().value();
            sequences[i] = keys.get(i).sequence();
        }
        // Two array binds whatever the size: a queue of any length stays one short statement.
        return DSL.condition("({0}, {1}) IN (SELECT * FROM unnest({2}::bigint[], {3}::bigint[]))",
                QUEUE_ENTRIES.PLAYER_ID, QUEUE_ENTRIES.SEQUENCE, DSL.val(players), DSL.val(sequences));
    }

    private static Condition is(EntryKey key) {
        return QUEUE_ENTRIES.PLAYER_ID.eq(key.player().value()).and(QUEUE_ENTRIES.SEQUENCE.eq(key.sequence()));
    }

    private static QueueEntriesRecord row(DSLContext tx, StoredEntry entry) {
        QueuedPlayer player = entry.player();
        List<Seat> seats = player.seats();
        QueueEntriesRecord row = tx.newRecord(QUEUE_ENTRIES);
        row.setPlayerId(player.id().value());
        row.setSequence(entry.sequence());
        row.setSeatSides(seats.stream().map(Seat::side).toArray(String[]::new));
        row.setSeatRaces(seats.stream().map(Seat::race).toArray(String[]::new));
        row.setSeatRatings(seats.stream().map(Seat::rating).toArray(Integer[]::new));
        row.setVetoedMaps(new TreeSet<>(player.preferences().vetoedMaps()).toArray(String[]::new));
        row.setHomeRegion(player.preferences().homeRegion().orElse(null));
        row.setJoinedAt(micros(player.joinedAt()));
        row.setWaitCycles(player.waitCycles());
        row.setDeadline(micros(entry.deadline()));
        row.setContact(entry.contact().orElse(null));
        return row;
    }

    private static StoredEntry entry(QueueEntriesRecord row) {
        List<Seat> seats = new ArrayList<>(row.getSeatSides().length);
        for (int i = 0; i < row.getSeatSides().length; i++) {
            seats.add(new Seat(row.getSeatSides()[i], row.getSeatRaces()[i], row.getSeatRatings()[i]));
        }
        Preferences preferences = new Preferences(Set.of(row.getVetoedMaps()), Optional.ofNullable(row.getHomeRegion()));
        QueuedPlayer player = new QueuedPlayer(PlayerId.of(row.getPlayerId()), seats, preferences, row.getJoinedAt(),
                row.getWaitCycles());
        return new StoredEntry(player, row.getSequence(), row.getDeadline(), Optional.ofNullable(row.getContact()));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
