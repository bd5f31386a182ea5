package dev.matchwave.discord.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.roles.MemberRoles;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes a member's role with JDA: {@code PUT} and {@code DELETE
 * /guilds/{guild.id}/members/{user.id}/roles/{role.id}}, one role a request (the member need not
 * be cached, so the bot needs no member intent; {@code PATCH} of the whole role list would need
 * the member's other roles first). The requests go through JDA's REST limiter, where the bot's
 * gate books them as background work, after the player-facing ones.
 *
 * <p>Answers: done (204); the user is not a member (10007, 10013) as {@link Result#NOT_A_MEMBER};
 * a role that is unknown, managed or above the bot, or a missing permission (JDA's own checks,
 * 10011, 50001, 50013) as {@link Result#REFUSED}; anything else as {@link Result#FAILED}.
 *
 * <p>Thread-safe; never blocks.
 */
public final class JdaMemberRoles implements MemberRoles {

    private static final Logger LOG = LoggerFactory.getLogger(JdaMemberRoles.class);

    private final JDA jda;

    public JdaMemberRoles(JDA jda) {
        this.jda = Objects.requireNonNull(jda, "jda");
    }

    @Override
    public CompletionStage<Result> add(String guild, PlayerId player, String role) {
        return change(guild, player, role, true);
    }

    @Override
    public CompletionStage<Result> remove(String guild, PlayerId player, String role) {
        return change(guild, player, role, false);
    }

    private CompletionStage<Result> change(String guildId, PlayerId player, String roleId, boolean add) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            LOG.error("rank roles: the bot is not in guild {} (or it is unavailable)", guildId);
            return CompletableFuture.completedFuture(Result.REFUSED);
        }
        Role role = guild.getRoleById(roleId);
        if (role == null) {
            LOG.error("rank roles: guild {} has no role {}", guildId, roleId);
            return CompletableFuture.completedFuture(Result.REFUSED);
        }
        UserSnowflake user = UserSnowflake.fromId(player.value());
        try {
            CompletableFuture<Void> sent = add ? guild.addRoleToMember(user, role).submit()
                    : guild.removeRoleFromMember(user, role).submit();
            return sent.handle((ok, error) -> error == null ? Result.DONE : classify(error, guildId, roleId));
        } catch (PermissionException | IllegalArgumentException e) {
            LOG.error("rank roles: the bot may not {} role {} in guild {}: {}", add ? "give" : "take", roleId, guildId,
                    e.getMessage());
            return CompletableFuture.completedFuture(Result.REFUSED);
        }
    }

    private static Result classify(Throwable error, String guild, String role) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ErrorResponseException response) {
            ErrorResponse code = response.getErrorResponse();
            if (code == ErrorResponse.UNKNOWN_MEMBER || code == ErrorResponse.UNKNOWN_USER) {
                return Result.NOT_A_MEMBER;
            }
            if (code == ErrorResponse.UNKNOWN_ROLE || code == ErrorResponse.MISSING_PERMISSIONS
                    || code == ErrorResponse.MISSING_ACCESS) {
                LOG.error("rank roles: Discord refused role {} in guild {}: {}", role, guild, response.getMeaning());
                return Result.REFUSED;
            }
        }
        LOG.warn("rank roles: changing role {} in guild {} failed: {}", role, guild, cause.toString());
        return Result.FAILED;
    }
}
