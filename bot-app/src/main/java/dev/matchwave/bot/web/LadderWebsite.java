package dev.matchwave.bot.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.matchwave.bot.config.WebSettings;
import dev.matchwave.bot.ladder.DiscordBot;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ladder's public, read-only web pages (docs/web.md): the leaderboard, players, matches and
 * the live queue, rendered on the server from jte templates (src/main/jte) on the JDK's
 * {@code com.sun.net.httpserver}.
 *
 * <p>Only GET and HEAD (405 otherwise); unknown paths 404, bad filters and ids 400, each as a
 * page that says what was wrong. Every answer carries a strict Content-Security-Policy (no
 * inline script or style, nothing from elsewhere) and the usual hardening headers.
 *
 * <p>Thread-safe. Requests run on the site's own {@value #THREADS} threads, never on the
 * ladder's: a page that waits for the database holds up other pages, not a wave, and at most
 * {@value #THREADS} database connections are ever busy with pages. {@link #close()} stops
 * accepting and waits at most one second for requests in flight.
 */
public final class LadderWebsite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LadderWebsite.class);

    /** Threads that serve pages (and so at most this many database connections for pages). */
    public static final int THREADS = 4;

    /** No script or style but the site's own files; no frames, plugins, or forms to elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> ASSETS = Map.of("/assets/style.css", "text/css; charset=utf-8",
            "/assets/live.js", "text/javascript; charset=utf-8");

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm and the client's
        // delayed ACK a page of more than one segment then waits ~40 ms. Read once, when the
        // process's first HttpServer starts: Main sets it too, before any server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final PublicLadder ladder;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    private LadderWebsite(HttpServer server, ExecutorService executor, PublicLadder ladder) {
        this.server = server;
        this.executor = executor;
        this.ladder = ladder;
        for (String path : ASSETS.keySet()) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = LadderWebsite.class.getResourceAsStream(file)) {
                assets.put(path, Objects.requireNonNull(in, file).readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The pages of a started bot, reading through its front desk's leaderboard caches.
     *
     * @throws IllegalStateException if the bot is not started
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public static LadderWebsite start(DiscordBot bot, LiveFigures live, WebSettings settings) {
        return start(new PublicLadder(bot.ladder(), bot.ladder().leaderboard(), LeaderboardRules.REFERENCE, live,
                settings.publishIdentities()), settings);
    }

    /**
     * Starts serving on the settings' address and port.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static LadderWebsite start(PublicLadder ladder, WebSettings settings) {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(settings, "settings");
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + " for the web pages (" + e.getMessage() + ")", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("matchwave-web-", 0).daemon(true).factory());
        server.setExecutor(executor);
        LadderWebsite site = new LadderWebsite(server, executor, ladder);
        server.createContext("/", site::handle);
        server.start();
        LOG.info("web pages on {}", site.url());
        return site;
    }

    /** The port it listens on (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The site's address, for people: {@code http://127.0.0.1:PORT/} on a wildcard bind. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** A response before it is sent: status, content type and body. */
    record Answer(int status, String contentType, byte[] body, boolean cacheable) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            Answer answer;
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer = problem(405, "Method not allowed", List.of("These pages are read-only: use GET or HEAD, not "
                        + method + "."));
            } else {
                answer = answer(exchange.getRequestURI());
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", answer.contentType());
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
            headers.set("Cache-Control", answer.cacheable() ? "public, max-age=300" : "no-cache");
            if (head) {
                headers.set("Content-Length", Integer.toString(answer.body().length));
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    /** The answer to a GET of {@code uri}. */
    Answer answer(URI uri) {
        String path = uri.getRawPath();
        try {
            Map<String, List<String>> parameters = parameters(uri.getRawQuery());
            if (path.equals("/") || path.equals("/leaderboard")) {
                return leaderboard(parameters);
            }
            if (ASSETS.containsKey(path)) {
                return new Answer(200, ASSETS.get(path), assets.get(path), true);
            }
            if (path.equals("/live")) {
                return noParameters(parameters).orElseGet(() -> page(200, "live.jte", ladder.live()));
            }
            if (path.startsWith("/players/") && path.length() > "/players/".length()) {
                String segment = path.substring("/players/".length());
                String name = URLDecoder.decode(segment, StandardCharsets.UTF_8);
                Optional<Answer> refused = noParameters(parameters);
                if (refused.isPresent()) {
                    return refused.get();
                }
                // A name may hold any character, "/" too, escaped as %2F; a raw "/" is another path.
                if (segment.contains("/") || name.isBlank() || name.length() > 64) {
                    return problem(400, "Bad player name", List.of("A player's page is /players/NAME, NAME his name"
                            + " on the ladder."));
                }
                return ladder.player(name).map(p -> page(200, "player.jte", p))
                        .orElseGet(() -> problem(404, "No such player", List.of("Nobody on the ladder is called \""
                                + name + "\".")));
            }
            if (path.startsWith("/matches/") && path.length() > "/matches/".length()) {
                String id = path.substring("/matches/".length());
                Optional<Answer> refused = noParameters(parameters);
                if (refused.isPresent()) {
                    return refused.get();
                }
                long number;
                try {
                    number = Long.parseLong(id);
                } catch (NumberFormatException e) {
                    number = -1;
                }
                if (number <= 0) {
                    return problem(400, "Bad match number", List.of("A match's page is /matches/NUMBER, NUMBER a"
                            + " positive whole number; \"" + URLDecoder.decode(id, StandardCharsets.UTF_8)
                            + "\" is not one."));
                }
                long wanted = number;
                return ladder.match(number).map(m -> page(200, "match.jte", m))
                        .orElseGet(() -> problem(404, "No such match", List.of("There is no match #" + wanted + ".")));
            }
            return problem(404, "Page not found", List.of("There is no page at " + URLDecoder.decode(path,
                    StandardCharsets.UTF_8) + ". The pages are /leaderboard, /players/NAME, /matches/NUMBER and /live."));
        } catch (IllegalArgumentException e) {
            // URLDecoder: a malformed %-escape.
            return problem(400, "Bad address", List.of("The address cannot be read: " + e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("web page {} failed: {}", path, e.toString());
            return problem(503, "Ladder unavailable", List.of("The ladder's database is unavailable right now. Please"
                    + " try again shortly."));
        } catch (RuntimeException e) {
            LOG.error("web page {} failed", path, e);
            return problem(500, "Something went wrong", List.of("The page could not be made; the error is logged."));
        }
    }

    private Answer leaderboard(Map<String, List<String>> parameters) {
        return switch (BoardFilter.parse(parameters, ladder.rules())) {
            case BoardFilter.Parsed.Invalid invalid -> problem(400, "Bad leaderboard filter", invalid.problems());
            case BoardFilter.Parsed.Valid valid -> ladder.leaderboard(valid.filter())
                    .map(board -> page(200, "leaderboard.jte", board))
                    .orElseGet(() -> problem(404, "No such page", List.of("The leaderboard with these filters ("
                            + valid.filter().describe() + ") has fewer than " + valid.filter().page() + " pages.")));
        };
    }

    private Optional<Answer> noParameters(Map<String, List<String>> parameters) {
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(problem(400, "Unknown parameter", List.of("This page takes no parameters, got "
                + String.join(", ", parameters.keySet()) + ".")));
    }

    private Answer page(int status, String template, Object model) {
        StringOutput output = new StringOutput();
        templates.render(template, model, output);
        return new Answer(status, HTML, output.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    private Answer problem(int status, String title, List<String> problems) {
        return page(status, "problem.jte", new ProblemPage(status, title, problems));
    }

    /** The query's parameters in order; a name without {@code =} has the empty value. */
    static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Stops serving; waits at most one second for requests in flight. Idempotent. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
