package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import java.util.concurrent.CompletionStage;

/**
 * The platform's side of rank roles: add a role to a guild member, or remove it. The Discord
 * adapter implements it with JDA, paced by the bot's REST gate at a lower priority than
 * player-facing messages.
 *
 * <p>Implementations are thread-safe and never block: the answer completes the stage, on a
 * thread of the implementation's choosing. The stage never completes exceptionally.
 */
public interface MemberRoles {

    /** What the platform answered. */
    enum Result {
        /** Done (or it already was). */
        DONE,
        /** The player is not a member of the guild: nothing to do until he joins. */
        NOT_A_MEMBER,
        /** Refused for good: the bot lacks the permission, or the role is above it or gone. */
        REFUSED,
        /** Failed for now (a network error, a server error): worth trying again later. */
        FAILED
    }

    CompletionStage<Result> add(String guild, PlayerId player, String role);

    CompletionStage<Result> remove(String guild, PlayerId player, String role);
}
