package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.NO_SHOW_TIMEOUTS;
import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_BARS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRepository;
import dev.matchwave.matchmaking.ladder.penalty.QueueBar;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.QueueBarsRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link NoShowRepository} on PostgreSQL: the {@code no_show_timeouts} and {@code queue_bars}
 * tables (migration V4). A lift and its audit row are one transaction.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
final class PostgresNoShowRepository implements NoShowRepository {

    private final DSLContext dsl;
    /**
     * Every bar of a player, read once (every join asks whether he is barred): a bar added or
     * lifted here drops his entry once committed. Bars are written only by the leader, here.
     */
    private final Cache<PlayerId, List<QueueBar>> bars = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(PostgresPlayerRepository.CACHE_EXPIRY).build();

    PostgresNoShowRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean addTimeout(PlayerId player, MatchId match, Instant at) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(at, "at");
        return Sql.write(dsl, "record a timeout of player " + player + " in match " + match.value(), tx -> tx
                .insertInto(NO_SHOW_TIMEOUTS)
                .set(NO_SHOW_TIMEOUTS.PLAYER_ID, player.value())
                .set(NO_SHOW_TIMEOUTS.MATCH_ID, match.value())
                .set(NO_SHOW_TIMEOUTS.TIMED_OUT_AT, micros(at))
                .onConflictDoNothing()
                .execute() == 1);
    }

    @Override
    public List<Instant> timeoutsSince(PlayerId player, Instant since) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(since, "since");
        return Sql.read(dsl, "read the timeouts of player " + player, db -> db
                .select(NO_SHOW_TIMEOUTS.TIMED_OUT_AT)
                .from(NO_SHOW_TIMEOUTS)
                .where(NO_SHOW_TIMEOUTS.PLAYER_ID.eq(player.value()), NO_SHOW_TIMEOUTS.TIMED_OUT_AT.ge(since))
                .orderBy(NO_SHOW_TIMEOUTS.TIMED_OUT_AT)
                .fetch(r -> r.value1()));
    }

    @Override
    public void addBar(QueueBar bar) {
        Objects.requireNonNull(bar, "bar");
        try {
            addBarRow(bar);
        } finally {
            Sql.afterCommit(dsl, () -> bars.invalidate(bar.player()));
        }
    }

    private void addBarRow(QueueBar bar) {
        Sql.write(dsl, "bar player " + bar.player() + " from the queue", tx -> tx
                .insertInto(QUEUE_BARS)
                .set(QUEUE_BARS.PLAYER_ID, bar.player().value())
                .set(QUEUE_BARS.STARTS_AT, micros(bar.from()))
                .set(QUEUE_BARS.ENDS_AT, micros(bar.until()))
                .set(QUEUE_BARS.TIMEOUTS, bar.timeouts())
                .set(QUEUE_BARS.REPEAT, bar.repeat())
                .set(QUEUE_BARS.LIFTED_AT, bar.liftedAt().map(PostgresNoShowRepository::micros).orElse(null))
                .execute());
    }

    @Override
    public List<QueueBar> barsSince(PlayerId player, Instant since) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(since, "since");
        return Sql.read(dsl, "read the queue bars of player " + player, db -> db
                .selectFrom(QUEUE_BARS)
                .where(QUEUE_BARS.PLAYER_ID.eq(player.value()), QUEUE_BARS.STARTS_AT.ge(since))
                .orderBy(QUEUE_BARS.STARTS_AT)
                .fetch(PostgresNoShowRepository::bar));
    }

    @Override
    public Optional<QueueBar> barInForce(PlayerId player, Instant now) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(now, "now");
        Instant at = micros(now);
        return bars.get(player, key -> Sql.read(dsl, "read the queue bars of player " + key, db -> db
                        .selectFrom(QUEUE_BARS)
                        .where(QUEUE_BARS.PLAYER_ID.eq(key.value()))
                        .fetch(PostgresNoShowRepository::bar)))
                .stream().filter(bar -> bar.inForceAt(at)).max(Comparator.comparing(QueueBar::endsAt));
    }

    private static org.jooq.Condition inForce(PlayerId player, Instant now) {
        return QUEUE_BARS.PLAYER_ID.eq(player.value())
                .and(QUEUE_BARS.STARTS_AT.le(now))
                .and(QUEUE_BARS.ENDS_AT.gt(now))
                .and(QUEUE_BARS.LIFTED_AT.isNull().or(QUEUE_BARS.LIFTED_AT.gt(now)));
    }

    @Override
    public Optional<QueueBar> lift(PlayerId player, Instant at, AdminAction audit) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(audit, "audit");
        Instant when = micros(at);
        try {
            return liftRow(player, when, audit);
        } finally {
            Sql.afterCommit(dsl, () -> bars.invalidate(player));
        }
    }

    private Optional<QueueBar> liftRow(PlayerId player, Instant when, AdminAction audit) {
        return Sql.write(dsl, "lift the queue bar of player " + player, tx -> {
            Optional<QueueBar> lifted = tx.update(QUEUE_BARS)
                    .set(QUEUE_BARS.LIFTED_AT, when)
                    .where(inForce(player, when))
                    .returning()
                    .fetch(PostgresNoShowRepository::bar)
                    .stream().max(Comparator.comparing(QueueBar::until));
            if (lifted.isPresent()) {
                tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(audit)).execute();
            }
            return lifted;
        });
    }

    private static QueueBar bar(QueueBarsRecord row) {
        return new QueueBar(PlayerId.of(row.getPlayerId()), row.getStartsAt(), row.getEndsAt(), row.getTimeouts(),
                row.getRepeat(), Optional.ofNullable(row.getLiftedAt()));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

}
