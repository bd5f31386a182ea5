package dev.matchwave.bot.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A small HTTP server on the loopback interface only, for the operator and a Prometheus
 * scraper on the same machine:
 * <ul>
 *   <li>{@code GET /health}: a {@link HealthReport} as JSON; status 200 when healthy, 503
 *       when not</li>
 *   <li>{@code GET /metrics}: {@link BotMetrics#scrape()}, Prometheus text format 0.0.4</li>
 * </ul>
 * Other paths answer 404, other methods 405. Built on the JDK's {@code com.sun.net.httpserver}
 * (module jdk.httpserver): no web framework for two read-only pages.
 *
 * <p>Thread-safe. Requests run on virtual threads, so a slow database probe holds up only its
 * own request. {@link #close()} stops accepting and waits at most one second for requests in
 * flight.
 */
public final class MonitoringServer implements AutoCloseable {

    /** The content type of Prometheus text format 0.0.4. */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MonitoringServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code 127.0.0.1:port}.
     *
     * @param port    1 to 65535, or 0 for a free port chosen by the system (tests)
     * @param health  asked on every {@code /health}
     * @param metrics scraped on every {@code /metrics}
     * @throws UncheckedIOException if the port cannot be bound (taken, or not allowed)
     */
    public static MonitoringServer start(int port, HealthProbes health, BotMetrics metrics) {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getAddress().getHostAddress() + ":" + port
                    + " for /health and /metrics (" + e.getMessage() + ")", e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("matchwave-monitoring-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/health", exchange -> {
            HealthReport report = health.check();
            respond(exchange, "/health", report.healthy() ? 200 : 503, "application/json; charset=utf-8",
                    report::toJson);
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, "/metrics", 200, PROMETHEUS_CONTENT_TYPE, metrics::scrape));
        server.createContext("/", exchange ->
                respond(exchange, exchange.getRequestURI().getPath(), 404, "text/plain; charset=utf-8",
                        () -> "not found: try /health or /metrics\n"));
        server.start();
        return new MonitoringServer(server, executor);
    }

    private static void respond(HttpExchange exchange, String path, int status, String contentType,
            Supplier<String> body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            // A context matches by prefix: /healthz is not /health.
            if (status != 404 && !exchange.getRequestURI().getPath().equals(path)) {
                status = 404;
                contentType = "text/plain; charset=utf-8";
                body = () -> "not found: try /health or /metrics\n";
            }
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                status = 405;
                contentType = "text/plain; charset=utf-8";
                body = () -> "method not allowed: use GET\n";
            }
            byte[] bytes;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                status = 500;
                contentType = "text/plain; charset=utf-8";
                bytes = ("internal error: " + e.getClass().getSimpleName() + "\n").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (head) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The port it listens on (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving; waits at most one second for requests in flight. Idempotent. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
