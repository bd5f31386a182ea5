package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.PLAYERS;
import static dev.matchwave.persistence.internal.schema.Tables.RATINGS;
import static dev.matchwave.persistence.internal.schema.Tables.RATING_LEDGER;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.match.ResultCodes;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.persistence.internal.schema.AdminActionsRecord;
import dev.matchwave.persistence.internal.schema.PlayersRecord;
import dev.matchwave.persistence.internal.schema.RatingLedgerRecord;
import dev.matchwave.persistence.internal.schema.RatingsRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Record;

/**
 * Between domain records and rows. Stateless.
 *
 * <p>Enums are stored as their lower-case names ({@code in_progress}); results and reports as
 * the reference ladder's codes ({@link ResultCodes#REFERENCE}), whatever codes a ladder shows;
 * instants to the microsecond, as PostgreSQL keeps them.
 */
final class Rows {

    /** The codes the database stores; the schema's CHECK constraints allow exactly these. */
    static final ResultCodes CODES = ResultCodes.REFERENCE;

    private Rows() {
    }

    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> micros(Optional<Instant> at) {
        return at.map(Rows::micros);
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String stored) {
        return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
    }

    static short code(MatchResult result) {
        return (short) CODES.of(result);
    }

    static short code(Report report) {
        return (short) CODES.of(report);
    }

    static MatchResult result(short code) {
        return CODES.result(code).orElseThrow(() -> new IllegalStateException("unknown stored result code " + code));
    }

    static Report report(short code) {
        return CODES.report(code).orElseThrow(() -> new IllegalStateException("unknown stored report code " + code));
    }

    // ---- players ----

    static Player player(PlayersRecord r) {
        Optional<PlayerProfile> profile = r.getUserId() == null ? Optional.empty()
                : Optional.of(new PlayerProfile(r.getUserId(), r.getBattleTag(), Arrays.asList(r.getAlternativeIds()),
                        r.getCountry(), r.getHomeRegion()));
        return new Player(PlayerId.of(r.getId()), profile, Optional.ofNullable(r.getTermsAcceptedAt()),
                r.getBanned(), r.getAbortsLeft(), r.getRegisteredAt());
    }

    static Player player(Record r) {
        return player(r.into(PLAYERS));
    }

    // ---- ratings ----

    static PlayerRating rating(RatingsRecord r) {
        return new PlayerRating(PlayerId.of(r.getPlayerId()), r.getRace(),
                new Rating(r.getRating(), r.getDeviation(), r.getVolatility()), r.getGames(), r.getWins(),
                r.getLosses(), r.getDraws(), Optional.ofNullable(r.getLastPlayed()));
    }

    static PlayerRating rating(Record r) {
        return rating(r.into(RATINGS));
    }

    /** The rating as PostgreSQL will give it back: last played to the microsecond. */
    static PlayerRating micros(PlayerRating r) {
        return new PlayerRating(r.player(), r.race(), r.rating(), r.games(), r.wins(), r.losses(), r.draws(),
                micros(r.lastPlayed()));
    }

    static RatingChange micros(RatingChange c) {
        return new RatingChange(c.match(), c.cause(), micros(c.before()), micros(c.after()), micros(c.at()));
    }

    static RatingsRecord ratingRow(PlayerRating r) {
        RatingsRecord row = new RatingsRecord();
        row.setPlayerId(r.player().value());
        row.setRace(r.race());
        row.setRating(r.rating().value());
        row.setDeviation(r.rating().deviation());
        row.setVolatility(r.rating().volatility());
        row.setGames(r.games());
        row.setWins(r.wins());
        row.setLosses(r.losses());
        row.setDraws(r.draws());
        row.setLastPlayed(r.lastPlayed().orElse(null));
        return row;
    }

