package dev.matchwave.bot.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * One setting of the bot, with the two names it goes by: an environment variable and a key in
 * the properties file. An environment variable wins over the file; the file wins over the
 * default.
 *
 * <p>Immutable and thread-safe.
 */
public enum Setting {

    DISCORD_TOKEN("DISCORD_TOKEN", "discord.token", true,
            "the bot token from the Discord Developer Portal (unset: offline demo)"),
    DISCORD_API_URL("MATCHWAVE_DISCORD_API_URL", "discord.api-url", false,
            "an http(s) URL of a Discord-compatible REST API, e.g. http://127.0.0.1:8900/api/v10/ (unset: Discord)"),
    DISCORD_GATEWAY_URL("MATCHWAVE_DISCORD_GATEWAY_URL", "discord.gateway-url", false,
            "a ws(s) URL of a Discord-compatible gateway, e.g. ws://127.0.0.1:8900/ (unset: Discord)"),
    DB_URL("MATCHWAVE_DB_URL", "db.url", false,
            "a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/matchwave (unset: embedded database)"),
    DB_USER("MATCHWAVE_DB_USER", "db.user", false,
            "the database user (only with db.url)"),
    DB_PASSWORD("MATCHWAVE_DB_PASSWORD", "db.password", true,
            "the database password (only with db.url)"),
    DB_DIR("MATCHWAVE_DB_DATA_DIR", "db.dir", false,
            "the embedded database's data directory (default " + BotConfig.DEFAULT_EMBEDDED_DIR + ")"),
    QUEUE_STORE("MATCHWAVE_QUEUE_STORE", "queue.store", false,
            "postgres (the queue in the ladder's database, the default) or redis://HOST:PORT"),
    NO_SHOW("MATCHWAVE_NO_SHOW", "queue.no-show", false,
            "COUNT/WINDOW/COOLDOWN/GROWTH/MAX/MEMORY, e.g. 3/24h/30m/x2/7d/30d (the default), or off"),
    ADMIN_IDS("MATCHWAVE_ADMIN_IDS", "admin.ids", false,
            "comma-separated Discord user ids (numbers such as 123456789012345678) allowed to use /admin"),
    WAVE_INTERVAL("MATCHWAVE_WAVE_INTERVAL", "wave.interval", false,
            "a whole number of seconds from " + BotConfig.MIN_WAVE_INTERVAL.toSeconds() + " to "
                    + BotConfig.MAX_WAVE_INTERVAL.toSeconds() + " (default "
                    + BotConfig.DEFAULT_WAVE_INTERVAL.toSeconds() + ")"),
    RULES("MATCHWAVE_RULES", "rules", false,
            "the name of a rule set (default " + BotConfig.DEFAULT_RULES + ")"),
    GUILD_ID("MATCHWAVE_GUILD_ID", "guild.id", false,
            "the Discord server (guild) id to register the commands in (unset: global commands)"),
    HTTP_PORT("MATCHWAVE_HTTP_PORT", "http.port", false,
            "a TCP port from 1 to 65535 for /health and /metrics on localhost, or 0 or off to turn it off (default "
                    + BotConfig.DEFAULT_HTTP_PORT + ")"),
    WEB_PORT("MATCHWAVE_WEB_PORT", "web.port", false,
            "a TCP port from 1 to 65535 for the public web pages (leaderboard, players, matches, live), or off"
                    + " (the default: no pages)"),
    WEB_BIND("MATCHWAVE_WEB_BIND", "web.bind", false,
            "the address the web pages listen on (default " + WebSettings.DEFAULT_BIND_ADDRESS
                    + ", every interface; 127.0.0.1 for this machine only)"),
    WEB_PUBLISH_IDS("MATCHWAVE_WEB_PUBLISH_IDS", "web.publish-ids", false,
            "true to show BattleTags, alternative ids and Discord ids on the web pages (default false)"),
    RANK_ROLES("MATCHWAVE_RANK_ROLES", "ranks.roles", false,
            "GUILD_ID: LETTER=ROLE_ID, ... per guild, guilds separated by ';', e.g. "
                    + "345678901234567890: S=111111111111111111, A=222222222222222222 (letters S A B C D E F U; unset: no rank roles)");

    private final String environmentVariable;
    private final String propertyKey;
    private final boolean secret;
    private final String expected;

    Setting(String environmentVariable, String propertyKey, boolean secret, String expected) {
        this.environmentVariable = environmentVariable;
        this.propertyKey = propertyKey;
        this.secret = secret;
        this.expected = expected;
    }

    /** The environment variable, e.g. {@code MATCHWAVE_WAVE_INTERVAL}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The key in the properties file, e.g. {@code wave.interval}. */
    public String propertyKey() {
        return propertyKey;
    }

    /** Whether the value is a secret: it is never printed, not even in an error. */
    public boolean secret() {
        return secret;
    }

    /** What a valid value looks like, in words, for error messages and docs. */
    public String expected() {
        return expected;
    }

    /** The setting with this properties key, if any. */
    public static Optional<Setting> byPropertyKey(String key) {
        return Arrays.stream(values()).filter(s -> s.propertyKey.equals(key)).findFirst();
    }

    /** The setting with this environment variable name, if any. */
    public static Optional<Setting> byEnvironmentVariable(String name) {
        return Arrays.stream(values()).filter(s -> s.environmentVariable.equals(name)).findFirst();
    }
}
