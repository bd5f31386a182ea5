package dev.matchwave.matchmaking.ladder.admin;

import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Resolution;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.MatchRating;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin commands that change ladder data, each audited in the same unit of work as its
 * change: resolve a match, adjust a rating, ban, reset aborts; and {@link #record} for actions
 * that change nothing stored here (queue actions, lookups).
 *
 * <p>Thread-safe; methods block on the store. Whether the caller is an admin is the caller's
 * business (the bot checks roles).
 */
public final class LadderAdmin {

    /** How an admin changes a rating. */
    public enum Adjustment {
        SET, ADD, SUBTRACT
    }

    private final LadderStore store;
    private final MatchLifecycle lifecycle;
    private final InstantSource clock;

    public LadderAdmin(LadderStore store, MatchLifecycle lifecycle, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** See {@link MatchLifecycle#resolve}. */
    public Outcome resolve(PlayerId admin, MatchId match, Resolution resolution, String reason) {
        return lifecycle.resolve(match, admin, resolution, reason);
    }

    /**
     * Sets, raises or lowers a (player, race) rating by {@code points}; the games record stays.
     * Retries once if the rating changed meanwhile.
     *
     * @return the ledger entry written
     * @throws StoreException {@code NOT_FOUND} if the player is not registered
     */
    public LedgerEntry adjustRating(PlayerId admin, PlayerId player, String race, Adjustment adjustment, int points,
                                    String reason) {
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(reason, "reason");
        MatchRating rating = new MatchRating(lifecycle.ratingSystem());
        RatingKey key = new RatingKey(player, race);
        for (int attempt = 1; ; attempt++) {
            PlayerRating before = rating.orFresh(store.ratings().find(player, race), key);
            double value = before.rating().value();
            double target = switch (adjustment) {
                case SET -> points;
                case ADD -> value + points;
                case SUBTRACT -> value - points;
            };
            Instant now = now();
            RatingChange change = new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before,
                    before.withRating(before.rating().withValue(target)), now);
            AdminAction audit = new AdminAction(admin, AdminActionKind.ADJUST_RATING, AdminAction.player(player),
                    race + " " + before.rating().rounded() + " -> " + Math.round(target)
                            + " (" + adjustment.name().toLowerCase(java.util.Locale.ROOT) + " " + points + ")",
                    reason, now);
            try {
                return store.ratings().record(List.of(change), Optional.of(audit)).get(0);
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.STALE || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Bans or unbans a player. */
    public Player setBanned(PlayerId admin, PlayerId player, boolean banned, String reason) {
        AdminAction audit = new AdminAction(admin, AdminActionKind.BAN, AdminAction.player(player),
                banned ? "banned" : "unbanned", reason, now());
        return store.players().setBanned(player, banned, audit);
    }

    /** Restores a player's aborts to the lifecycle's budget. */
    public Player resetAborts(PlayerId admin, PlayerId player, String reason) {
        int budget = lifecycle.rules().abortBudget();
        AdminAction audit = new AdminAction(admin, AdminActionKind.RESET_ABORTS, AdminAction.player(player),
                "aborts -> " + budget, reason, now());
        return store.players().setAbortsLeft(player, budget, audit);
    }

    /** Audits an action that changes nothing stored here (e.g. a queue removal, a snapshot). */
    public AuditEntry record(PlayerId admin, AdminActionKind kind, String target, String details, String reason) {
        return store.audit().append(new AdminAction(admin, kind, target, details, reason, now()));
    }
}
