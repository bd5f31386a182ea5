package dev.matchwave.matchmaking.ladder.audit;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import java.time.Instant;
import java.util.Objects;

/**
 * One admin action, as it is audited. Immutable.
 *
 * @param admin   who acted (the admin's user id)
 * @param kind    what he did
 * @param target  what he acted on, e.g. {@code player:123} or {@code match:45} (see
 *                {@link #player} and {@link #match}); {@code "-"} for the whole ladder
 * @param details what changed, free text for humans (e.g. {@code "bw_zerg 1500 -> 1550"})
 * @param reason  why, as the admin gave it; may be empty
 * @param at      when
 */
public record AdminAction(PlayerId admin, AdminActionKind kind, String target, String details, String reason,
                          Instant at) {

    public AdminAction {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (target.isBlank()) {
            throw new IllegalArgumentException("admin action target must not be blank (use \"-\" for none)");
        }
    }

    /** The target naming a player. */
    public static String player(PlayerId player) {
        return "player:" + player.value();
    }

    /** The target naming a match. */
    public static String match(MatchId match) {
        return "match:" + match.value();
    }
}
