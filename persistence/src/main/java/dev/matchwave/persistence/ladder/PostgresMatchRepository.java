package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.MATCHES;
import static dev.matchwave.persistence.internal.schema.Tables.MATCH_PARTICIPANTS;
import static dev.matchwave.persistence.internal.schema.Tables.PLAYERS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.match.Committed;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Resolution;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.MatchParticipants;
import dev.matchwave.persistence.internal.schema.MatchParticipantsRecord;
import dev.matchwave.persistence.internal.schema.MatchesRecord;
import dev.matchwave.persistence.internal.schema.Sequences;
import dev.matchwave.persistence.queue.WaveFence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * {@link MatchRepository} on PostgreSQL: {@code matches} and its two {@code match_participants}
 * rows. The unique index {@code match_participants_one_open_match} (over the participants of open
 * matches, kept in step with the match state by a cascading foreign key) makes a player in two
 * open matches impossible, whatever the code does.
 *
 * <p>A wave's matches are created in one transaction with a constant number of statements (ids,
 * matches, participants), whatever the wave's size: all of them, or none (and the failure says
 * why: {@code DUPLICATE}, {@code NOT_FOUND}, or {@code UNAVAILABLE} with a log line). A
 * transition is one transaction: the match row, its participants, the rating changes with their
 * ledger entries, the abort used and the audit entry; the version check makes a repeated commit
 * a stale no-op. Both end with the store's fence ({@link PostgresLadderStore}): a process that
 * lost its leader's lease creates no match and commits no transition.
 *
 * <p>{@link #find} answers from a Caffeine cache of the matches this process created, committed
 * or read (a click, the renders of both players' messages and the lifecycle's timers read one
 * match many times). A match is cached once its write is committed ({@link Sql#afterCommit}: after
 * a wave's shared transaction, never on a rollback), never over a newer version, and dropped when
 * a commit of it fails (stale, fenced or unknown outcome). Only the leader writes matches, so its
 * cache is never behind the database; a process that takes over starts with an empty one. The
 * other reads (open matches, a player's open match, recent matches) always ask the database. A
 * transition from the cached version skips reading the match again: the update's version check
 * is what guards the row, and only the participants that changed are written.
 *
 * <p>Thread-safe; every method may block on the database.
 */
final class PostgresMatchRepository implements MatchRepository {

    private static final MatchParticipants P1 = MATCH_PARTICIPANTS.as("p1");
    private static final MatchParticipants P2 = MATCH_PARTICIPANTS.as("p2");

    private final DSLContext dsl;
    private final Runnable ratingsChanged;
    private static final long CACHE_SIZE = 50_000;
    private static final Duration CACHE_EXPIRY = Duration.ofMinutes(30);

    private final WaveFence fence;
    private final Consumer<PlayerId> playerChanged;
    private final Consumer<List<RatingChange>> ratingsWritten;
    /**
     * Matches by id, as this process last committed or read them: a click, its renders and the
     * lifecycle's timers read the same match many times. See {@link #remember} and the class comment.
     */
    private final Cache<MatchId, Match> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE)
            .expireAfterAccess(CACHE_EXPIRY).build();

    /** @param fence checked last inside every transaction that creates matches or commits a transition */
    /**
     * @param playerChanged told of a player whose row a transition changes (an abort uses one of
     *                      his aborts), on the committing thread once the transition's write
     *                      returned (committed, failed, or joined to a shared transaction)
     * @param ratingsWritten told of the rating changes a transition wrote (or tried to), likewise
     */
    PostgresMatchRepository(DSLContext dsl, Runnable ratingsChanged, WaveFence fence, Consumer<PlayerId> playerChanged,
                            Consumer<List<RatingChange>> ratingsWritten) {
        this.dsl = dsl;
        this.ratingsChanged = ratingsChanged;
        this.fence = fence;
        this.playerChanged = playerChanged;
        this.ratingsWritten = ratingsWritten;
    }

    @Override
    public List<Match> createAll(List<MatchDraft> drafts) {
        List<MatchDraft> wave = List.copyOf(drafts);
        if (wave.isEmpty()) {
            return List.of();
        }
        Set<PlayerId> seen = new HashSet<>();
        for (MatchDraft draft : wave) {
            for (PlayerId player : List.of(draft.player1().player(), draft.player2().player())) {
                if (!seen.add(player)) {
                    throw StoreException.duplicate("player " + player + " is in two new matches");
                }
            }
        }
        List<Match> made = Sql.write(dsl, "create a wave of " + wave.size() + " matches", tx -> {
            List<Long> ids = nextMatchIds(tx, wave.size());
            List<MatchesRecord> matchRows = new ArrayList<>(wave.size());
            List<MatchParticipantsRecord> participantRows = new ArrayList<>(wave.size() * 2);
            List<Match> created = new ArrayList<>(wave.size());
            for (int i = 0; i < wave.size(); i++) {
                Match match = Rows.micros(wave.get(i).toMatch(MatchId.of(ids.get(i))));
                matchRows.add(matchRow(match));
                participantRows.add(participantRow(match, 1, match.player1()));
                participantRows.add(participantRow(match, 2, match.player2()));
                created.add(match);
            }
            BulkInsert.into(tx, MATCHES, matchRows);
            BulkInsert.into(tx, MATCH_PARTICIPANTS, participantRows);
            fence.check(tx);
            return created;
        });
        made.forEach(this::remember);
        return made;
    }

    /**
     * Caches {@code match} once this thread's write of it is committed, unless a newer version is
     * cached already (two commits of one match may reach here in either order).
     */
    private void remember(Match match) {
        Sql.afterCommit(dsl, () -> cache.asMap().merge(match.id(), match,
                (cached, written) -> cached.version() >= written.version() ? cached : written));
    }

    @Override
    public Optional<Match> find(MatchId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(cache.get(id, key -> Sql.read(dsl, "find match " + key, db ->
                selectMatches(db).where(MATCHES.ID.eq(key.value())).fetchOptional().map(PostgresMatchRepository::match)
                        .orElse(null))));
    }

    @Override
    public Optional<Match> openMatchOf(PlayerId player) {
        Objects.requireNonNull(player, "player");
        return Sql.read(dsl, "find the open match of player " + player, db -> selectMatches(db)
                .where(MATCHES.ID.in(DSL.select(MATCH_PARTICIPANTS.MATCH_ID).from(MATCH_PARTICIPANTS)
                        .where(MATCH_PARTICIPANTS.PLAYER_ID.eq(player.value()), MATCH_PARTICIPANTS.IS_OPEN.isTrue())))
                .fetchOptional()
                .map(PostgresMatchRepository::match));
    }

    @Override
    public List<Match> open() {
        return Sql.read(dsl, "read the open matches", db ->
                selectMatches(db).where(MATCHES.IS_OPEN.isTrue()).orderBy(MATCHES.ID).fetch(PostgresMatchRepository::match));
    }

    @Override
    public List<Match> withState(MatchState state, int limit) {
        Objects.requireNonNull(state, "state");
        Limits.requirePositive(limit);
        return Sql.read(dsl, "read matches in state " + state, db -> selectMatches(db)
                .where(MATCHES.STATE.eq(Rows.name(state)))
                .orderBy(MATCHES.ID)
                .limit(limit)
                .fetch(PostgresMatchRepository::match));
    }

    @Override
    public List<Match> recentOf(PlayerId player, int limit) {
        Objects.requireNonNull(player, "player");
        Limits.requirePositive(limit);
        return Sql.read(dsl, "read the recent matches of player " + player, db -> selectMatches(db)
                .where(MATCHES.ID.in(DSL.select(MATCH_PARTICIPANTS.MATCH_ID).from(MATCH_PARTICIPANTS)
                        .where(MATCH_PARTICIPANTS.PLAYER_ID.eq(player.value()))))
                .orderBy(MATCHES.ID.desc())
                .limit(limit)
                .fetch(PostgresMatchRepository::match));
    }

    @Override
    public Committed commit(MatchTransition transition) {
        Objects.requireNonNull(transition, "transition");
        Match next = Rows.micros(transition.match());
        // The version this transition starts from, as this process committed or read it: then the
        // match need not be read again (the update's version check still guards the row).
        Match cached = cache.getIfPresent(next.id());
        Match before = cached != null && cached.version() == transition.expectedVersion() ? cached : null;
        Committed committed;
        try {
            committed = Sql.write(dsl, "commit version " + next.version() + " of match " + next.id(),
                    tx -> {
                        Committed done = commit(tx, transition, next, before);
                        fence.check(tx);
                        return done;
                    });
        } catch (RuntimeException e) {
            // Stale (another version won) or unknown outcome: the next read goes to the database.
            cache.invalidate(next.id());
            throw e;
        } finally {
            transition.abortUsedBy().ifPresent(playerChanged);
            ratingsWritten.accept(transition.ratingChanges());
        }
        remember(committed.match());
        if (!committed.ledger().isEmpty()) {
            // Inside a shared transaction (the lifecycle's change with what it owes), once it commits:
            // a leaderboard read before that would cache the old standings.
            Sql.afterCommit(dsl, ratingsChanged);
        }
        return committed;
    }

    /**
     * @param before the match at the transition's expected version when this process knows it
     *               (its cache), else null: the row is then read and locked first
     */
    private static Committed commit(DSLContext tx, MatchTransition transition, Match next, @Nullable Match before) {
        Match stored = before != null ? before : selectMatches(tx).where(MATCHES.ID.eq(next.id().value()))
                .forUpdate().of(MATCHES)
                .fetchOptional()
                .map(PostgresMatchRepository::match)
                .orElseThrow(() -> StoreException.notFound("match " + next.id() + " does not exist"));
        transition.requireAppliesTo(stored);

        int updated = tx.update(MATCHES)
                .set(MATCHES.VERSION, next.version())
                .set(MATCHES.STATE, Rows.name(next.state()))
                .set(MATCHES.IS_OPEN, next.isOpen())
                .set(MATCHES.RESULT, next.result().map(Rows::code).orElse(null))
                .set(MATCHES.RESOLUTION, next.resolution().map(Rows::name).orElse(null))
                .set(MATCHES.CONFIRM_DEADLINE, next.confirmDeadline())
                .set(MATCHES.STARTED_AT, next.startedAt().orElse(null))
                .set(MATCHES.ENDED_AT, next.endedAt().orElse(null))
                .where(MATCHES.ID.eq(next.id().value()), MATCHES.VERSION.eq(transition.expectedVersion()))
                .execute();
        if (updated != 1) {
            throw StoreException.stale("match " + next.id() + " changed while committing version " + next.version());
        }
        // Only a participant that changed (a confirm or a report changes one).
        if (!next.player1().equals(stored.player1())) {
            updateParticipant(tx, next, 1, next.player1());
        }
        if (!next.player2().equals(stored.player2())) {
            updateParticipant(tx, next, 2, next.player2());
        }

        List<LedgerEntry> ledger = RatingWrites.apply(tx, transition.ratingChanges());
        if (transition.abortUsedBy().isPresent()) {
            PlayerId aborter = transition.abortUsedBy().get();
            int used = tx.update(PLAYERS)
                    .set(PLAYERS.ABORTS_LEFT, PLAYERS.ABORTS_LEFT.minus(1))
                    .where(PLAYERS.ID.eq(aborter.value()), PLAYERS.ABORTS_LEFT.gt(0))
                    .execute();
            if (used != 1) {
                boolean exists = tx.fetchExists(PLAYERS, PLAYERS.ID.eq(aborter.value()));
                throw exists ? StoreException.stale("player " + aborter + " has no abort left")
                        : PostgresPlayerRepository.notRegistered(aborter);
            }
        }
        transition.audit().ifPresent(a -> tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(a)).execute());
        return new Committed(next, ledger);
    }

    private static void updateParticipant(DSLContext tx, Match match, int slot, Participant p) {
        tx.update(MATCH_PARTICIPANTS)
                .set(MATCH_PARTICIPANTS.CONFIRMED_AT, p.confirmedAt().orElse(null))
                .set(MATCH_PARTICIPANTS.REPORT, p.report().map(Rows::code).orElse(null))
                .set(MATCH_PARTICIPANTS.ABORT_ARMED, p.abortArmed())
                .where(MATCH_PARTICIPANTS.MATCH_ID.eq(match.id().value()), MATCH_PARTICIPANTS.SLOT.eq((short) slot))
                .execute();
    }

    // ---- rows ----

    private static SelectOnConditionStep<Record> selectMatches(DSLContext context) {
        return context.select(MATCHES.fields()).select(P1.fields()).select(P2.fields())
                .from(MATCHES)
                .join(P1).on(P1.MATCH_ID.eq(MATCHES.ID), slot(P1, 1))
                .join(P2).on(P2.MATCH_ID.eq(MATCHES.ID), slot(P2, 2));
    }

    private static Condition slot(MatchParticipants table, int slot) {
        return table.SLOT.eq((short) slot);
    }

    private static Match match(Record r) {
        MatchesRecord m = r.into(MATCHES);
        return new Match(MatchId.of(m.getId()), m.getVersion(), participant(r, P1), participant(r, P2),
                new MatchSetup(m.getMap(), m.getServer()), Rows.parse(MatchState.class, m.getState()),
                Optional.ofNullable(m.getResult()).map(Rows::result), m.getFoundAt(), m.getConfirmDeadline(),
                Optional.ofNullable(m.getStartedAt()), Optional.ofNullable(m.getEndedAt()),
                Optional.ofNullable(m.getResolution()).map(s -> Rows.parse(Resolution.class, s)));
    }

    private static Participant participant(Record r, MatchParticipants p) {
        return Rows.participant(r.get(p.PLAYER_ID), r.get(p.SIDE), r.get(p.RACE), r.get(p.RATING_BEFORE),
                r.get(p.CONFIRMED_AT), r.get(p.REPORT), r.get(p.ABORT_ARMED));
    }

    private static MatchesRecord matchRow(Match match) {
        MatchesRecord row = new MatchesRecord();
        row.setId(match.id().value());
        row.setVersion(match.version());
        row.setState(Rows.name(match.state()));
        row.setIsOpen(match.isOpen());
        row.setMap(match.setup().map());
        row.setServer(match.setup().server());
        row.setResult(match.result().map(Rows::code).orElse(null));
        row.setResolution(match.resolution().map(Rows::name).orElse(null));
        row.setFoundAt(match.foundAt());
        row.setConfirmDeadline(match.confirmDeadline());
        row.setStartedAt(match.startedAt().orElse(null));
        row.setEndedAt(match.endedAt().orElse(null));
        return row;
    }

    private static MatchParticipantsRecord participantRow(Match match, int slot, Participant p) {
        MatchParticipantsRecord row = new MatchParticipantsRecord();
        row.setMatchId(match.id().value());
        row.setSlot((short) slot);
        row.setPlayerId(p.player().value());
        row.setIsOpen(match.isOpen());
        row.setSide(p.side());
        row.setRace(p.race());
        row.setRatingBefore(p.ratingBefore());
        row.setConfirmedAt(p.confirmedAt().orElse(null));
        row.setReport(p.report().map(Rows::code).orElse(null));
        row.setAbortArmed(p.abortArmed());
        return row;
    }

    /** {@code count} new match ids, increasing, in one query. */
    private static List<Long> nextMatchIds(DSLContext tx, int count) {
        return tx.select(Sequences.MATCH_IDS.nextval())
                .from(DSL.generateSeries(1, count))
                .fetch(0, Long.class)
                .stream()
                .sorted()
                .toList();
    }
}
