package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.matchwave.emulator.ratelimit.LimitedRoute;
import dev.matchwave.emulator.ratelimit.RateLimitDecision;
import dev.matchwave.emulator.ratelimit.RateLimitScope;
import dev.matchwave.emulator.ratelimit.RouteLimiter;
import dev.matchwave.emulator.recording.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v10} on the JDK's HttpServer: routing, the bot token, rate
 * limits, the recording, Discord's error shape; {@link DiscordState} does the rest.
 *
 * <p>Requests run on virtual threads; thread-safe.
 */
final class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String PREFIX = "/api/v10/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final DiscordState state;
    private final EmulatorConfig config;
    private final RouteLimiter limiter;
    private final Recording recording;
    private final Supplier<URI> gatewayUrl;
    private final List<RouteDefinition> routes = new ArrayList<>();

    RestServer(EmulatorConfig config, DiscordState state, RouteLimiter limiter, Recording recording,
               Supplier<URI> gatewayUrl) throws IOException {
        this.config = config;
        this.state = state;
        this.limiter = limiter;
        this.recording = recording;
        this.gatewayUrl = gatewayUrl;
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.restPort()), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        defineRoutes();
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    URI url() {
        return URI.create("http://" + DiscordEmulator.hostText(config.host()) + ":" + server.getAddress().getPort()
                + PREFIX);
    }

    // ---------------------------------------------------------------- the routes

    private void defineRoutes() {
        DiscordState s = state;
        route("GET", "users/@me", c -> s.selfUser());
        route("GET", "users/{user_id}", c -> s.user(c.id("user_id")));
        route("POST", "users/@me/channels", c -> s.openDm(c.body().json()));
        route("GET", "gateway", c -> Json.object().put("url", gatewayUrl.get().toString()));
        route("GET", "gateway/bot", c -> {
            var json = Json.object().put("url", gatewayUrl.get().toString()).put("shards", 1);
            json.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            return json;
        });

        route("GET", "applications/{application_id}/commands", c -> s.commands(c.id("application_id"), 0));
        route("PUT", "applications/{application_id}/commands",
                c -> s.overwriteCommands(c.id("application_id"), 0, c.body().json()));
        route("POST", "applications/{application_id}/commands",
                c -> s.upsertCommand(c.id("application_id"), 0, c.body().json()));
        route("GET", "applications/{application_id}/commands/{command_id}",
                c -> s.command(c.id("application_id"), 0, c.id("command_id")));
        route("PATCH", "applications/{application_id}/commands/{command_id}",
                c -> s.editCommand(c.id("application_id"), 0, c.id("command_id"), c.body().json()));
        route("DELETE", "applications/{application_id}/commands/{command_id}", c -> {
            s.deleteCommand(c.id("application_id"), 0, c.id("command_id"));
            return null;
        });
        route("GET", "applications/{application_id}/guilds/{guild_id}/commands",
                c -> s.commands(c.id("application_id"), c.id("guild_id")));
        route("PUT", "applications/{application_id}/guilds/{guild_id}/commands",
                c -> s.overwriteCommands(c.id("application_id"), c.id("guild_id"), c.body().json()));
        route("POST", "applications/{application_id}/guilds/{guild_id}/commands",
                c -> s.upsertCommand(c.id("application_id"), c.id("guild_id"), c.body().json()));
        route("GET", "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                c -> s.command(c.id("application_id"), c.id("guild_id"), c.id("command_id")));
        route("PATCH", "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                c -> s.editCommand(c.id("application_id"), c.id("guild_id"), c.id("command_id"), c.body().json()));
        route("DELETE", "applications/{application_id}/guilds/{guild_id}/commands/{command_id}", c -> {
            s.deleteCommand(c.id("application_id"), c.id("guild_id"), c.id("command_id"));
            return null;
        });

        interactionRoute("POST", "interactions/{interaction_id}/{interaction_token}/callback",
                c -> s.callback(c.id("interaction_id"), c.text("interaction_token"), c.body(),
                        "true".equalsIgnoreCase(c.query().get("with_response"))).orElse(null));
        interactionRoute("POST", "webhooks/{application_id}/{interaction_token}",
                c -> s.followup(c.id("application_id"), c.text("interaction_token"), c.body()));
        interactionRoute("GET", "webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                c -> s.webhookMessage(c.id("application_id"), c.text("interaction_token"), c.text("message_id")));
        interactionRoute("PATCH", "webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                c -> s.editWebhookMessage(c.id("application_id"), c.text("interaction_token"), c.text("message_id"),
                        c.body()));
        interactionRoute("DELETE", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", c -> {
            s.deleteWebhookMessage(c.id("application_id"), c.text("interaction_token"), c.text("message_id"));
            return null;
        });

        route("GET", "channels/{channel_id}", c -> s.channel(c.id("channel_id")));
        route("GET", "channels/{channel_id}/messages", c -> s.history(c.id("channel_id"), c.query()));
        route("POST", "channels/{channel_id}/messages", c -> s.createChannelMessage(c.id("channel_id"), c.body()));
        route("GET", "channels/{channel_id}/messages/{message_id}",
                c -> s.channelMessage(c.id("channel_id"), c.id("message_id")));
        route("PATCH", "channels/{channel_id}/messages/{message_id}",
                c -> s.editChannelMessage(c.id("channel_id"), c.id("message_id"), c.body()));
        route("DELETE", "channels/{channel_id}/messages/{message_id}", c -> {
            s.deleteChannelMessage(c.id("channel_id"), c.id("message_id"));
            return null;
        });

        route("GET", "guilds/{guild_id}", c -> s.guild(c.id("guild_id")));
        route("GET", "guilds/{guild_id}/channels", c -> s.guildChannels(c.id("guild_id")));
        route("GET", "guilds/{guild_id}/members/{user_id}", c -> s.member(c.id("guild_id"), c.id("user_id")));
        route("PATCH", "guilds/{guild_id}/members/{user_id}",
                c -> s.modifyMember(c.id("guild_id"), c.id("user_id"), c.body().json()));
        route("GET", "guilds/{guild_id}/roles", c -> s.guildRoles(c.id("guild_id")));
        route("PUT", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", c -> {
            s.changeMemberRole(c.id("guild_id"), c.id("user_id"), c.id("role_id"), true);
            return null;
        });
        route("DELETE", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", c -> {
            s.changeMemberRole(c.id("guild_id"), c.id("user_id"), c.id("role_id"), false);
            return null;
        });
    }

    private void route(String method, String template, Handler handler) {
        routes.add(new RouteDefinition(method, template, false, handler));
    }

    private void interactionRoute(String method, String template, Handler handler) {
        routes.add(new RouteDefinition(method, template, true, handler));
    }

    // ---------------------------------------------------------------- handling

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant now = state.now();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Match match = rawPath.startsWith(PREFIX) ? match(method, rawPath.substring(PREFIX.length())) : null;
            String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length() - 1) : rawPath;
            if (match == null) {
                LOG.warn("UNKNOWN ROUTE {} {}: answered 404; add it to the emulator if the bot needs it", method, rawPath);
                DiscordError error = DiscordError.notFound();
                recording.add(now, method, method + " " + path, path, Optional.empty(), error.status(), false, false, Map.of());
                send(exchange, error.status(), error.body(), Map.of());
                return;
            }
            String route = method + " /" + match.definition.template;
            boolean interaction = match.definition.interaction;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!interaction && !("Bot " + config.botToken()).equals(authorization)) {
                DiscordError error = DiscordError.unauthorized();
                finish(now, method, route, path, Optional.empty(), error.status(), interaction, Optional.empty(), Map.of());
                send(exchange, error.status(), error.body(), Map.of());
                return;
            }
            RateLimitDecision decision = limiter.decide(
                    new LimitedRoute(route, match.major(), interaction), now);
            switch (decision) {
                case RateLimitDecision.Banned banned -> {
                    // Cloudflare's ban: text, no Via; not counted again.
                    LOG.error("{} {} refused: banned for too many invalid requests ({} s left)", method, path,
                            banned.retryAfter().toSeconds());
                    recording.add(now, method, route, path, Optional.empty(), 429, interaction, true, banned.headers());
                    sendText(exchange, 429, "error code: 1015", banned.headers());
                    return;
                }
                case RateLimitDecision.Limited limited -> {
                    LOG.info("{} {} answered 429 ({} limit, retry after {} ms)", method, path, limited.scope().header(),
                            limited.retryAfter().toMillis());
                    var json = Json.object().put("message", "You are being rate limited.")
                            .put("retry_after", limited.retryAfterSeconds()).put("global", limited.global());
                    finish(now, method, route, path, limited.bucket(), 429, interaction, Optional.of(limited.scope()),
                            limited.headers());
                    send(exchange, 429, json, limited.headers());
                    return;
                }
                case RateLimitDecision.Allowed allowed -> {
                    // Handled and recorded as one step, before the bot has the answer: what the bot
                    // knows and what users see, the recording shows (and a mark never splits them).
                    Answer answer = recording.handled(() -> {
                        Answer handled = answer(match, exchange, body, method, path);
                        finish(now, method, route, path, allowed.bucket(), handled.status(), interaction,
                                Optional.empty(), allowed.headers());
                        return handled;
                    });
                    send(exchange, answer.status(), answer.body(), answer.status() == 500 ? Map.of() : allowed.headers());
                }
            }
        }
    }

    private record Answer(int status, @Nullable JsonNode body) {
    }

    private Answer answer(Match match, HttpExchange exchange, byte[] body, String method, String path) {
        try {
            Call call = new Call(match.parameters, DiscordEmulator.query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            JsonNode answer = match.definition.handler.handle(call);
            return new Answer(answer == null ? 204 : 200, answer);
        } catch (DiscordError error) {
            if (error.status() >= 400 && error.status() != 404) {
                LOG.warn("{} {} answered {}: {}", method, path, error.status(), error.getMessage());
            } else {
                LOG.info("{} {} answered {}: {}", method, path, error.status(), error.getMessage());
            }
            return new Answer(error.status(), error.body());
        } catch (RuntimeException e) {
            LOG.error("{} {}: the emulator failed", method, path, e);
            return new Answer(500, Json.object().put("message", "500: Internal Server Error").put("code", 0));
        }
    }

    private void finish(Instant now, String method, String route, String path, Optional<String> bucket, int status,
                        boolean interaction, Optional<RateLimitScope> scope, Map<String, String> headers) {
        recording.add(now, method, route, path, bucket, status, interaction, true, headers);
        limiter.observe(status, scope, now);
    }

    private static void send(HttpExchange exchange, int status, @Nullable JsonNode body, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private @Nullable Match match(String method, String path) {
        String[] segments = path.split("/", -1);
        for (RouteDefinition definition : routes) {
            if (!definition.method.equals(method) || definition.segments.length != segments.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String expected = definition.segments[i];
                if (expected.startsWith("{")) {
                    String value = java.net.URLDecoder.decode(segments[i], StandardCharsets.UTF_8);
                    // A literal segment (users/@me) wins over a parameter: @me is not an id.
                    matches = !value.isEmpty() && !(value.startsWith("@") && expected.endsWith("_id}")
                            && !expected.equals("{message_id}"));
                    parameters.put(expected.substring(1, expected.length() - 1), value);
                } else {
                    matches = expected.equals(segments[i]);
                }
            }
            if (matches) {
                return new Match(definition, parameters);
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Handler {
        /** The answer's JSON, or null for 204 No Content. */
        @Nullable JsonNode handle(Call call);
    }

    private record RouteDefinition(String method, String template, boolean interaction, Handler handler,
                                   String[] segments) {
        RouteDefinition(String method, String template, boolean interaction, Handler handler) {
            this(method, template, interaction, handler, template.split("/", -1));
        }
    }

    private record Match(RouteDefinition definition, Map<String, String> parameters) {
        /** Discord's top-level resources: the bucket is per channel, guild, or webhook and token. */
        String major() {
            List<String> major = new ArrayList<>();
            for (String name : List.of("channel_id", "guild_id", "interaction_token")) {
                String value = parameters.get(name);
                if (value != null) {
                    major.add(name + "=" + value);
                }
            }
            return String.join(",", major);
        }
    }

    /** One request as a handler sees it. */
    private static final class Call {
        private final Map<String, String> parameters;
        private final Map<String, String> query;
        private final @Nullable String contentType;
        private final byte[] bytes;
        private @Nullable RequestBody body;

        Call(Map<String, String> parameters, Map<String, String> query, @Nullable String contentType, byte[] bytes) {
            this.parameters = parameters;
            this.query = query;
            this.contentType = contentType;
            this.bytes = bytes;
        }

        long id(String name) {
            String value = parameters.get(name);
            try {
                return Long.parseUnsignedLong(value == null ? "" : value);
            } catch (NumberFormatException e) {
                throw DiscordError.invalidField(name, "NUMBER_TYPE_COERCE", "Value \"" + value + "\" is not snowflake.");
            }
        }

        String text(String name) {
            return parameters.getOrDefault(name, "");
        }

        Map<String, String> query() {
            return query;
        }

        RequestBody body() {
            if (body == null) {
                body = RequestBody.parse(contentType, bytes);
            }
            return body;
        }
    }
}
