package dev.matchwave.discord.connection;

import dev.matchwave.discord.rest.RestRequestGate;
import dev.matchwave.discord.timing.Ticker;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to connect.
 *
 * <p>Immutable; {@link #toString()} never shows the token.
 *
 * @param token      the bot token
 * @param apiUrl     a Discord-compatible REST base URL such as {@code http://127.0.0.1:8900/api/v10/};
 *                   empty: Discord's
 * @param gatewayUrl a Discord-compatible gateway URL such as {@code ws://127.0.0.1:8900/};
 *                   present exactly when {@code apiUrl} is. Gateway compression is then off, so
 *                   an emulator need not speak zlib-stream
 * @param gate       decides when each REST request may go
 * @param ticker     the time the gate reasons in
 * @param listeners  JDA event listeners (the interaction router)
 */
public record ConnectionOptions(
        String token,
        Optional<URI> apiUrl,
        Optional<URI> gatewayUrl,
        RestRequestGate gate,
        Ticker ticker,
        List<Object> listeners) {

    public ConnectionOptions {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("token must be non-blank without whitespace");
        }
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (apiUrl.isPresent() != gatewayUrl.isPresent()) {
            throw new IllegalArgumentException("apiUrl and gatewayUrl go together: set both (a local Discord) or neither");
        }
        apiUrl.ifPresent(url -> requireScheme("apiUrl", url, "http", "https"));
        gatewayUrl.ifPresent(url -> requireScheme("gatewayUrl", url, "ws", "wss"));
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(ticker, "ticker");
        listeners = List.copyOf(listeners);
    }

    /**
     * Discord itself, every REST request behind notification-core's Discord-model limiter
     * ({@link RestRequestGate#discord}) on the system clock, the system ticker.
     */
    public static ConnectionOptions discord(String token, List<Object> listeners) {
        return new ConnectionOptions(token, Optional.empty(), Optional.empty(), RestRequestGate.discord(InstantSource.system()),
                Ticker.system(), listeners);
    }

    /** Whether this connects to something other than Discord (an emulator). */
    public boolean custom() {
        return apiUrl.isPresent();
    }

    private static void requireScheme(String field, URI url, String... schemes) {
        for (String scheme : schemes) {
            if (scheme.equalsIgnoreCase(url.getScheme()) && url.getHost() != null) {
                return;
            }
        }
        throw new IllegalArgumentException(field + " must be a " + String.join(" or ", schemes)
                + " URL with a host, got " + url);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[token=(set), apiUrl=" + apiUrl.map(URI::toString).orElse("(Discord)")
                + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("(Discord)")
                + ", listeners=" + listeners.size() + "]";
    }
}