    static RatingLedgerRecord ledgerRow(long sequence, RatingChange c) {
        RatingLedgerRecord row = new RatingLedgerRecord();
        row.setSequence(sequence);
        row.setMatchId(c.match().map(MatchId::value).orElse(null));
        row.setCause(name(c.cause()));
        row.setPlayerId(c.player().value());
        row.setRace(c.race());
        row.setAt(c.at());
        PlayerRating b = c.before();
        row.setBeforeRating(b.rating().value());
        row.setBeforeDeviation(b.rating().deviation());
        row.setBeforeVolatility(b.rating().volatility());
        row.setBeforeGames(b.games());
        row.setBeforeWins(b.wins());
        row.setBeforeLosses(b.losses());
        row.setBeforeDraws(b.draws());
        row.setBeforeLastPlayed(b.lastPlayed().orElse(null));
        PlayerRating a = c.after();
        row.setAfterRating(a.rating().value());
        row.setAfterDeviation(a.rating().deviation());
        row.setAfterVolatility(a.rating().volatility());
        row.setAfterGames(a.games());
        row.setAfterWins(a.wins());
        row.setAfterLosses(a.losses());
        row.setAfterDraws(a.draws());
        row.setAfterLastPlayed(a.lastPlayed().orElse(null));
        return row;
    }

    static LedgerEntry ledgerEntry(RatingLedgerRecord r) {
        PlayerId player = PlayerId.of(r.getPlayerId());
        PlayerRating before = new PlayerRating(player, r.getRace(),
                new Rating(r.getBeforeRating(), r.getBeforeDeviation(), r.getBeforeVolatility()), r.getBeforeGames(),
                r.getBeforeWins(), r.getBeforeLosses(), r.getBeforeDraws(),
                Optional.ofNullable(r.getBeforeLastPlayed()));
        PlayerRating after = new PlayerRating(player, r.getRace(),
                new Rating(r.getAfterRating(), r.getAfterDeviation(), r.getAfterVolatility()), r.getAfterGames(),
                r.getAfterWins(), r.getAfterLosses(), r.getAfterDraws(), Optional.ofNullable(r.getAfterLastPlayed()));
        RatingChange change = new RatingChange(Optional.ofNullable(r.getMatchId()).map(MatchId::of),
                parse(LedgerCause.class, r.getCause()), before, after, r.getAt());
        return new LedgerEntry(r.getSequence(), change);
    }

    static LedgerEntry ledgerEntry(Record r) {
        return ledgerEntry(r.into(RATING_LEDGER));
    }

    // ---- audit ----

    static AdminActionsRecord auditRow(AdminAction a) {
        AdminActionsRecord row = new AdminActionsRecord();
        row.setAdminId(a.admin().value());
        row.setKind(name(a.kind()));
        row.setTarget(a.target());
        row.setDetails(a.details());
        row.setReason(a.reason());
        row.setAt(micros(a.at()));
        return row;
    }

    static AuditEntry auditEntry(Record record) {
        AdminActionsRecord r = record.into(ADMIN_ACTIONS);
        return new AuditEntry(r.getSequence(), new AdminAction(PlayerId.of(r.getAdminId()),
                parse(AdminActionKind.class, r.getKind()), r.getTarget(), r.getDetails(), r.getReason(), r.getAt()));
    }

    // ---- matches ----

    static Participant participant(long player, String side, String race, int ratingBefore, Instant confirmedAt,
                                   Short report, boolean abortArmed) {
        return new Participant(PlayerId.of(player), side, race, ratingBefore, Optional.ofNullable(confirmedAt),
                Optional.ofNullable(report).map(Rows::report), abortArmed);
    }

    /** The match as PostgreSQL will give it back: every instant to the microsecond. */
    static Match micros(Match m) {
        return new Match(m.id(), m.version(), micros(m.player1()), micros(m.player2()), m.setup(), m.state(),
                m.result(), micros(m.foundAt()), micros(m.confirmDeadline()), micros(m.startedAt()),
                micros(m.endedAt()), m.resolution());
    }

    static Participant micros(Participant p) {
        return new Participant(p.player(), p.side(), p.race(), p.ratingBefore(), micros(p.confirmedAt()), p.report(),
                p.abortArmed());
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
