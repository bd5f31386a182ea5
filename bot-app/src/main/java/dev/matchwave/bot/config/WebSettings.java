package dev.matchwave.bot.config;

import java.util.Objects;

/**
 * The ladder's public web pages (docs/web.md): where they listen and what they may publish.
 * Immutable; validated when built.
 *
 * @param port              1 to 65535, or 0 for a free port chosen by the system (tests, the demo)
 * @param bindAddress       the address to listen on: {@code 0.0.0.0} for every interface (the
 *                          default of the bot), {@code 127.0.0.1} for this machine only
 * @param publishIdentities whether the pages show BattleTags, alternative ids and Discord ids;
 *                          off by default: only the ladder name, country and figures are public
 */
public record WebSettings(int port, String bindAddress, boolean publishIdentities) {

    /** Every interface: the pages are meant for the public. */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    public WebSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("web port must be from 0 to 65535, got " + port);
        }
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("web bind address must not be blank");
        }
    }

    /** The pages on {@code port} of every interface, identities not published. */
    public static WebSettings onPort(int port) {
        return new WebSettings(port, DEFAULT_BIND_ADDRESS, false);
    }

    /** The same settings, listening on {@code address} only. */
    public WebSettings boundTo(String address) {
        return new WebSettings(port, address, publishIdentities);
    }

    /** The same settings with identities published or not. */
    public WebSettings publishingIdentities(boolean publish) {
        return new WebSettings(port, bindAddress, publish);
    }
}
