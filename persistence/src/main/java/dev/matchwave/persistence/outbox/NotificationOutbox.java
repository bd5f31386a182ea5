package dev.matchwave.persistence.outbox;

import static dev.matchwave.persistence.internal.schema.Tables.NOTIFICATION_OUTBOX;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.NotificationOutboxRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Notifications owed to players, kept in PostgreSQL until delivered: the sender adds a message
 * before trying to deliver it, marks it delivered when the platform accepted it, and after a
 * restart sends what is still {@linkplain #pending pending}. Delivery is at least once: a
 * message delivered just before a crash, but not yet marked, is sent again; the dedupe key
 * (optional) keeps a message from being added twice.
 *
 * <p>Thread-safe. Every method blocks on the database (see {@link Database} for the threading
 * rule) and reports failures as {@link StoreException}, never as SQL exceptions.
 */
public final class NotificationOutbox {

    private final DSLContext dsl;

    public NotificationOutbox(Database database) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
    }

    /**
     * Adds a message. With a dedupe key that is already in the outbox, nothing is added and the
     * stored message is returned (adding is idempotent).
     *
     * @throws StoreException {@code INVALID} for a blank kind; {@code UNAVAILABLE} when the
     *         database failed (nothing was added)
     */
    public OutboxMessage add(PlayerId recipient, String kind, String payload, Optional<String> dedupeKey,
                             Instant at) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(at, "at");
        if (kind.isBlank()) {
            throw StoreException.invalid("notification kind must not be blank");
        }
        return Sql.write(dsl, "add a " + kind + " notification for player " + recipient, tx -> {
            Optional<NotificationOutboxRecord> inserted = tx.insertInto(NOTIFICATION_OUTBOX)
                    .set(NOTIFICATION_OUTBOX.RECIPIENT, recipient.value())
                    .set(NOTIFICATION_OUTBOX.KIND, kind)
                    .set(NOTIFICATION_OUTBOX.PAYLOAD, payload)
                    .set(NOTIFICATION_OUTBOX.DEDUPE_KEY, dedupeKey.orElse(null))
                    .set(NOTIFICATION_OUTBOX.CREATED_AT, at.truncatedTo(ChronoUnit.MICROS))
                    .onConflict(NOTIFICATION_OUTBOX.DEDUPE_KEY).doNothing()
                    .returning()
                    .fetchOptional();
            return inserted
                    .or(() -> dedupeKey.flatMap(key -> tx.selectFrom(NOTIFICATION_OUTBOX)
                            .where(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(key))
                            .fetchOptional()))
                    .map(NotificationOutbox::message)
                    .orElseThrow(() -> StoreException.stale("notification " + dedupeKey + " vanished while adding"));
        });
    }

    /** One message to add with {@link #addAll}: its dedupe key names it (a key already in the outbox is skipped). */
    public record Entry(PlayerId recipient, String kind, String payload, String dedupeKey) {
        public Entry {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(dedupeKey, "dedupeKey");
            if (kind.isBlank() || dedupeKey.isBlank()) {
                throw new IllegalArgumentException("an outbox entry needs a kind and a dedupe key");
            }
        }
    }

    /**
     * Adds messages in one statement (inside a caller's shared transaction, when there is one:
     * a wave adds what it owes together with its matches). A message whose dedupe key is in the
     * outbox already, delivered or not, is skipped.
     *
     * @return the dedupe keys of the messages added (not those skipped)
     * @throws StoreException {@code UNAVAILABLE} when the database failed (nothing was added)
     */
    public java.util.Set<String> addAll(List<Entry> entries, Instant at) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(at, "at");
        if (entries.isEmpty()) {
            return java.util.Set.of();
        }
        Instant created = at.truncatedTo(ChronoUnit.MICROS);
        return Sql.write(dsl, "add " + entries.size() + " notifications", tx -> {
            var insert = tx.insertInto(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.KIND,
                    NOTIFICATION_OUTBOX.PAYLOAD, NOTIFICATION_OUTBOX.DEDUPE_KEY, NOTIFICATION_OUTBOX.CREATED_AT);
            for (Entry e : entries) {
                insert = insert.values(e.recipient().value(), e.kind(), e.payload(), e.dedupeKey(), created);
            }
            return new java.util.HashSet<>(insert.onConflict(NOTIFICATION_OUTBOX.DEDUPE_KEY).doNothing()
                    .returningResult(NOTIFICATION_OUTBOX.DEDUPE_KEY)
                    .fetch(r -> r.value1()));
        });
    }

    /**
     * Marks the messages of these dedupe keys delivered (one statement); keys not in the outbox,
     * or delivered already, are left as they are.
     *
     * @return how many were marked now
     */
    public int markDelivered(java.util.Collection<String> dedupeKeys, Instant at) {
        Objects.requireNonNull(dedupeKeys, "dedupeKeys");
        Objects.requireNonNull(at, "at");
        if (dedupeKeys.isEmpty()) {
            return 0;
        }
        return Sql.write(dsl, "mark " + dedupeKeys.size() + " notifications delivered", tx -> tx
                .update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.DELIVERED_AT, at.truncatedTo(ChronoUnit.MICROS))
                .where(NOTIFICATION_OUTBOX.DEDUPE_KEY.in(dedupeKeys), NOTIFICATION_OUTBOX.DELIVERED_AT.isNull())
                .execute());
    }

    /** Whether the message of this dedupe key is in the outbox and marked delivered. */
    public boolean isDelivered(String dedupeKey) {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        return Sql.read(dsl, "read the delivery of notification " + dedupeKey, db -> db.fetchExists(
                db.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(dedupeKey),
                        NOTIFICATION_OUTBOX.DELIVERED_AT.isNotNull())));
    }

    /** Pending messages, oldest first. */
    public List<OutboxMessage> pending(int limit) {
        requirePositive(limit);
        return Sql.read(dsl, "read pending notifications", db -> db.selectFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DELIVERED_AT.isNull())
                .orderBy(NOTIFICATION_OUTBOX.ID)
                .limit(limit)
                .fetch(NotificationOutbox::message));
    }

    /** Pending messages for one player, oldest first (e.g. for a "/match" command). */
    public List<OutboxMessage> pendingFor(PlayerId recipient, int limit) {
        Objects.requireNonNull(recipient, "recipient");
        requirePositive(limit);
        return Sql.read(dsl, "read pending notifications of player " + recipient, db -> db
                .selectFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DELIVERED_AT.isNull(), NOTIFICATION_OUTBOX.RECIPIENT.eq(recipient.value()))
                .orderBy(NOTIFICATION_OUTBOX.ID)
                .limit(limit)
                .fetch(NotificationOutbox::message));
    }

    /** How many messages are pending. */
    public int pendingCount() {
        return Sql.read(dsl, "count pending notifications", db ->
                db.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.DELIVERED_AT.isNull()));
    }

    /**
     * Marks the message delivered; a second call keeps the first time.
     *
     * @throws StoreException {@code NOT_FOUND} for an unknown id
     */
    public void markDelivered(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        Sql.write(dsl, "mark notification " + id + " delivered", tx -> {
            int updated = tx.update(NOTIFICATION_OUTBOX)
                    .set(NOTIFICATION_OUTBOX.DELIVERED_AT,
                            DSL.coalesce(NOTIFICATION_OUTBOX.DELIVERED_AT, DSL.val(at.truncatedTo(ChronoUnit.MICROS))))
                    .where(NOTIFICATION_OUTBOX.ID.eq(id))
                    .execute();
            if (updated == 0) {
                throw StoreException.notFound("notification " + id + " is not in the outbox");
            }
            return updated;
        });
    }

    /**
     * Records a failed delivery: one more attempt, and why. The message stays pending.
     *
     * @throws StoreException {@code NOT_FOUND} for an unknown id
     */
    public void markFailed(long id, String error) {
        Objects.requireNonNull(error, "error");
        Sql.write(dsl, "record a failed delivery of notification " + id, tx -> {
            int updated = tx.update(NOTIFICATION_OUTBOX)
                    .set(NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.ATTEMPTS.plus(1))
                    .set(NOTIFICATION_OUTBOX.LAST_ERROR, error)
                    .where(NOTIFICATION_OUTBOX.ID.eq(id))
                    .execute();
            if (updated == 0) {
                throw StoreException.notFound("notification " + id + " is not in the outbox");
            }
            return updated;
        });
    }

    /** Deletes delivered messages delivered before {@code before}; returns how many. */
    public int pruneDelivered(Instant before) {
        Objects.requireNonNull(before, "before");
        return Sql.write(dsl, "prune delivered notifications", tx -> tx.deleteFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DELIVERED_AT.lt(before))
                .execute());
    }

    private static OutboxMessage message(NotificationOutboxRecord r) {
        return new OutboxMessage(r.getId(), PlayerId.of(r.getRecipient()), r.getKind(), r.getPayload(),
                Optional.ofNullable(r.getDedupeKey()), r.getCreatedAt(), r.getAttempts(),
                Optional.ofNullable(r.getLastError()), Optional.ofNullable(r.getDeliveredAt()));
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
