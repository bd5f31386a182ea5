package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactions users sent, by id and by token: the INTERACTION_CREATE payload each carries,
 * and Discord's clocks on them, the deadline for a first answer and the token's lifetime for
 * followups and edits (developers/interactions/receiving-and-responding).
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class InteractionStore {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionStore.class);

    private final EmulatorConfig config;
    private final Snowflakes snowflakes;
    private final UsersAndChannels directory;
    private final IntFunction<String> randomToken;
    private final Runnable changed;
    private final Map<Long, InteractionRecord> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionRecord> interactionsByToken = new HashMap<>();

    /**
     * @param randomToken {@code bytes} random bytes as hex, from the emulator's seeded random
     */
    InteractionStore(EmulatorConfig config, Snowflakes snowflakes, UsersAndChannels directory,
                     IntFunction<String> randomToken, Runnable changed) {
        this.config = config;
        this.snowflakes = snowflakes;
        this.directory = directory;
        this.randomToken = randomToken;
        this.changed = changed;
    }

    /** Records an interaction and returns it; the caller dispatches its payload after the lock. */
    InteractionRecord newInteraction(int type, long userId, long channelId, String name, long sourceMessageId,
                                     ObjectNode data, @Nullable ObjectNode message) {
        UserRecord user = directory.userRecord(userId);
        ChannelRecord channel = directory.channelRecord(channelId);
        long id = snowflakes.next();
        String token = "aW50ZXJhY3Rpb246" + Json.id(id) + ":" + randomToken.apply(32);
        // The id's time, to the millisecond, is what JDA reads as the creation time.
        Instant now = Snowflakes.instantOf(id);
        ObjectNode payload = Json.object().put("id", Json.id(id)).put("application_id", Json.id(directory.applicationId()))
                .put("type", type).put("token", token).put("version", 1).put("locale", "en-US")
                .put("app_permissions", Long.toString(Payloads.ALL_PERMISSIONS)).put("attachment_size_limit", 10_485_760)
                .put("channel_id", Json.id(channel.id));
        payload.putArray("entitlements");
        ObjectNode owners = payload.putObject("authorizing_integration_owners");
        if (channel.dm()) {
            // developers/interactions/receiving-and-responding: "0" for GUILD_INSTALL invoked in the bot's DM.
            owners.put("0", "0");
            payload.put("context", 1);
            payload.set("user", Payloads.user(user));
            payload.set("channel", Payloads.dmChannel(channel, directory.bot()));
        } else {
            GuildRecord guild = directory.findGuild(channel.guildId);
            if (!guild.members.containsKey(userId)) {
                throw new IllegalArgumentException(user.username + " is not a member of guild " + guild.name);
            }
            owners.put("0", Json.id(guild.id));
            payload.put("context", 0).put("guild_id", Json.id(guild.id)).put("guild_locale", "en-US");
            payload.set("guild", Payloads.interactionGuild(guild));
            ObjectNode member = Payloads.member(guild, user, true);
            member.put("permissions", Long.toString(Payloads.EVERYONE_PERMISSIONS));
            payload.set("member", member);
            ObjectNode channelJson = Payloads.guildChannel(channel, guild.channelIds.indexOf(channel.id));
            channelJson.put("permissions", Long.toString(Payloads.EVERYONE_PERMISSIONS));
            payload.set("channel", channelJson);
        }
        payload.set("data", data);
        if (message != null) {
            payload.set("message", message);
        }
        InteractionRecord interaction = new InteractionRecord(id, token, type, userId, channelId, channel.guildId, now,
                name, sourceMessageId, payload);
        interactions.put(id, interaction);
        interactionsByToken.put(token, interaction);
        changed.run();
        return interaction;
    }

    @Nullable InteractionRecord findInteraction(long id) {
        return interactions.get(id);
    }

    InteractionRecord interactionRecord(long id) {
        InteractionRecord interaction = interactions.get(id);
        if (interaction == null) {
            throw new IllegalArgumentException("no interaction " + id);
        }
        return interaction;
    }

    /** Whether the bot let the deadline for a first answer pass. */
    boolean pastDeadline(InteractionRecord interaction) {
        Duration age = Duration.between(interaction.createdAt, config.clock().instant());
        return age.compareTo(config.interactionDeadline()) > 0;
    }

    /** The interaction a callback answers: known by id and token, not answered yet, and within its deadline. */
    InteractionRecord awaitingCallback(long interactionId, String token) {
        InteractionRecord interaction = interactions.get(interactionId);
        if (interaction == null || !interaction.token.equals(token)) {
            throw DiscordError.unknownInteraction();
        }
        if (interaction.acknowledged()) {
            throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
        }
        Duration age = Duration.between(interaction.createdAt, config.clock().instant());
        if (age.compareTo(config.interactionDeadline()) > 0) {
            LOG.warn("The bot answered interaction {} ({}) after {} ms; Discord refuses a first answer after {} ms",
                    interaction.id, interaction.name, age.toMillis(), config.interactionDeadline().toMillis());
            throw DiscordError.unknownInteraction();
        }
        return interaction;
    }

    /** The interaction behind a webhook token, checking the application and the token's 15-minute life. */
    InteractionRecord webhookInteraction(long application, String token) {
        InteractionRecord interaction = interactionsByToken.get(token);
        if (interaction == null || application != directory.applicationId()) {
            throw DiscordError.unknownWebhook();
        }
        if (Duration.between(interaction.createdAt, config.clock().instant())
                .compareTo(config.interactionTokenLifetime()) > 0) {
            if (!interaction.expiredLogged) {
                interaction.expiredLogged = true;
                LOG.warn("The bot used the token of interaction {} ({}) after its {} minutes", interaction.id,
                        interaction.name, config.interactionTokenLifetime().toMinutes());
            }
            throw new DiscordError(401, 50027, "Invalid Webhook Token");
        }
        if (!interaction.acknowledged()) {
            throw DiscordError.unknownWebhook();
        }
        return interaction;
    }
}
