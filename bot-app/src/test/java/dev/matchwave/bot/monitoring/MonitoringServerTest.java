package dev.matchwave.bot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.matchwave.bot.monitoring.HealthProbes.GatewayState;
import dev.matchwave.matchmaking.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the real server on a free loopback port and reads it over HTTP. */
class MonitoringServerTest {

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z
    private final AtomicBoolean database = new AtomicBoolean(true);
    private final AtomicReference<GatewayState> gateway = new AtomicReference<>(GatewayState.CONNECTED);
    private final AtomicReference<Optional<Instant>> lastWave = new AtomicReference<>(Optional.empty());
    private final BotMetrics metrics = BotMetrics.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private MonitoringServer server;

    @BeforeEach
    void start() {
        HealthProbes probes = new HealthProbes(database::get, gateway::get, lastWave::get,
                Duration.ofSeconds(135), clock);
        server = MonitoringServer.start(0, probes, metrics);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void healthyBeforeTheFirstWave() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("database_reachable").asBoolean()).isTrue();
        assertThat(body.get("gateway").asText()).isEqualTo("connected");
        assertThat(body.get("gateway_connected").asBoolean()).isTrue();
        assertThat(body.get("last_wave").isNull()).isTrue();
        assertThat(body.get("seconds_since_last_wave").isNull()).isTrue();
        assertThat(body.get("checked_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void lastWaveTime() throws Exception {
        lastWave.set(Optional.of(clock.instant()));
        clock.advance(Duration.ofMillis(3_200));
        JsonNode body = json.readTree(get("/health").body());
        assertThat(body.get("last_wave").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(body.get("seconds_since_last_wave").asDouble()).isEqualTo(3.2);
        assertThat(body.get("waves_stale").asBoolean()).isFalse();
    }

    @Test
    void unhealthyAnswers503() throws Exception {
        database.set(false);
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("unhealthy");

        database.set(true);
        gateway.set(GatewayState.CONNECTING);
        assertThat(get("/health").statusCode()).isEqualTo(503);

        gateway.set(GatewayState.OFFLINE);
        assertThat(get("/health").statusCode()).as("offline on purpose is healthy").isEqualTo(200);

        lastWave.set(Optional.of(clock.instant()));
        clock.advance(Duration.ofSeconds(136));
        HttpResponse<String> stale = get("/health");
        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(json.readTree(stale.body()).get("waves_stale").asBoolean()).isTrue();
    }

    @Test
    void aProbeThatThrowsCountsAsFailed() throws Exception {
        try (MonitoringServer broken = MonitoringServer.start(0, new HealthProbes(
                () -> { throw new IllegalStateException("pool closed"); },
                () -> { throw new IllegalStateException("no JDA"); },
                Optional::empty, Duration.ofMinutes(1), clock), metrics)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + broken.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("database_reachable").asBoolean()).isFalse();
            assertThat(body.get("gateway").asText()).isEqualTo("disconnected");
        }
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        metrics.queueSize(5);
        metrics.waveCompleted(5, 2, Duration.ofMillis(4));
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE matchwave_queue_size gauge")
                .contains("matchwave_queue_size 5.0")
                .contains("# TYPE matchwave_waves_total counter")
                .contains("matchwave_matches_total 2.0");
    }

    @Test
    void otherPathsAndMethods() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.port()).isPositive();
        assertThatThrownBy(() -> MonitoringServer.start(server.port(), new HealthProbes(() -> true,
                () -> GatewayState.OFFLINE, Optional::empty, Duration.ofMinutes(1), clock), metrics))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port());
    }

    @Test
    void closeStopsServing() {
        int port = server.port();
        server.close();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        server.close(); // idempotent
    }
}
