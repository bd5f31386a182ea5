package dev.matchwave.emulator;

import dev.matchwave.emulator.ratelimit.RateLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the emulator runs. Build one with {@link #builder()}; {@link #defaults()} is Discord's
 * behaviour on free ports of 127.0.0.1. Immutable; validated when built.
 *
 * @param host                     the loopback address both servers bind to
 * @param restPort                 the REST server's port; 0 picks a free one
 * @param gatewayPort              the gateway's port; 0 picks a free one
 * @param botToken                 the token the bot must present (REST {@code Authorization: Bot ...}, gateway identify)
 * @param botName                  the bot user's name
 * @param guildName                the one guild the bot is in
 * @param channelNames             its text channels, at least one
 * @param clock                    the emulator's time: snowflakes, timestamps, rate limits, deadlines
 * @param heartbeatInterval        sent in the gateway's HELLO (Discord: 41.25 s)
 * @param interactionDeadline      how long a bot has for its first answer to an interaction (Discord: 3 s)
 * @param interactionTokenLifetime how long an interaction token works for edits and followups (Discord: 15 min)
 * @param rateLimits               the REST rate limits
 * @param seed                     seeds tokens and session ids, so runs repeat
 */
public record EmulatorConfig(
        InetAddress host,
        int restPort,
        int gatewayPort,
        String botToken,
        String botName,
        String guildName,
        List<String> channelNames,
        InstantSource clock,
        Duration heartbeatInterval,
        Duration interactionDeadline,
        Duration interactionTokenLifetime,
        RateLimits rateLimits,
        long seed) {

    /** The token of {@link #defaults()}. */
    public static final String DEFAULT_TOKEN = "emulated.bot.token";

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("host must be a loopback address, got " + host);
        }
        requirePort("restPort", restPort);
        requirePort("gatewayPort", gatewayPort);
        Objects.requireNonNull(botToken, "botToken");
        if (botToken.isBlank() || botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("botToken must be non-blank without whitespace");
        }
        requireName("botName", botName, 2, 32);
        requireName("guildName", guildName, 2, 100);
        channelNames = List.copyOf(channelNames);
        if (channelNames.isEmpty()) {
            throw new IllegalArgumentException("channelNames must name at least one channel");
        }
        Set<String> distinct = new HashSet<>();
        for (String channel : channelNames) {
            if (!channel.matches("[a-z0-9_-]{1,100}")) {
                throw new IllegalArgumentException("channelNames: '" + channel
                        + "' is not a Discord text channel name (lower case letters, digits, - and _)");
            }
            if (!distinct.add(channel)) {
                throw new IllegalArgumentException("channelNames: '" + channel + "' is named twice");
            }
        }
        Objects.requireNonNull(clock, "clock");
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("interactionDeadline", interactionDeadline);
        requirePositive("interactionTokenLifetime", interactionTokenLifetime);
        if (interactionTokenLifetime.compareTo(interactionDeadline) < 0) {
            throw new IllegalArgumentException("interactionTokenLifetime (" + interactionTokenLifetime
                    + ") must be at least interactionDeadline (" + interactionDeadline + ")");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Discord's behaviour, on free ports of 127.0.0.1, on the system clock. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePort(String field, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(field + " must be between 0 and 65535, got " + port);
        }
    }

    private static void requireName(String field, String value, int min, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(field + " must be " + min + " to " + max + " characters, got '" + value + "'");
        }
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /**
     * Builds an {@link EmulatorConfig}; every option has Discord's default, and an option set
     * twice fails at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable InetAddress host;
        private @Nullable Integer restPort;
        private @Nullable Integer gatewayPort;
        private @Nullable String botToken;
        private @Nullable String botName;
        private @Nullable String guildName;
        private @Nullable List<String> channelNames;
        private @Nullable InstantSource clock;
        private @Nullable Duration heartbeatInterval;
        private @Nullable Duration interactionDeadline;
        private @Nullable Duration interactionTokenLifetime;
        private @Nullable RateLimits rateLimits;
        private @Nullable Long seed;

        private Builder() {
        }

        private static <T> T once(@Nullable Object previous, String option, T value) {
            if (previous != null) {
                throw new IllegalStateException(option + " is set twice");
            }
            return Objects.requireNonNull(value, option);
        }

        public Builder host(InetAddress value) {
            host = once(host, "host", value);
            return this;
        }

        public Builder restPort(int value) {
            restPort = once(restPort, "restPort", value);
            return this;
        }

        public Builder gatewayPort(int value) {
            gatewayPort = once(gatewayPort, "gatewayPort", value);
            return this;
        }

        public Builder botToken(String value) {
            botToken = once(botToken, "botToken", value);
            return this;
        }

        public Builder botName(String value) {
            botName = once(botName, "botName", value);
            return this;
        }

        public Builder guildName(String value) {
            guildName = once(guildName, "guildName", value);
            return this;
        }

        public Builder channelNames(List<String> value) {
            channelNames = once(channelNames, "channelNames", value);
            return this;
        }

        public Builder clock(InstantSource value) {
            clock = once(clock, "clock", value);
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = once(heartbeatInterval, "heartbeatInterval", value);
            return this;
        }

        public Builder interactionDeadline(Duration value) {
            interactionDeadline = once(interactionDeadline, "interactionDeadline", value);
            return this;
        }

        public Builder interactionTokenLifetime(Duration value) {
            interactionTokenLifetime = once(interactionTokenLifetime, "interactionTokenLifetime", value);
            return this;
        }

        public Builder rateLimits(RateLimits value) {
            rateLimits = once(rateLimits, "rateLimits", value);
            return this;
        }

        public Builder seed(long value) {
            seed = once(seed, "seed", value);
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    host != null ? host : InetAddress.getLoopbackAddress(),
                    restPort != null ? restPort : 0,
                    gatewayPort != null ? gatewayPort : 0,
                    botToken != null ? botToken : DEFAULT_TOKEN,
                    botName != null ? botName : "matchwave",
                    guildName != null ? guildName : "Emulated Guild",
                    channelNames != null ? channelNames : List.of("general"),
                    clock != null ? clock : InstantSource.system(),
                    heartbeatInterval != null ? heartbeatInterval : Duration.ofMillis(41_250),
                    interactionDeadline != null ? interactionDeadline : Duration.ofSeconds(3),
                    interactionTokenLifetime != null ? interactionTokenLifetime : Duration.ofMinutes(15),
                    rateLimits != null ? rateLimits : RateLimits.discord(),
                    seed != null ? seed : 1L);
        }
    }
}
