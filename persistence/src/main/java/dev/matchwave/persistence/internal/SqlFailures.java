package dev.matchwave.persistence.internal;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the driver throws into {@link StoreException}s: a violated constraint becomes a
 * domain error with a sentence naming the problem (looked up by the constraint's name, which the
 * migrations keep stable), a lost or refused connection becomes {@link Kind#UNAVAILABLE}. No SQL
 * exception leaves a repository.
 *
 * <p>Stateless and thread-safe.
 */
public final class SqlFailures {

    private static final Logger LOG = LoggerFactory.getLogger("dev.matchwave.persistence");
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*?)\\)");

    /** What each named constraint means, for the person who reads the error. */
    private static final Map<String, Violation> CONSTRAINTS = Map.ofEntries(
            violation("players_pk", Kind.DUPLICATE, "player %s is already registered"),
            violation("players_user_id_unique", Kind.DUPLICATE, "user id %s is taken"),
            violation("players_aborts_left_not_negative", Kind.INVALID, "abortsLeft must not be negative"),
            violation("players_id_not_negative", Kind.INVALID, "player id must not be negative"),
            violation("players_profile_complete", Kind.INVALID, "a profile needs every field"),
            violation("ratings_pk", Kind.STALE, "rating %s was created by another writer meanwhile; read it again"),
            violation("ratings_player_fk", Kind.NOT_FOUND, "player %s is not registered"),
            violation("ratings_games_add_up", Kind.INVALID, "games must equal wins + losses + draws"),
            violation("ratings_record_not_negative", Kind.INVALID, "wins, losses and draws must not be negative"),
            violation("ratings_uncertainty_not_negative", Kind.INVALID,
                    "rating deviation and volatility must not be negative"),
            violation("match_participants_one_open_match", Kind.DUPLICATE, "player %s is already in an open match"),
            violation("match_participants_not_against_himself", Kind.DUPLICATE,
                    "a player cannot meet himself (%s)"),
            violation("match_participants_player_fk", Kind.NOT_FOUND, "player %s is not registered"),
            violation("match_participants_match_fk", Kind.NOT_FOUND, "match %s does not exist"),
            violation("match_participants_report_code", Kind.INVALID,
                    "report code outside the known set (-4, -3, -1, 0, 1, 2)"),
            violation("match_participants_slot_known", Kind.INVALID, "a match has player slots 1 and 2 only"),
            violation("matches_pk", Kind.DUPLICATE, "match %s exists already"),
            violation("matches_result_code", Kind.INVALID, "result code outside the known set (-2, -1, 0, 1, 2)"),
            violation("matches_state_known", Kind.INVALID, "unknown match state"),
            violation("matches_open_follows_state", Kind.INVALID, "a match is open exactly in state found or in_progress"),
            violation("matches_result_when_closed", Kind.INVALID, "a match has a result exactly when it is closed"),
            violation("matches_ended_when_closed", Kind.INVALID, "a match has an end time exactly when it is closed"),
            violation("matches_conflict_result", Kind.INVALID, "a match in conflict has result -2"),
            violation("matches_resolution_known", Kind.INVALID, "unknown resolution"),
            violation("matches_resolved_has_resolution", Kind.INVALID, "a resolved or invalidated match needs its resolution"),
            violation("matches_deadline_after_found", Kind.INVALID, "the confirm deadline is before the match was found"),
            violation("matches_version_positive", Kind.INVALID, "match version must be positive"),
            violation("rating_ledger_rating_fk", Kind.NOT_FOUND, "no rating %s for the ledger entry"),
            violation("rating_ledger_match_fk", Kind.NOT_FOUND, "match %s does not exist"),
            violation("rating_ledger_cause_known", Kind.INVALID, "unknown ledger cause"),
            violation("rating_ledger_match_unless_adjustment", Kind.INVALID,
                    "a ledger entry names its match unless it is an adjustment"),
            violation("queue_preferences_player_fk", Kind.NOT_FOUND, "player %s is not registered"),
            violation("admin_actions_kind_known", Kind.INVALID, "unknown admin action kind"),
            violation("admin_actions_target_not_blank", Kind.INVALID, "admin action target must not be blank"),
            violation("notification_outbox_dedupe_key_uk", Kind.DUPLICATE, "notification %s is already queued"),
            violation("notification_outbox_kind_not_blank", Kind.INVALID, "notification kind must not be blank"));

    private SqlFailures() {
    }

    /** The domain error for a failure of {@code operation}; logs the ones that mean an outage. */
    public static StoreException translate(String operation, RuntimeException failure) {
        Optional<SQLException> sql = sqlCause(failure);
        String state = sql.map(SQLException::getSQLState).orElse("");
        Optional<ServerErrorMessage> server = sql.flatMap(SqlFailures::serverMessage);
        String constraint = server.map(ServerErrorMessage::getConstraint).orElse("");
        Violation known = CONSTRAINTS.get(constraint);
        if (known != null) {
            String value = server.map(ServerErrorMessage::getDetail).map(SqlFailures::keyValue).orElse("?");
            return new StoreException(known.kind(), operation + ": " + known.message().replace("%s", value), failure);
        }
        if (state.startsWith("23")) {
            // A constraint without a sentence: still a domain error, with PostgreSQL's words.
            Kind kind = switch (state) {
                case "23505" -> Kind.DUPLICATE;
                case "23503" -> Kind.NOT_FOUND;
                default -> Kind.INVALID;
            };
            return new StoreException(kind, operation + ": " + firstLine(sql.get()), failure);
        }
        if (state.startsWith("22")) {
            return new StoreException(Kind.INVALID, operation + ": " + firstLine(sql.get()), failure);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new StoreException(Kind.STALE, operation + ": changed concurrently, read again and retry ("
                    + firstLine(sql.get()) + ")", failure);
        }
        String reason = sql.map(SqlFailures::firstLine).orElseGet(() -> firstLine(failure));
        LOG.warn("database unavailable: {} failed, nothing of it was stored: {} [SQLState {}]", operation, reason,
                state.isEmpty() ? "none" : state);
        return new StoreException(Kind.UNAVAILABLE, operation + " failed, nothing was stored: database unavailable ("
                + reason + ")", failure);
    }

    /**
     * The connection broke while the transaction committed: it may or may not be stored. Logged;
     * reported as unavailable with a message that says so.
     */
    static StoreException uncertainCommit(String operation, RuntimeException failure) {
        String reason = sqlCause(failure).map(SqlFailures::firstLine).orElseGet(() -> firstLine(failure));
        LOG.error("database lost while committing: {} may or may not be stored; read it back before retrying: {}",
                operation, reason);
        return new StoreException(Kind.UNAVAILABLE, operation + ": the database failed while committing, it may or"
                + " may not be stored; read it back before retrying (" + reason + ")", failure);
    }

    /**
     * True when the failure came from a connection that broke (the server closed or killed it),
     * so the same work on a fresh connection may succeed. A timeout waiting for the pool is not
     * one: the pool already waited.
     */
    static boolean brokenConnection(RuntimeException failure) {
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isEmpty() || sql.get() instanceof SQLTransientConnectionException) {
            return false;
        }
        String state = sql.get().getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s) {
                found = s;
                if (s instanceof BatchUpdateException && s.getNextException() != null) {
                    // The batch's own exception is generic; the next one names the constraint.
                    found = s.getNextException();
                }
                if (found instanceof PSQLException p && p.getServerErrorMessage() != null) {
                    break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<ServerErrorMessage> serverMessage(SQLException e) {
        return e instanceof PSQLException p ? Optional.ofNullable(p.getServerErrorMessage()) : Optional.empty();
    }

    private static String keyValue(String detail) {
        Matcher m = KEY.matcher(detail);
        return m.find() ? m.group(2) : "?";
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    private static Map.Entry<String, Violation> violation(String constraint, Kind kind, String message) {
        return Map.entry(constraint, new Violation(kind, message));
    }

    private record Violation(Kind kind, String message) {
    }
}
