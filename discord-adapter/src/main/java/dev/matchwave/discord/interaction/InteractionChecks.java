package dev.matchwave.discord.interaction;

import dev.matchwave.discord.command.SlashCommands;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.discord.component.CustomIdException;
import java.util.Objects;
import java.util.Set;

/**
 * The checks an interaction passes before the ladder is asked: pure functions, no JDA.
 * Stateless and thread-safe.
 */
final class InteractionChecks {

    private InteractionChecks() {
    }

    /** What to do with an interaction. */
    public sealed interface Decision {
        /**
         * Nothing to do. Kept for callers that switch over every decision; the checks never give
         * it: Discord sends a component's interactions only to the application that made it, so
         * an id the bot cannot read is forged or from another version, and is answered.
         */
        record Ignore() implements Decision {
        }

        /** Answer the user with this and do nothing else. */
        record Refuse(Refusal refusal, String detail) implements Decision {
            public Refuse {
                Objects.requireNonNull(refusal, "refusal");
                Objects.requireNonNull(detail, "detail");
            }
        }

        /** Go ahead with this component. */
        record Component(CustomId id) implements Decision {
            public Component {
                Objects.requireNonNull(id, "id");
            }
        }

        /** Go ahead with this command. */
        record Command(String name) implements Decision {
            public Command {
                Objects.requireNonNull(name, "name");
            }
        }
    }

    /** Why an interaction is refused. */
    public enum Refusal {
        /** A direct-message-only command used in a server. */
        DIRECT_MESSAGE_ONLY,
        /** {@code /admin} by someone who is not an admin (logged). */
        NOT_ADMIN,
        /** A component made for another user. */
        NOT_YOURS,
        /** A component id that cannot be read (an old message, another version). */
        STALE_COMPONENT
    }

    /** A slash command: direct-message-only commands outside a DM, and {@code /admin}, are refused. */
    public static Decision command(String name, boolean inDirectMessage, long userId, Set<Long> adminIds) {
        if (SlashCommands.DIRECT_MESSAGE_ONLY.contains(name) && !inDirectMessage) {
            return new Decision.Refuse(Refusal.DIRECT_MESSAGE_ONLY, name);
        }
        if (name.equals(SlashCommands.ADMIN) && !adminIds.contains(userId)) {
            return new Decision.Refuse(Refusal.NOT_ADMIN, name);
        }
        return new Decision.Command(name);
    }

    /** A button or select: ours, readable, and made for this user. */
    public static Decision component(String customId, long userId) {
        if (!CustomId.isOurs(customId)) {
            return new Decision.Refuse(Refusal.STALE_COMPONENT, "not a component of this bot");
        }
        CustomId id;
        try {
            id = CustomId.parse(customId);
        } catch (CustomIdException e) {
            return new Decision.Refuse(Refusal.STALE_COMPONENT, e.userMessage());
        }
        if (id.playerId() != userId) {
            return new Decision.Refuse(Refusal.NOT_YOURS, "made for another user");
        }
        return new Decision.Component(id);
    }
}
