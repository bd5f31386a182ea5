package dev.matchwave.discord.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.matchwave.discord.rest.GatedRestRateLimiter;
import dev.matchwave.discord.rest.RestRequestGate;
import dev.matchwave.discord.timing.Ticker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.Test;

/**
 * What can be checked without Discord: the configuration JDA gets, and a login against a
 * local HTTP server that refuses the token (the REST base URL, the token header and the gate
 * all take part). A full session needs the Discord emulator of a later issue.
 */
class DiscordConnectionTest {

    private static ConnectionOptions emulator(RestRequestGate gate) {
        return new ConnectionOptions("test.token.value", Optional.of(URI.create("http://127.0.0.1:8900/api/v10")),
                Optional.of(URI.create("ws://127.0.0.1:8900/")), gate, Ticker.system(), List.of());
    }

    @Test
    void discordByDefault() {
        ConnectionOptions options = ConnectionOptions.discord("test.token.value", List.of());
        assertThat(DiscordConnection.restConfig(options).getBaseUrl()).isEqualTo(RestConfig.DEFAULT_BASE_URL);
        assertThat(DiscordConnection.sessionController(options)).isEmpty();
        assertThat(DiscordConnection.compression(options)).isEqualTo(Compression.ZLIB);
        assertThat(options.custom()).isFalse();
    }

    @Test
    void anEmulatorGetsItsUrlsAndNoCompression() {
        ConnectionOptions options = emulator(RestRequestGate.unlimited());
        assertThat(DiscordConnection.restConfig(options).getBaseUrl()).isEqualTo("http://127.0.0.1:8900/api/v10/");
        assertThat(DiscordConnection.sessionController(options)).get()
                .satisfies(controller -> assertThat(controller.getGateway()).isEqualTo("ws://127.0.0.1:8900/"));
        assertThat(DiscordConnection.compression(options)).isEqualTo(Compression.NONE);
    }

    @Test
    void restTrafficGoesThroughTheGate() {
        RestConfig config = DiscordConnection.restConfig(emulator(RestRequestGate.unlimited()));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            RestRateLimiter limiter = config.getRateLimiterFactory().apply(
                    new RestRateLimiter.RateLimitConfig(scheduler, RestRateLimiter.GlobalRateLimit.create(), true));
            assertThat(limiter).isInstanceOf(GatedRestRateLimiter.class);
            limiter.stop(true, () -> { });
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void noPrivilegedIntents() {
        assertThat(DiscordConnection.INTENTS).doesNotContain(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_PRESENCES,
                GatewayIntent.MESSAGE_CONTENT);
        assertThat(DiscordConnection.INTENTS).isEmpty();
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new ConnectionOptions("a b", Optional.empty(), Optional.empty(),
                RestRequestGate.unlimited(), Ticker.system(), List.of()))
                .hasMessage("token must be non-blank without whitespace");
        assertThatThrownBy(() -> new ConnectionOptions("t", Optional.of(URI.create("http://x/")), Optional.empty(),
                RestRequestGate.unlimited(), Ticker.system(), List.of()))
                .hasMessageContaining("apiUrl and gatewayUrl go together");
        assertThatThrownBy(() -> new ConnectionOptions("t", Optional.of(URI.create("ws://x/")),
                Optional.of(URI.create("ws://x/")), RestRequestGate.unlimited(), Ticker.system(), List.of()))
                .hasMessage("apiUrl must be a http or https URL with a host, got ws://x/");
        assertThat(emulator(RestRequestGate.unlimited()).toString()).doesNotContain("test.token.value");
    }

    /** JDA logs in with GET /users/@me: a local server that answers 401 makes it give up at once. */
    @Test
    void aRefusedTokenFailsTheLoginThroughTheLocalApi() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"message\":\"401: Unauthorized\",\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        List<String> gated = new CopyOnWriteArrayList<>();
        RestRequestGate gate = (request, now) -> {
            gated.add(request.label());
            return 0;
        };
        try {
            int port = server.getAddress().getPort();
            ConnectionOptions options = new ConnectionOptions("test.token.value",
                    Optional.of(URI.create("http://127.0.0.1:" + port + "/api/v10/")),
                    Optional.of(URI.create("ws://127.0.0.1:" + port + "/")), gate, Ticker.system(), List.of());
            assertThatThrownBy(() -> DiscordConnection.connect(options)).isInstanceOf(InvalidTokenException.class);
        } finally {
            server.stop(0);
        }
        assertThat(requests).containsExactly("GET /api/v10/users/@me Bot test.token.value");
        assertThat(gated).containsExactly("GET/users/@me");
    }
}
